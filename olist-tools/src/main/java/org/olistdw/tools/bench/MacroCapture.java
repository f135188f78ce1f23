package org.olistdw.tools.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.WarehouseSql;

/**
 * The statements {@link WarehouseSql#installMacros} runs, captured while it installs the macros on a scratch
 * connection, so that a timed run can execute exactly them without reading and generating them on the clock.
 */
final class MacroCapture {

    private MacroCapture() {
    }

    /**
     * Installs the macros on {@code scratch} (an in-memory database) and returns every statement that ran, in
     * order.
     */
    static List<String> statements(Connection scratch, DuckDbSettings settings) throws SQLException {
        List<String> executed = new ArrayList<>();
        Connection recording = (Connection) Proxy.newProxyInstance(MacroCapture.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(scratch, method, args);
                    if (result instanceof Statement statement) {
                        return recording(statement, executed);
                    }
                    return result;
                });
        WarehouseSql.installMacros(recording, settings);
        return List.copyOf(executed);
    }

    private static Statement recording(Statement statement, List<String> executed) {
        return (Statement) Proxy.newProxyInstance(MacroCapture.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") && args != null && args.length > 0
                            && args[0] instanceof String sql) {
                        executed.add(sql);
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
