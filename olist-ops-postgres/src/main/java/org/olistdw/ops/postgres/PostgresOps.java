package org.olistdw.ops.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.ScheduledAttempts;
import org.olistdw.domain.orchestration.WarehouseLocks;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.domain.security.AuditLog;
import org.olistdw.domain.security.OperationalReads;
import org.olistdw.domain.security.Users;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operational store: PostgreSQL 15 or newer, its schema brought up to date by the versioned
 * migrations in {@code sql/postgres/migration} when connecting. The only public way into this module's
 * repositories.
 *
 * <p>Guarantees: a {@code PostgresOps} exists only for a server that answered, is version 15 or newer
 * and carries the current schema; otherwise {@link #connect} throws {@link OpsStoreUnavailableException}
 * with a one-line message naming the URL. Each repository call takes a connection of its own from the
 * data source, has committed when it returns, and may be made from several threads at once.
 */
public final class PostgresOps implements AutoCloseable {

    /** {@code server_version_num} of the oldest supported server. */
    static final int MINIMUM_SERVER_VERSION_NUM = 150_000;
    static final String CLASSPATH = "classpath:";
    static final String MIGRATIONS = CLASSPATH + "sql/postgres/migration";
    /** The login used when neither the caller nor the URL names one. */
    public static final String DEFAULT_USER = "postgres";
    static final String[] SCHEMAS = {"etl_orchestration", "data_quality", "security_audit"};

    private static final Logger LOG = LoggerFactory.getLogger(PostgresOps.class);
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final int IDLE_CONNECTIONS = 4;
    private static final AtomicBoolean WARMING_UP = new AtomicBoolean();
    private static final Map<String, MigrationHistory> MIGRATION_HISTORIES = new ConcurrentHashMap<>();

    private final String location;
    private final String serverVersion;
    private final JdbiPipelineRuns pipelineRuns;
    private final JdbiQualityRules qualityRules;
    private final JdbiQualityResults qualityResults;
    private final JdbiUsers users;
    private final JdbiAuditLog auditLog;
    private final JdbiWarehouseLocks warehouseLocks;
    private final JdbiScheduledAttempts scheduledAttempts;
    private final JdbiOperationalReads operationalReads;
    private final AutoCloseable owned;

    private PostgresOps(String location, String serverVersion, Jdbi jdbi, AutoCloseable owned) {
        this.location = location;
        this.serverVersion = serverVersion;
        this.pipelineRuns = new JdbiPipelineRuns(jdbi);
        this.qualityRules = new JdbiQualityRules(jdbi);
        this.qualityResults = new JdbiQualityResults(jdbi);
        this.users = new JdbiUsers(jdbi);
        this.auditLog = new JdbiAuditLog(jdbi);
        this.warehouseLocks = new JdbiWarehouseLocks(jdbi);
        this.scheduledAttempts = new JdbiScheduledAttempts(jdbi);
        this.operationalReads = new JdbiOperationalReads(jdbi, pipelineRuns);
        this.owned = owned;
    }

    /**
     * Loads PostgreSQL's JDBC driver, loads and sets up JDBI and the repositories of this module over a data source
     * that is never connected, and reads the shipped migrations, on a daemon thread of its own, so that connecting
     * later finds that done: for a caller with other work to do first, such as starting PostgreSQL. Returns at once;
     * only the first call starts the thread. A failure here is left for connecting to report.
     */
    public static void warmUp() {
        if (!WARMING_UP.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                new PostgresOps("(not connected)", "", Jdbi.create(new DirectPgDataSource()), () -> { });
                shipped(MIGRATIONS);
            } catch (RuntimeException | LinkageError e) {
                // connecting meets the same problem and reports it
            }
        }, "olist-jdbi-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Connects to PostgreSQL by JDBC URL, e.g. {@code jdbc:postgresql://db:5432/olist_operational}, and
     * migrates its schema. A connect timeout of 5 s applies unless the URL sets {@code connectTimeout}.
     * A few idle connections are kept for reuse until {@link #close()}.
     *
     * @param user     the login, or null for the URL's {@code user=}, else {@value #DEFAULT_USER}
     * @param password the password, or null for the URL's {@code password=}, if any
     * @throws OpsStoreUnavailableException when the server is unreachable, rejects the login, is older than
     *                                      15, or the schema cannot be migrated
     */
    public static PostgresOps connect(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String where = redacted(jdbcUrl);
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new OpsStoreUnavailableException(
                    "the operational store URL must start with jdbc:postgresql:, was " + where);
        }
        PGSimpleDataSource dataSource = new DirectPgDataSource();
        try {
            dataSource.setURL(jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw new OpsStoreUnavailableException("the operational store URL " + where + " is not valid: "
                    + oneLine(e.getMessage()), e);
        }
        if (!jdbcUrl.contains("connectTimeout=")) {
            dataSource.setConnectTimeout(5);
        }
        if (!jdbcUrl.contains("loginTimeout=")) {
            dataSource.setLoginTimeout(10);
        }
        if (!jdbcUrl.contains("ApplicationName=")) {
            dataSource.setApplicationName("olist-dw");
        }
        // the URL's user= and password= stand unless the caller names others
        if (user != null) {
            dataSource.setUser(user);
        } else if (dataSource.getUser() == null || dataSource.getUser().isEmpty()) {
            dataSource.setUser(DEFAULT_USER);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        ReusingDataSource reusing = new ReusingDataSource(dataSource, IDLE_CONNECTIONS);
        try {
            return open(reusing, where, reusing);
        } catch (RuntimeException e) {
            reusing.close();
            throw e;
        }
    }

    /**
     * Connects through a data source (a pool, for instance) and migrates the schema. {@link #close()} does
     * not close the data source: it belongs to the caller.
     *
     * @throws OpsStoreUnavailableException as {@link #connect(String, String, String)}
     */
    public static PostgresOps connect(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        String where = dataSource instanceof PGSimpleDataSource pg ? describe(pg) : dataSource.toString();
        return open(dataSource, where, () -> { });
    }

    private static PostgresOps open(DataSource dataSource, String where, AutoCloseable owned) {
        String version = checkServer(dataSource, where);
        migrate(dataSource, where);
        LOG.debug("operational store ready: PostgreSQL {} at {}", version, where);
        return new PostgresOps(where, version, Jdbi.create(dataSource), owned);
    }

    private static String checkServer(DataSource dataSource, String where) {
        int versionNum;
        String version;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "select current_setting('server_version_num')::int, current_setting('server_version')")) {
            rs.next();
            versionNum = rs.getInt(1);
            version = rs.getString(2);
        } catch (SQLException e) {
            throw new OpsStoreUnavailableException(
                    "cannot connect to PostgreSQL at " + where + ": " + withRootCause(e), e);
        }
        requireSupportedVersion(versionNum, version, where);
        return WHITESPACE.split(version.strip(), 2)[0];
    }

    /** Rejects servers older than PostgreSQL 15 with a message naming the server. */
    static void requireSupportedVersion(int serverVersionNum, String serverVersion, String where) {
        if (serverVersionNum < MINIMUM_SERVER_VERSION_NUM) {
            throw new OpsStoreUnavailableException("PostgreSQL at " + where + " is version "
                    + WHITESPACE.split(serverVersion.strip(), 2)[0] + "; olist-dw needs PostgreSQL 15 or newer");
        }
    }

    private static void migrate(DataSource dataSource, String where) {
        migrate(dataSource, where, MIGRATIONS);
    }

    /**
     * The migrations at a {@code classpath:} location, read once per process (and by {@link #warmUp()} ahead of
     * the first connection): finding them walks every entry of the jar, which takes a cold JVM tens of ms for a
     * shaded one, and a process's class path does not change.
     */
    private static MigrationHistory shipped(String location) {
        return MIGRATION_HISTORIES.computeIfAbsent(location, at -> MigrationHistory.of(
                PostgresOps.class.getClassLoader(), at.substring(CLASSPATH.length())));
    }

    /**
     * Brings the schema up to date with the migrations at {@code location}: nothing to do, without loading
     * Flyway, when the schema history already records exactly those migrations ({@link MigrationHistory});
     * otherwise Flyway migrates and validates.
     *
     * @return whether Flyway ran
     */
    static boolean migrate(DataSource dataSource, String where, String location) {
        MigrationHistory history = shipped(location);
        if (history.isAppliedIn(dataSource, SCHEMAS[0])) {
            LOG.debug("operational schema at {} is current: {} migrations applied", where, history.migrations().size());
            return false;
        }
        try {
            var result = Flyway.configure(PostgresOps.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(location)
                    .failOnMissingLocations(true)
                    .validateMigrationNaming(true)
                    .schemas(SCHEMAS)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("operational schema at {} migrated to version {} ({} migrations)",
                        where, result.targetSchemaVersion, result.migrationsExecuted);
            }
            return true;
        } catch (FlywayException e) {
            throw new OpsStoreUnavailableException(
                    "cannot migrate the operational schema at " + where + ": " + abbreviated(oneLine(e.getMessage())), e);
        }
    }

    /** The record of pipeline runs, tasks, file loads and quarantined rows. */
    public PipelineRuns pipelineRuns() {
        return pipelineRuns;
    }

    /**
     * The data quality rules: seeded from the shipped definitions, then switched on and off and given
     * thresholds by the people running the warehouse.
     */
    public QualityRules qualityRules() {
        return qualityRules;
    }

    /**
     * The evidence of each run's quality checks: one result per rule, and the run's report, recorded
     * together in one transaction.
     */
    public QualityResults qualityResults() {
        return qualityResults;
    }

    /** The locks on published warehouses: one run at a time builds each, under a lease it renews. */
    public WarehouseLocks warehouseLocks() {
        return warehouseLocks;
    }

    /** The attempts of scheduled runs, each with the run it started, its outcome and its alert. */
    public ScheduledAttempts scheduledAttempts() {
        return scheduledAttempts;
    }

    /** The users of the warehouse, the roles they hold, and the roles on offer. */
    public Users users() {
        return users;
    }

    /** The audit trail of actions taken on the system, append-only. */
    public AuditLog auditLog() {
        return auditLog;
    }

    /**
     * Reads made for a person under the database role of their application role ({@code olist_viewer},
     * {@code olist_analyst}, {@code olist_admin}), so that the store's grants and row-level security decide what
     * they see. The login connected with must be a superuser or a member of those roles (migration v14 makes the
     * migrating login one).
     */
    public OperationalReads operationalReads() {
        return operationalReads;
    }

    /**
     * The most recent runs, newest first, each with the totals of its tasks and loads, for a runs listing.
     *
     * @param limit how many runs at most, not negative
     */
    public List<RunSummary> runSummaries(int limit) {
        return pipelineRuns.summaries(limit);
    }

    /** The server's version, e.g. {@code 17.6}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** Where the store is, for messages: the JDBC URL without any password. */
    public String location() {
        return location;
    }

    /** Closes the idle connections kept by {@link #connect(String, String, String)}; a given data source stays open. */
    @Override
    public void close() {
        try {
            owned.close();
        } catch (Exception e) {
            LOG.debug("closing the operational store at {} failed", location, e);
        }
    }

    @Override
    public String toString() {
        return "PostgresOps[" + location + ", PostgreSQL " + serverVersion + "]";
    }

    /** {@code jdbc:postgresql://host:port/database} of a data source, without its many properties. */
    private static String describe(PGSimpleDataSource dataSource) {
        String[] hosts = dataSource.getServerNames();
        int[] ports = dataSource.getPortNumbers();
        StringBuilder url = new StringBuilder("jdbc:postgresql://");
        for (int i = 0; i < hosts.length; i++) {
            url.append(i == 0 ? "" : ",").append(hosts[i]);
            if (ports != null && i < ports.length && ports[i] != 0) {
                url.append(':').append(ports[i]);
            }
        }
        return url.append('/').append(dataSource.getDatabaseName()).toString();
    }

    static String redacted(String jdbcUrl) {
        return jdbcUrl == null ? "(no URL)" : PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
    }

    private static String abbreviated(String message) {
        return message.length() <= 400 ? message : message.substring(0, 400) + "…";
    }

    /** The message, followed by that of its root cause when it says more (an unknown host, say). */
    private static String withRootCause(Throwable e) {
        String message = oneLine(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == e || root instanceof java.net.ConnectException || root.getMessage() == null
                || message.contains(oneLine(root.getMessage()))) {
            return message;
        }
        return message + " (" + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage()) + ")";
    }

    static String oneLine(String message) {
        return message == null ? "(no detail)" : WHITESPACE.matcher(message.strip()).replaceAll(" ");
    }
}
