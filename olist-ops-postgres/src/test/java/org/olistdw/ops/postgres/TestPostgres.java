package org.olistdw.ops.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one embedded PostgreSQL of a test JVM, in {@code target/test-postgres/shared} (kept between test
 * runs, so later runs also exercise a restart), stopped by its shutdown hook. Each test class works in a
 * database of its own, created afresh.
 */
final class TestPostgres {

    static final Path ROOT = Path.of("target", "test-postgres").toAbsolutePath();

    private static LocalPostgres server;

    private TestPostgres() {
    }

    static synchronized LocalPostgres server() {
        if (server == null) {
            server = LocalPostgres.start(ROOT.resolve("shared"));
        }
        return server;
    }

    /** The URL of a new, empty database, dropped first if an earlier run left it behind. */
    static String freshDatabase(String name) {
        LocalPostgres pg = server();
        try (Connection connection = DriverManager.getConnection(pg.jdbcUrl("postgres"), pg.user(), pg.password());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name, e);
        }
        return pg.jdbcUrl(name);
    }

    /** The operational store, migrated, in a new database. */
    static PostgresOps freshOps(String name) {
        return PostgresOps.connect(freshDatabase(name), server().user(), server().password());
    }

    static Connection connection(String jdbcUrl) throws SQLException {
        return DriverManager.getConnection(jdbcUrl, server().user(), server().password());
    }
}
