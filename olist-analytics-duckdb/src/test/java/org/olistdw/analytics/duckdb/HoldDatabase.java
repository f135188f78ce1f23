package org.olistdw.analytics.duckdb;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Properties;
import org.duckdb.DuckDBDriver;

/**
 * A separate process that holds a DuckDB file open, as a build of a concurrent run would: opens it, says
 * {@code ready}, and closes it when its standard input ends.
 */
final class HoldDatabase {

    private HoldDatabase() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = new DuckDBDriver().connect("jdbc:duckdb:" + args[0], new Properties());
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists held as select 1 as x");
            System.out.println("ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait until the parent closes our input
            }
        }
    }
}
