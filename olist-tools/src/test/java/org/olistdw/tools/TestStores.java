package org.olistdw.tools;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;

/** One real PostgreSQL for the whole test JVM, and read-only access to published warehouses. */
public final class TestStores {

    private static LocalPostgres postgres;
    private static PostgresOps ops;

    private TestStores() {
    }

    /** The server, started on first use under {@code target/test-postgres}. */
    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.start(Path.of("target", "test-postgres").toAbsolutePath());
        }
        return postgres;
    }

    /** The operational store the commands under test write to. */
    public static synchronized PostgresOps ops() {
        if (ops == null) {
            LocalPostgres pg = postgres();
            ops = PostgresOps.connect(pg.jdbcUrl(), pg.user(), pg.password());
        }
        return ops;
    }

    /** The command-line arguments that point a command at the test PostgreSQL. */
    static String[] opsArgs() {
        LocalPostgres pg = postgres();
        return new String[] {"--ops-url", pg.jdbcUrl(), "--ops-user", pg.user(), "--ops-password", pg.password()};
    }

    /** Opens a published warehouse read-only, the way an analyst would. */
    public static Connection openWarehouse(Path file) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    }

    /** The single number a query returns. */
    public static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
