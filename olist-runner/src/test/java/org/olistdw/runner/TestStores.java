package org.olistdw.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.stream.Stream;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;

/** One real PostgreSQL for the whole test JVM, and read-only access to published warehouses. */
final class TestStores {

    private static LocalPostgres postgres;
    private static PostgresOps ops;

    private TestStores() {
    }

    static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            postgres = LocalPostgres.start(Path.of("target", "test-postgres").toAbsolutePath());
        }
        return postgres;
    }

    /** The operational store the commands under test write to. */
    static synchronized PostgresOps ops() {
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
    static Connection openWarehouse(Path file) throws SQLException {
        Properties props = new Properties();
        props.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), props);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A copy of the sample directory's files in {@code work/name}, for a test to damage. */
    static Path copyOfSample(Path sample, Path work, String name) throws IOException {
        Path target = work.resolve(name);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(sample)) {
            for (Path f : files.toList()) {
                Files.copy(f, target.resolve(f.getFileName()));
            }
        }
        return target;
    }
}
