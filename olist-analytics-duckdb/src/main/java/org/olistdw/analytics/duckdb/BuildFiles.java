package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.olistdw.domain.orchestration.RunId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names and housekeeping of build files: a build of run {@code n} is the DuckDB file
 * {@code <published>.build-<n>-<random part>} beside the published one (plus DuckDB's {@code .wal} while it is
 * open). The random part keeps apart the builds of runs that share a number, as those recorded in two
 * operational stores do. Build files left by killed runs are stale, in this form or in the older
 * {@code <published>.build-<n>}; those still open, in this process or in another, are not. The latest build
 * that failed is kept as {@code <published>.failed} until a build is published.
 */
final class BuildFiles {

    private static final Logger LOG = LoggerFactory.getLogger(BuildFiles.class);
    private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_BYTES = 6;

    private BuildFiles() {
    }

    /** A new build file name for {@code run}: no other build, of this store or another, has it. */
    static Path buildFile(Path published, RunId run) {
        return published.resolveSibling(published.getFileName() + ".build-" + run + "-"
                + HexFormat.of().formatHex(randomPart()));
    }

    private static byte[] randomPart() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /**
     * Where the latest failed build of {@code published} is kept ({@code <published>.failed}) for the next run to
     * carry the raw tables of its files over from.
     */
    static Path failedFile(Path published) {
        return published.resolveSibling(published.getFileName() + ".failed");
    }

    static Path walOf(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".wal");
    }

    /** Marks a build file as in use by this process, so that no other build deletes it as stale. */
    static void claim(Path buildFile) {
        if (!OPEN_IN_THIS_PROCESS.add(buildFile.toAbsolutePath().normalize())) {
            throw new IllegalStateException("a build is already open in " + buildFile);
        }
    }

    static void release(Path buildFile) {
        OPEN_IN_THIS_PROCESS.remove(buildFile.toAbsolutePath().normalize());
    }

    /**
     * Deletes the build files of {@code published} left by runs that no longer hold them.
     *
     * @return the files deleted
     */
    static List<Path> deleteStale(Path published) {
        Path directory = published.toAbsolutePath().normalize().getParent();
        Pattern buildName = Pattern.compile(Pattern.quote(published.getFileName().toString())
                + "\\.build-(\\d+(?:-[0-9a-f]+)?)(.*)");
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return deleted;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                Matcher matcher = buildName.matcher(file.getFileName().toString());
                if (!matcher.matches()) {
                    continue;
                }
                Path database = directory.resolve(published.getFileName() + ".build-" + matcher.group(1));
                if (inUse(database)) {
                    LOG.info("build file {} is in use by a running build; left in place", file);
                    continue;
                }
                Files.deleteIfExists(file);
                deleted.add(file);
                LOG.info("deleted stale build file {}", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean stale build files beside " + published, e);
        }
        return deleted;
    }

    /**
     * Whether a build's database file is open, here or in another process. DuckDB holds a POSIX lock on an
     * open database; a file open in this process is never probed, because closing a probe channel would
     * drop this process's lock.
     */
    private static boolean inUse(Path database) throws IOException {
        if (OPEN_IN_THIS_PROCESS.contains(database)) {
            return true;
        }
        if (!Files.exists(database)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }
}
