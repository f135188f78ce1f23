package org.olistdw.serving;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.olistdw.ops.postgres.LocalPostgres;

/** The serving tests' operational stores: each test class its own database on the shared embedded PostgreSQL. */
final class ServingStores {

    private ServingStores() {
    }

    /** The JDBC URL of database {@code name}, dropped if it was there and created empty. */
    static String freshDatabase(LocalPostgres postgres, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(),
                postgres.password()); Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return postgres.jdbcUrl().substring(0, postgres.jdbcUrl().lastIndexOf('/') + 1) + name;
    }

    /** Closes each of {@code resources} that is there, in order, whatever the others do. */
    static void closeAll(AutoCloseable... resources) {
        for (AutoCloseable each : resources) {
            try {
                if (each != null) {
                    each.close();
                }
            } catch (Exception e) {
                // closing the next one matters more
            }
        }
    }
}
