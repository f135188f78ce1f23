package org.olistdw.ops.postgres;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Keeps a few idle connections of another data source for reuse, so that each repository call does not
 * pay for a new PostgreSQL session (a backend process, and with SCRAM a deliberately slow login). Not a
 * general pool: no limit on connections in use, no timeouts. A returned connection goes back to autocommit
 * (rolling back anything left open); one that is closed or fails a validity check is dropped.
 */
final class ReusingDataSource implements DataSource, AutoCloseable {

    private static final long VALIDATE_AFTER_IDLE_NANOS = 30_000_000_000L;

    private final DataSource physical;
    private final int maxIdle;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    ReusingDataSource(DataSource physical, int maxIdle) {
        this.physical = physical;
        this.maxIdle = maxIdle;
    }

    private record Idle(Connection connection, long since) {
    }

    @Override
    public Connection getConnection() throws SQLException {
        while (true) {
            Idle candidate;
            synchronized (this) {
                if (closed) {
                    throw new SQLException("the operational store has been closed", "08003");
                }
                candidate = idle.pollFirst();
            }
            if (candidate == null) {
                return lend(physical.getConnection());
            }
            if (usable(candidate)) {
                return lend(candidate.connection());
            }
            closeQuietly(candidate.connection());
        }
    }

    private static boolean usable(Idle candidate) {
        try {
            Connection connection = candidate.connection();
            if (connection.isClosed()) {
                return false;
            }
            return System.nanoTime() - candidate.since() < VALIDATE_AFTER_IDLE_NANOS || connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection lend(Connection connection) {
        boolean[] returned = {false};
        return (Connection) Proxy.newProxyInstance(ReusingDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            if (!returned[0]) {
                                returned[0] = true;
                                giveBack(connection);
                            }
                            return null;
                        case "isClosed":
                            return returned[0] || connection.isClosed();
                        case "toString":
                            return "reused " + connection;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        default:
                            if (returned[0]) {
                                throw new SQLException("connection already closed", "08003");
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                    }
                });
    }

    private void giveBack(Connection connection) {
        try {
            if (connection.isClosed()) {
                return;
            }
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            synchronized (this) {
                if (!closed && idle.size() < maxIdle) {
                    idle.addFirst(new Idle(connection, System.nanoTime()));
                    return;
                }
            }
        } catch (SQLException e) {
            // a connection that cannot be reset is not reused
        }
        closeQuietly(connection);
    }

    @Override
    public void close() {
        Deque<Idle> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(i -> closeQuietly(i.connection()));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // already broken
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the operational store's login is fixed when connecting");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return physical.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        physical.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return physical.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return physical.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || physical.isWrapperFor(type);
    }
}
