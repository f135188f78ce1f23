package org.olistdw.ops.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The operating-system user the embedded server runs as, and how to run its commands. PostgreSQL refuses
 * to run as root, so under uid 0 the commands run as nobody (65534:65534) through {@code setpriv}, with the
 * ambient capability {@code dac_read_search} when the process may grant it: that lets the server reach a
 * data directory below a directory nobody could not otherwise enter, such as {@code /root}. Any other user
 * runs the commands as itself.
 */
final class ServerUser {

    static final int NOBODY = 65534;
    private static final int CAP_DAC_READ_SEARCH = 2;

    private final boolean root;
    private final boolean traverseCapability;

    private ServerUser(boolean root, boolean traverseCapability) {
        this.root = root;
        this.traverseCapability = traverseCapability;
    }

    static ServerUser current() {
        List<String> status = procSelfStatus();
        boolean root = "0".equals(field(status, "Uid:", 1));
        String bounding = field(status, "CapBnd:", 0);
        boolean capability = bounding != null
                && (Long.parseUnsignedLong(bounding, 16) & (1L << CAP_DAC_READ_SEARCH)) != 0;
        return new ServerUser(root, capability);
    }

    /** Whether the server runs as nobody because this process is root. */
    boolean switchesToNobody() {
        return root;
    }

    /** Whether the server user owns {@code path} itself (not looking inside); always true unless root. */
    boolean owns(Path path) throws IOException {
        return !root || Integer.valueOf(NOBODY).equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    }

    /** Hands a directory tree the server must own to the server user; nothing to do unless root. */
    void handOver(Path directory) throws IOException {
        if (!root) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Integer.valueOf(NOBODY).equals(Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS))) {
                    Files.setAttribute(path, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                    Files.setAttribute(path, "unix:gid", NOBODY, LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    /**
     * Runs a command as the server user with {@code LC_ALL=C} and no {@code PG*} variables, and returns its
     * exit code and combined output. The command's own output must end when it exits (servers started by
     * {@code pg_ctl -l} write to their log file, not to this pipe).
     */
    Result run(List<String> command, Duration timeout) throws IOException {
        return run(command, timeout, () -> false);
    }

    /**
     * Runs a command as {@link #run(List, Duration)} does, but returns success as soon as {@code done} holds,
     * looked at every {@value #POLL_MILLIS} ms, leaving the command to end on its own (its output is still read, and
     * dropped): for a command such as {@code pg_ctl -w start}, which looks for what it waits for only every 100 ms.
     */
    Result run(List<String> command, Duration timeout, BooleanSupplier done) throws IOException {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
            if (traverseCapability) {
                full.addAll(List.of("--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"));
            }
            full.add("--");
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PG") || name.startsWith("LC_") || name.equals("LANG")
                || name.equals("LD_LIBRARY_PATH"));
        environment.put("LC_ALL", "C");
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            if (root && e.getMessage() != null && e.getMessage().contains("\"setpriv\"")) {
                throw new IOException("running as root, the embedded PostgreSQL needs setpriv (util-linux) "
                        + "to run the server as nobody, and setpriv was not found", e);
            }
            throw e;
        }
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = process.getInputStream()) {
                output.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                output.complete("(its output could not be read: " + e.getMessage() + ")");
            }
        }, "olist-" + Path.of(command.get(0)).getFileName() + "-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (done.getAsBoolean()) {
                    return new Result(0, "");
                }
                if (System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
                }
            }
            return new Result(process.exitValue(), output.get().strip());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        } catch (ExecutionException e) {
            throw new IOException("cannot read the output of " + command.get(0), e.getCause());
        }
    }

    private static final long POLL_MILLIS = 5;

    record Result(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private static List<String> procSelfStatus() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String field(List<String> status, String key, int index) {
        return status.stream()
                .filter(line -> line.startsWith(key))
                .map(line -> line.substring(key.length()).strip().split("\\s+"))
                .filter(values -> values.length > index)
                .map(values -> values[index])
                .findFirst()
                .orElse(null);
    }

    /**
     * Advice for a failure to reach the data directory, when the server runs as nobody without the
     * capability to pass through directories closed to it; empty otherwise.
     */
    String hint(Path dataDirectory) {
        if (!root || traverseCapability) {
            return "";
        }
        return "; the server runs as nobody, which must be able to enter every directory above " + dataDirectory
                + " (this process may not grant it CAP_DAC_READ_SEARCH): choose a data directory outside /root";
    }

    @Override
    public String toString() {
        return root ? "nobody (" + NOBODY + ") via setpriv" : System.getProperty("user.name");
    }
}
