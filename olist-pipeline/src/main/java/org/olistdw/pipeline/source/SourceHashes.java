package org.olistdw.pipeline.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 of source files, computed ahead: a run starts hashing the nine files before it connects its stores,
 * so that telling which files changed since the last run does not wait for the hashing afterwards. A file's hash
 * is handed out only while the file is as it was when its hashing began (its {@link Stat}); otherwise, and for a
 * file not hashed ahead, it is computed when asked for. Once the run has compared the files, {@link #stop} gives up
 * the hashing still under way: a file the comparison did not need is one the run reads, and hashes, again.
 *
 * <p><b>Remembered hashes.</b> Given a file to remember them in ({@link #startIn(Path, Path)}), the hashes computed
 * ahead are written there when the comparison is done, each with its file's {@link Stat}; a later run hands out a
 * remembered hash without reading the file when the file's stat is still the same. The stat includes the time of
 * the inode's last change, which every write, rename or {@code touch} moves and no program can set back, so a
 * file rewritten with its old size and modification time is hashed again. As in Git's index, a file changed less
 * than {@link #SETTLED} before its hashing began is not remembered: a second write within the file system's clock
 * tick could leave its stat unchanged. A file system without these attributes (not POSIX) remembers nothing. The
 * memory is a cache: missing, unreadable or malformed, it is ignored and the files are hashed.
 */
public final class SourceHashes {

    /** How long before its hashing a file must have last changed for its hash to be remembered. */
    static final Duration SETTLED = Duration.ofSeconds(2);

    /** Most files the memory keeps: the current source directory's and, beyond them, the latest others. */
    static final int REMEMBERED_FILES = 90;

    private static final String HEADER =
            "# olist source hashes v1: sha256, size, modified ns, changed ns, device, inode, path";
    private static final Logger LOG = LoggerFactory.getLogger(SourceHashes.class);
    private static final SourceHashes NONE = new SourceHashes(Map.of(), new AtomicBoolean(true), null, Map.of(), 0);

    /**
     * What a file's content is judged by: its size, modification time and, where the file system gives them, the
     * time of its inode's last change and the device and inode it lives on ({@code changed} is null when not).
     */
    record Stat(long size, long modifiedNanos, Long changedNanos, long device, long inode) {

        /** Whether a hash of the file as it has this stat may be remembered at {@code hashingBegan} (epoch ns). */
        boolean rememberable(long hashingBeganNanos) {
            long settledBefore = hashingBeganNanos - SETTLED.toNanos();
            return changedNanos != null && changedNanos < settledBefore && modifiedNanos < settledBefore;
        }

        static Optional<Stat> of(Path file) {
            try {
                Map<String, Object> unix =
                        Files.readAttributes(file, "unix:size,lastModifiedTime,ctime,dev,ino,isRegularFile");
                if (!Boolean.TRUE.equals(unix.get("isRegularFile"))) {
                    return Optional.empty();
                }
                return Optional.of(new Stat((Long) unix.get("size"), nanos((FileTime) unix.get("lastModifiedTime")),
                        nanos((FileTime) unix.get("ctime")), (Long) unix.get("dev"), (Long) unix.get("ino")));
            } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException notPosix) {
                try {
                    BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
                    return basic.isRegularFile()
                            ? Optional.of(new Stat(basic.size(), nanos(basic.lastModifiedTime()), null, 0, 0))
                            : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        private static long nanos(FileTime time) {
            return time.to(TimeUnit.NANOSECONDS);
        }
    }

    /** A file as it was when its hashing began, and its hash under way (or remembered). */
    private record Ahead(Stat stat, CompletableFuture<String> sha256, boolean remembered) {
    }

    /** A remembered hash: the file's stat when it was hashed. */
    private record Remembered(Stat stat, String sha256) {
    }

    private final Map<Path, Ahead> ahead;
    private final AtomicBoolean stopped;
    private final Path memory;
    private final Map<Path, Remembered> before;
    private final long hashingBeganNanos;

    private SourceHashes(Map<Path, Ahead> ahead, AtomicBoolean stopped, Path memory, Map<Path, Remembered> before,
                         long hashingBeganNanos) {
        this.ahead = ahead;
        this.stopped = stopped;
        this.memory = memory;
        this.before = before;
        this.hashingBeganNanos = hashingBeganNanos;
    }

    /** Nothing hashed ahead: every hash is computed when asked for. */
    public static SourceHashes none() {
        return NONE;
    }

    /**
     * Starts hashing the source files of {@code sourceDir} that exist and are regular files, on background
     * threads (daemons, at most as many as there are processors), largest first. Nothing is remembered.
     */
    public static SourceHashes startIn(Path sourceDir) {
        return start(sourceDir, null, Clock.systemUTC());
    }

    /**
     * As {@link #startIn(Path)}, handing out the hashes remembered in {@code memory} for files whose stat is
     * unchanged instead of reading them, and remembering there, on {@link #stop}, the hashes computed ahead.
     */
    public static SourceHashes startIn(Path sourceDir, Path memory) {
        return start(sourceDir, memory, Clock.systemUTC());
    }

    /** As {@link #startIn(Path, Path)}, hashing beginning at {@code clock}'s instant (settled files are older). */
    static SourceHashes start(Path sourceDir, Path memory, Clock clock) {
        long began = TimeUnit.MILLISECONDS.toNanos(clock.millis());
        Map<Path, Remembered> before = memory == null ? Map.of() : read(memory);
        Map<Path, Stat> files = new HashMap<>();
        for (SourceTable table : SourceTable.values()) {
            Path file = sourceDir.resolve(table.fileName()).toAbsolutePath().normalize();
            Stat.of(file).ifPresent(stat -> files.put(file, stat));
        }
        if (files.isEmpty() && memory == null) {
            return NONE;
        }
        Map<Path, Ahead> started = new HashMap<>();
        List<Map.Entry<Path, Stat>> toHash = new ArrayList<>();
        for (Map.Entry<Path, Stat> file : files.entrySet()) {
            Remembered remembered = before.get(file.getKey());
            if (remembered != null && remembered.stat().equals(file.getValue())
                    && file.getValue().changedNanos() != null) {
                started.put(file.getKey(), new Ahead(file.getValue(),
                        CompletableFuture.completedFuture(remembered.sha256()), true));
            } else {
                toHash.add(file);
            }
        }
        AtomicBoolean stopped = new AtomicBoolean();
        if (!toHash.isEmpty()) {
            int threads = Math.min(toHash.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
            AtomicInteger numbered = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
                Thread thread = new Thread(task, "hash-ahead-" + numbered.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            toHash.stream()
                    .sorted((a, b) -> Long.compare(b.getValue().size(), a.getValue().size()))
                    .forEach(entry -> started.put(entry.getKey(), new Ahead(entry.getValue(),
                            CompletableFuture.supplyAsync(() -> {
                                try {
                                    return SourceScan.sha256Of(entry.getKey(), stopped::get).orElse(null);
                                } catch (IOException e) {
                                    return null; // computed again when asked for, which then says why it fails
                                }
                            }, executor), false)));
            executor.shutdown();
        }
        return new SourceHashes(Map.copyOf(started), stopped, memory, before, began);
    }

    /**
     * The hex SHA-256 of {@code file}: the one computed ahead, or remembered, when the file still has the stat it
     * had when its hashing began (and its hashing was not given up), otherwise computed now.
     *
     * @throws IOException when the file cannot be read
     */
    public String sha256(Path file) throws IOException {
        Ahead hashed = ahead.get(file.toAbsolutePath().normalize());
        if (hashed != null && Stat.of(file).filter(hashed.stat()::equals).isPresent()) {
            String sha256 = hashed.sha256().exceptionally(failure -> null).join();
            if (sha256 != null) {
                return sha256;
            }
        }
        return SourceScan.sha256Of(file);
    }

    /** How many of the files were handed a remembered hash rather than read. */
    public int remembered() {
        return (int) ahead.values().stream().filter(Ahead::remembered).count();
    }

    /**
     * Gives up the hashing still under way or not yet begun; a hash asked for afterwards that was not finished is
     * computed then. With a memory, remembers the hashes finished by now of files still as they were when their
     * hashing began and settled by then; a failure to write the memory is logged and changes nothing else.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true) || memory == null) {
            return;
        }
        Map<Path, Remembered> now = new LinkedHashMap<>();
        ahead.forEach((file, hashed) -> {
            String sha256 = hashed.sha256().isDone() ? hashed.sha256().exceptionally(failure -> null).join() : null;
            if (sha256 != null && hashed.stat().rememberable(hashingBeganNanos) && writable(file)
                    && Stat.of(file).filter(hashed.stat()::equals).isPresent()) {
                now.put(file, new Remembered(hashed.stat(), sha256));
            }
        });
        before.forEach((file, remembered) -> {
            if (!ahead.containsKey(file) && now.size() < REMEMBERED_FILES) {
                now.putIfAbsent(file, remembered);
            }
        });
        if (now.equals(before)) {
            return;
        }
        write(memory, now);
    }

    /** Whether a path fits on a line of the memory. */
    private static boolean writable(Path file) {
        String name = file.toString();
        return name.indexOf('\n') < 0 && name.indexOf('\r') < 0;
    }

    private static Map<Path, Remembered> read(Path memory) {
        if (!Files.isRegularFile(memory)) {
            return Map.of();
        }
        Map<Path, Remembered> remembered = new LinkedHashMap<>();
        try {
            List<String> lines = Files.readAllLines(memory, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
                LOG.debug("{} is not a memory of source hashes; the files are hashed", memory);
                return Map.of();
            }
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.split("\t", 7);
                if (fields.length != 7 || !fields[0].matches("[0-9a-f]{64}")) {
                    LOG.debug("{}: a malformed line is ignored: {}", memory, line);
                    continue;
                }
                Stat stat = new Stat(Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3]),
                        Long.parseLong(fields[4]), Long.parseLong(fields[5]));
                remembered.put(Path.of(fields[6]), new Remembered(stat, fields[0]));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("{} cannot be read ({}); the files are hashed", memory, e.toString());
            return Map.of();
        }
        return remembered;
    }

    private static void write(Path memory, Map<Path, Remembered> remembered) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        remembered.forEach((file, hash) -> text.append(hash.sha256()).append('\t').append(hash.stat().size())
                .append('\t').append(hash.stat().modifiedNanos()).append('\t').append(hash.stat().changedNanos())
                .append('\t').append(hash.stat().device()).append('\t').append(hash.stat().inode()).append('\t')
                .append(file).append('\n'));
        Path written = memory.resolveSibling(memory.getFileName() + ".new");
        try {
            Files.createDirectories(memory.toAbsolutePath().getParent());
            Files.writeString(written, text, StandardCharsets.UTF_8);
            try {
                Files.move(written, memory, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, memory, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("the source files' hashes could not be remembered in {}: {}", memory, e.toString());
        }
    }
}
