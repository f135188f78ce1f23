package org.olistdw.analytics.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.duckdb.DuckDBConnection;
import org.olistdw.pipeline.sql.ClasspathSql;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;

/**
 * The values of a scope column that a run's changes reach, in a table of the build made on first use, for the
 * models of that scope to rebuild only their rows ({@link DuckDbModels}).
 *
 * <p>The one scope is {@code order_id}, the orders, whose keys the comparison of the changed files finds
 * ({@code raw.affected_orders}, {@link KeyComparison}). Which ids the scope holds, written as the staging models read
 * them, is a select of the model root: {@code <root>/scopes/order_id.sql}; its rows go to
 * {@code raw.scope_order_id}.
 */
final class ScopeTable {

    /** The folder under the model root holding the select of each scope: {@code <column>.sql}. */
    static final String FOLDER = "scopes";

    /** The scope column of the orders. */
    static final String ORDERS = "order_id";

    private static final Set<String> SUPPORTED = Set.of(ORDERS);

    private final DuckDbBuild build;
    private final String modelRoot;
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();

    ScopeTable(DuckDbBuild build, String modelRoot) {
        this.build = build;
        this.modelRoot = modelRoot;
    }

    /** Whether this program finds the values of scope column {@code column} that a run's changes reach. */
    static boolean supports(String column) {
        return SUPPORTED.contains(column);
    }

    /**
     * The table of the values of {@code column} in scope, made on first call from the scope's select.
     *
     * @throws IllegalStateException when the scope is not supported or the model root has no select for it
     */
    synchronized String table(String column) throws SQLException {
        if (!supports(column)) {
            throw new IllegalStateException("no scope table for column " + column + " (scopes: " + SUPPORTED + ")");
        }
        String table = RawLayout.quote(RawLayout.RAW_SCHEMA) + "." + RawLayout.quote("scope_" + column);
        if (!sizes.containsKey(column)) {
            SqlFile select = select(column).orElseThrow(() -> new IllegalStateException("the models under "
                    + modelRoot + " declare the scope " + column + " but " + modelRoot + "/" + FOLDER + "/" + column
                    + ".sql does not exist"));
            try (DuckDBConnection session = build.session(); Statement statement = session.createStatement()) {
                statement.execute("create or replace table " + table + " as " + ModelSql.asSelect(select.text()));
                try (ResultSet count = statement.executeQuery("select count(*) from " + table)) {
                    count.next();
                    sizes.put(column, count.getLong(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("the scope " + column + " (" + select.resource() + ") failed: "
                        + e.getMessage(), e);
            }
        }
        return table;
    }

    /** The condition that a row's {@code column} is one of the values in {@code scopeTable}. */
    static String condition(String column, String scopeTable) {
        return RawLayout.quote(column) + " in (select " + RawLayout.quote(column) + " from " + scopeTable + ")";
    }

    /** How many values of {@code column} are in scope; {@link #table} made its table. */
    long size(String column) {
        return sizes.getOrDefault(column, 0L);
    }

    private Optional<SqlFile> select(String column) {
        return ClasspathSql.list(build.classLoader(), modelRoot).stream()
                .filter(file -> file.folder().equals(FOLDER) && file.name().equals(column)).findFirst();
    }
}
