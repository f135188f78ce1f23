package org.olistdw.runner;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.pipeline.Futures;

/**
 * The embedded PostgreSQL of an {@code olist run}, started on a thread of its own before the command line is
 * built and parsed, which takes the JVM a fifth of a second that the server's start would otherwise follow.
 *
 * <p>It starts only when the arguments name the {@code run} command, ask for no help or version, and name no
 * external store ({@code --ops-url} or {@code OLIST_OPS_URL}); its data directory is the one of the arguments'
 * working directory ({@link OlistCommandLine#workDir}). The run's wiring {@linkplain #take takes} the server when
 * it wants the same directory, and gets a failed start's exception as if it had started the server itself; a
 * server started for another directory, or not taken at all (the options were refused, say), is stopped, at the
 * latest by {@link #close()}:
 * <pre>
 * try (StartAhead ahead = StartAhead.of(args)) {
 *     exitCode = commandLine.execute(args);
 * }
 * </pre>
 */
public final class StartAhead implements AutoCloseable {

    private static final Set<String> HELP_OR_VERSION = Set.of("-h", "--help", "-V", "--version", "-hV", "-Vh");
    private static final AtomicReference<StartAhead> WAITING = new AtomicReference<>();

    private final Path dataDirectory;
    private final CompletableFuture<LocalPostgres> server;

    private StartAhead(Path dataDirectory, CompletableFuture<LocalPostgres> server) {
        this.dataDirectory = dataDirectory;
        this.server = server;
    }

    /**
     * Starts the embedded PostgreSQL the command {@code args} will want, if it is a run over the embedded store and
     * no server started ahead is waiting in this process already; otherwise starts nothing.
     */
    public static StartAhead of(String... args) {
        return of(args, System.getenv("OLIST_OPS_URL"));
    }

    /** As {@link #of(String...)}, with {@code OLIST_OPS_URL} set to {@code opsUrlVariable} (may be null). */
    static StartAhead of(String[] args, String opsUrlVariable) {
        Optional<Path> wanted = dataDirectoryWanted(args, opsUrlVariable);
        if (wanted.isEmpty()) {
            return new StartAhead(null, null);
        }
        StartAhead ahead = new StartAhead(wanted.get(), new CompletableFuture<>());
        if (!WAITING.compareAndSet(null, ahead)) {
            return new StartAhead(null, null);
        }
        // the thread, not this one, loads the wiring, and so sets up logging, while the command line is built
        Thread starting = new Thread(() -> {
            try {
                ahead.server.complete(Wiring.startEmbedded(ahead.dataDirectory));
            } catch (Throwable failure) {
                ahead.server.completeExceptionally(failure);
            }
        }, "olist-postgres-ahead");
        starting.setDaemon(true);
        starting.start();
        return ahead;
    }

    /**
     * The data directory of the embedded server that {@code args} will want, when they are those of a run over it.
     *
     * @param opsUrlVariable the value of {@code OLIST_OPS_URL}, may be null
     */
    static Optional<Path> dataDirectoryWanted(String[] args, String opsUrlVariable) {
        if (args.length == 0 || !args[0].equals("run") || (opsUrlVariable != null && !opsUrlVariable.isBlank())) {
            return Optional.empty();
        }
        for (String argument : args) {
            if (HELP_OR_VERSION.contains(argument) || argument.startsWith("--ops-url")) {
                return Optional.empty();
            }
        }
        return Optional.of(dataDirectoryOf(OlistCommandLine.workDir(args)));
    }

    /** Where the embedded server of a working directory keeps its data. */
    static Path dataDirectoryOf(Path workDir) {
        return workDir.resolve("postgres").toAbsolutePath().normalize();
    }

    /**
     * The server started ahead in {@code dataDirectory}, once its start has ended; empty when none was started
     * there (a server started ahead elsewhere is stopped). Each server is taken once.
     *
     * @throws RuntimeException what the start threw, when it failed
     */
    static Optional<LocalPostgres> take(Path dataDirectory) {
        StartAhead ahead = WAITING.getAndSet(null);
        if (ahead == null) {
            return Optional.empty();
        }
        if (!ahead.dataDirectory.equals(dataDirectory.toAbsolutePath().normalize())) {
            ahead.stop();
            return Optional.empty();
        }
        return Optional.of(Futures.join(ahead.server));
    }

    /** Stops the server started ahead unless the run took it, after its start has ended. */
    @Override
    public void close() {
        if (server != null && WAITING.compareAndSet(this, null)) {
            stop();
        }
    }

    private void stop() {
        server.handle((started, failure) -> {
            if (started != null) {
                started.close();
            }
            return null;
        }).join();
    }
}
