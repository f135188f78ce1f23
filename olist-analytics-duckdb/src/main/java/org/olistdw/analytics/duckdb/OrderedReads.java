package org.olistdw.analytics.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/**
 * Lets statements keep the order of the rows they read while any of them runs: DuckDB's
 * {@code preserve_insertion_order} is a setting of the whole database, off for builds (models need no order and
 * use less memory without it), but a CSV read into the stage must keep its rows in file order so that a row's
 * {@code rowid} is its record number. The setting is turned on when the first such statement starts and back to
 * what it was when the last one ends; loads run before any model, so no model runs with it.
 */
final class OrderedReads {

    /** SQL work that may fail. */
    @FunctionalInterface
    interface SqlWork {
        void run() throws SQLException;
    }

    private final DuckDBConnection connection;
    private int running;
    private String before;

    /** @param connection a connection of the build, used only to change the setting */
    OrderedReads(DuckDBConnection connection) {
        this.connection = connection;
    }

    /** Runs {@code work} with insertion order kept. */
    void run(SqlWork work) throws SQLException {
        begin();
        try {
            work.run();
        } finally {
            end();
        }
    }

    private synchronized void begin() throws SQLException {
        if (running == 0) {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("select current_setting('preserve_insertion_order')")) {
                result.next();
                before = result.getString(1);
                statement.execute("set preserve_insertion_order = true");
            }
        }
        running++;
    }

    private synchronized void end() throws SQLException {
        running--;
        if (running == 0) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set preserve_insertion_order = " + Boolean.parseBoolean(before));
            }
        }
    }
}
