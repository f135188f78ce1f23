package org.olistdw.analytics.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.olistdw.pipeline.sql.ClasspathSql;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;

/**
 * Installs the macros the models call on a build's connection, before any model is built; being in the
 * build's catalog, they stay in the published warehouse for its readers:
 * <ul>
 *   <li>the business rules of the domain, generated from it ({@link RuleMacros});</li>
 *   <li>every {@code <model root>/macros/<name>.sql}, each holding {@code create or replace macro} statements,
 *       in file-name order.</li>
 * </ul>
 */
final class DuckDbMacros {

    /** The folder below the model root that holds macros, not models. */
    static final String FOLDER = "macros";

    private DuckDbMacros() {
    }

    /**
     * Creates (or replaces) every macro on {@code connection}.
     *
     * @throws IllegalStateException naming the macro or file that DuckDB refuses
     */
    static void install(Connection connection, String modelRoot) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String macro : RuleMacros.statements()) {
                execute(statement, macro, "generated macro " + macro.lines().findFirst().orElse(macro));
            }
            for (SqlFile file : ClasspathSql.list(classLoader(), modelRoot)) {
                if (file.folder().equals(FOLDER)) {
                    execute(statement, file.text(), file.resource());
                }
            }
        }
    }

    private static void execute(Statement statement, String sql, String source) {
        try {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot install the macros of " + source + ": " + e.getMessage(), e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : DuckDbMacros.class.getClassLoader();
    }
}
