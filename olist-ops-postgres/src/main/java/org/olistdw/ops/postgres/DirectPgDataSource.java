package org.olistdw.ops.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's simple data source, connecting through its driver directly instead of {@link java.sql.DriverManager}.
 * The first use of DriverManager loads and initialises every JDBC driver on the class path, and DuckDB's registers
 * a Java Flight Recorder event there, which costs a starting JVM from tens of milliseconds to a fifth of a second:
 * a run's first connection to the operational store would wait for it, although only the analytical store needs
 * DuckDB's driver.
 */
final class DirectPgDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;
    private static final Driver DRIVER = new Driver();

    /** Connects to {@code url} as {@code user} (both as DriverManager would pass them on). */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties login = new Properties();
        if (user != null) {
            login.setProperty("user", user);
        }
        if (password != null) {
            login.setProperty("password", password);
        }
        Connection connection = DRIVER.connect(url, login);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + PostgresOps.redacted(url), "08001");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return connect(getUrl(), user, password);
    }
}
