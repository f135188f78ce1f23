package org.olistdw.pipeline.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The SHA-256 of source files, computed ahead: a run starts hashing the nine files before it connects its stores,
 * so that telling which files changed since the last run does not wait for the hashing afterwards. A file's hash
 * is handed out only while the file has the size and modification time it had when its hashing began; otherwise,
 * and for a file not hashed ahead, it is computed when asked for. Once the run has compared the files, {@link #stop}
 * gives up the hashing still under way: a file the comparison did not need is one the run reads, and hashes, again.
 */
public final class SourceHashes {

    private static final SourceHashes NONE = new SourceHashes(Map.of(), new AtomicBoolean(true));

    /** A file as it was when its hashing began, and its hash under way. */
    private record Ahead(long size, FileTime modified, CompletableFuture<String> sha256) {
    }

    private final Map<Path, Ahead> ahead;
    private final AtomicBoolean stopped;

    private SourceHashes(Map<Path, Ahead> ahead, AtomicBoolean stopped) {
        this.ahead = ahead;
        this.stopped = stopped;
    }

    /** Nothing hashed ahead: every hash is computed when asked for. */
    public static SourceHashes none() {
        return NONE;
    }

    /**
     * Starts hashing the source files of {@code sourceDir} that exist and are regular files, on background
     * threads (daemons, at most as many as there are processors), largest first.
     */
    public static SourceHashes startIn(Path sourceDir) {
        Map<Path, BasicFileAttributes> files = new HashMap<>();
        for (SourceTable table : SourceTable.values()) {
            Path file = sourceDir.resolve(table.fileName()).toAbsolutePath().normalize();
            attributes(file).filter(BasicFileAttributes::isRegularFile).ifPresent(found -> files.put(file, found));
        }
        if (files.isEmpty()) {
            return NONE;
        }
        int threads = Math.min(files.size(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        AtomicInteger numbered = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "hash-ahead-" + numbered.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean stopped = new AtomicBoolean();
        Map<Path, Ahead> started = new HashMap<>();
        files.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue().size(), a.getValue().size()))
                .forEach(entry -> started.put(entry.getKey(), new Ahead(entry.getValue().size(),
                        entry.getValue().lastModifiedTime(), CompletableFuture.supplyAsync(() -> {
                            try {
                                return SourceScan.sha256Of(entry.getKey(), stopped::get).orElse(null);
                            } catch (IOException e) {
                                return null; // computed again when asked for, which then says why it fails
                            }
                        }, executor))));
        executor.shutdown();
        return new SourceHashes(Map.copyOf(started), stopped);
    }

    /**
     * The hex SHA-256 of {@code file}: the one computed ahead when the file still has the size and modification
     * time it had then (and its hashing was not given up), otherwise computed now.
     *
     * @throws IOException when the file cannot be read
     */
    public String sha256(Path file) throws IOException {
        Ahead hashed = ahead.get(file.toAbsolutePath().normalize());
        if (hashed != null) {
            Optional<BasicFileAttributes> now = attributes(file);
            if (now.isPresent() && now.get().size() == hashed.size()
                    && now.get().lastModifiedTime().equals(hashed.modified())) {
                String sha256 = hashed.sha256().exceptionally(failure -> null).join();
                if (sha256 != null) {
                    return sha256;
                }
            }
        }
        return SourceScan.sha256Of(file);
    }

    /**
     * Gives up the hashing still under way or not yet begun; a hash asked for afterwards that was not finished is
     * computed then.
     */
    public void stop() {
        stopped.set(true);
    }

    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
