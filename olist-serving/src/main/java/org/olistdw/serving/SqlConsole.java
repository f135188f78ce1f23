package org.olistdw.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The SQL page's statements: one read-only {@code select} over the warehouse schemas the page offers, checked
 * before it runs, run with a row limit and a time limit.
 *
 * <p>A statement is checked on DuckDB's own parse of it ({@code json_serialize_sql}), not by matching its text:
 * it must be exactly one statement, a {@code select} (DuckDB serialises nothing else, so {@code attach},
 * {@code copy}, {@code pragma}, {@code install}, {@code load}, {@code set} and every write are refused), it may
 * read no table function ({@code read_csv}, {@code read_parquet}, {@code glob}...) nor anything but tables
 * (and its own common table expressions), and each table must be named with its schema, one of
 * {@link #OFFERED_SCHEMAS}. Which of those a person may read is then for {@code AccessPolicy} to decide.
 */
final class SqlConsole {

    /**
     * The schemas the SQL page ever reads, whatever the role: the star schema and the marts. The raw copies of the
     * sources stay out of reach, and the operational store and the audit trail are not in the warehouse at all.
     */
    static final Set<String> OFFERED_SCHEMAS = Set.of("mart", "core");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PLAIN_TABLE_REFS = Set.of("BASE_TABLE", "JOIN", "SUBQUERY", "EMPTY",
            "EXPRESSION_LIST");
    private static final Set<String> QUERY_NODES = Set.of("SELECT_NODE", "SET_OPERATION_NODE", "CTE_NODE",
            "RECURSIVE_CTE_NODE");

    /** A statement that may not run, and why. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    /** The rows of a statement run: at most the row limit, {@code truncated} when there were more. */
    record Result(List<String> columns, List<List<Object>> rows, boolean truncated, long millis) {
    }

    private final Duration timeLimit;
    private final int rowLimit;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "olist-sql-time-limit");
        thread.setDaemon(true);
        return thread;
    });

    SqlConsole(Duration timeLimit, int rowLimit) {
        this.timeLimit = timeLimit;
        this.rowLimit = rowLimit;
    }

    int rowLimit() {
        return rowLimit;
    }

    Duration timeLimit() {
        return timeLimit;
    }

    /**
     * The warehouse schemas {@code sql} reads, after checking it is one {@code select} of tables of the offered
     * schemas.
     *
     * @throws Refused with the reason when it is not
     */
    Set<String> schemasRead(Connection connection, String sql) throws Refused, SQLException {
        if (sql == null || sql.isBlank()) {
            throw new Refused("no statement given");
        }
        JsonNode parsed;
        try (PreparedStatement statement = connection.prepareStatement("select json_serialize_sql(?::varchar)")) {
            statement.setString(1, sql);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                parsed = JSON.readTree(result.getString(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read DuckDB's parse of a statement", e);
        }
        if (parsed.path("error").asBoolean(false)) {
            String type = parsed.path("error_type").asText("");
            if (type.equals("not implemented")) {
                throw new Refused("only a SELECT may run; this is " + firstWord(sql).toUpperCase(Locale.ROOT)
                        + ", which may change or reach outside the warehouse");
            }
            throw new Refused("cannot parse the statement: " + ServedWarehouse.oneLine(
                    parsed.path("error_message").asText(type)));
        }
        JsonNode statements = parsed.path("statements");
        if (statements.size() != 1) {
            throw new Refused("exactly one statement may run at a time, this is " + statements.size());
        }
        Set<String> ctes = new TreeSet<>();
        collectCtes(statements, ctes);
        Set<String> schemas = new TreeSet<>();
        check(statements.get(0), ctes, schemas);
        if (schemas.isEmpty()) {
            throw new Refused("the statement reads no table of " + String.join(" or ", new TreeSet<>(OFFERED_SCHEMAS)));
        }
        return schemas;
    }

    /**
     * Runs a statement checked by {@link #schemasRead}: at most the row limit, cancelled after the time limit.
     *
     * @throws Refused when it ran out of time
     */
    Result run(Connection connection, String sql) throws Refused, SQLException {
        long began = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.setMaxRows(rowLimit + 1);
            AtomicBoolean cancelled = new AtomicBoolean();
            ScheduledFuture<?> limit = timer.schedule(() -> {
                cancelled.set(true);
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    // the statement has ended meanwhile
                }
            }, timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet result = statement.executeQuery(sql)) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                boolean truncated = false;
                while (result.next()) {
                    if (rows.size() == rowLimit) {
                        truncated = true;
                        break;
                    }
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(result.getObject(i));
                    }
                    rows.add(row);
                }
                return new Result(columns, rows, truncated, (System.nanoTime() - began) / 1_000_000);
            } catch (SQLException e) {
                if (cancelled.get()) {
                    throw new Refused("the statement ran longer than the time limit of " + timeLimit.toMillis()
                            + " ms and was cancelled");
                }
                throw e;
            } finally {
                limit.cancel(false);
            }
        }
    }

    private static void collectCtes(JsonNode node, Set<String> ctes) {
        if (node.isObject()) {
            JsonNode map = node.path("cte_map").path("map");
            for (JsonNode entry : map) {
                ctes.add(entry.path("key").asText().toLowerCase(Locale.ROOT));
            }
        }
        for (JsonNode child : node) {
            collectCtes(child, ctes);
        }
    }

    private static void check(JsonNode node, Set<String> ctes, Set<String> schemas) throws Refused {
        if (node.isObject() && isTableRef(node)) {
            String type = node.path("type").asText();
            if (type.equals("TABLE_FUNCTION")) {
                throw new Refused("table function " + node.path("function").path("function_name").asText("?")
                        + " may not be read here; only tables of " + offered());
            }
            if (!PLAIN_TABLE_REFS.contains(type)) {
                throw new Refused("only tables of " + offered() + " may be read, not a " + type.toLowerCase(Locale.ROOT));
            }
            if (type.equals("BASE_TABLE")) {
                table(node, ctes, schemas);
            }
        }
        Iterator<JsonNode> children = node.elements();
        while (children.hasNext()) {
            check(children.next(), ctes, schemas);
        }
    }

    private static boolean isTableRef(JsonNode node) {
        return node.has("type") && !node.has("class") && node.has("sample")
                && !QUERY_NODES.contains(node.path("type").asText());
    }

    private static void table(JsonNode node, Set<String> ctes, Set<String> schemas) throws Refused {
        String catalog = node.path("catalog_name").asText("");
        String schema = node.path("schema_name").asText("").toLowerCase(Locale.ROOT);
        String table = node.path("table_name").asText("");
        if (!catalog.isEmpty()) {
            throw new Refused("table " + catalog + "." + schema + "." + table
                    + " names a database; only the warehouse's own tables may be read");
        }
        if (schema.isEmpty()) {
            if (ctes.contains(table.toLowerCase(Locale.ROOT))) {
                return;
            }
            throw new Refused("table '" + table + "' must be named with its schema, one of " + offered());
        }
        if (!OFFERED_SCHEMAS.contains(schema)) {
            throw new Refused("schema " + schema + " is out of reach of the SQL page; only " + offered()
                    + " may be read");
        }
        schemas.add(schema);
    }

    private static String offered() {
        return String.join(" and ", new TreeSet<>(OFFERED_SCHEMAS));
    }

    private static String firstWord(String sql) {
        String stripped = sql.strip().replaceFirst("^(--[^\\n]*\\n\\s*|/\\*.*?\\*/\\s*)*", "");
        int end = 0;
        while (end < stripped.length() && Character.isLetter(stripped.charAt(end))) {
            end++;
        }
        return end == 0 ? "not a select" : stripped.substring(0, end);
    }
}
