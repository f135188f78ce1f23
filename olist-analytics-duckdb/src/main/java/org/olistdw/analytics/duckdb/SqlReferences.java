package org.olistdw.analytics.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables a select reads, found by DuckDB's own parser ({@code json_serialize_sql}) rather than by
 * pattern matching: every base-table reference carrying a schema, anywhere in the statement (joins,
 * subqueries, set operations, CTE bodies). Names of the statement's CTEs are not tables.
 */
final class SqlReferences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SqlReferences() {
    }

    /**
     * The qualified names ({@code schema.table}, lower case) the select reads.
     *
     * @throws IllegalArgumentException when the text is not exactly one select DuckDB can parse, or reads
     *                                  a table without naming its schema
     */
    static Set<String> of(Connection parser, String sql) {
        try (Parser reused = new Parser(parser)) {
            return reused.of(sql);
        }
    }

    /**
     * DuckDB's parser on one connection, its statement prepared once for many selects (preparing it anew for
     * each cost about as much as the parse itself); for one thread at a time.
     */
    static final class Parser implements AutoCloseable {
        private final PreparedStatement serialize;

        /** @param connection a DuckDB connection; it needs no tables */
        Parser(Connection connection) {
            try {
                this.serialize = connection.prepareStatement("select json_serialize_sql(?::varchar)");
            } catch (SQLException e) {
                throw new IllegalStateException("DuckDB could not prepare its parser: " + e.getMessage(), e);
            }
        }

        /** As {@link SqlReferences#of(Connection, String)}. */
        Set<String> of(String sql) {
            return references(serialize(serialize, sql));
        }

        @Override
        public void close() {
            try {
                serialize.close();
            } catch (SQLException e) {
                throw new IllegalStateException("DuckDB could not close its parser: " + e.getMessage(), e);
            }
        }
    }

    private static Set<String> references(JsonNode tree) {
        if (tree.path("error").asBoolean(false)) {
            throw new IllegalArgumentException("DuckDB cannot parse it as a select: "
                    + tree.path("error_message").asText("unknown error"));
        }
        JsonNode statements = tree.path("statements");
        if (statements.size() != 1) {
            throw new IllegalArgumentException("it must hold exactly one select statement, found " + statements.size());
        }
        Set<String> cteNames = new HashSet<>();
        Set<TableName> tables = new HashSet<>();
        walk(statements.get(0), cteNames, tables);
        Set<String> qualified = new TreeSet<>();
        Set<String> unqualified = new TreeSet<>();
        for (TableName table : tables) {
            if (!table.catalog().isEmpty()) {
                throw new IllegalArgumentException("it names a catalog in " + table.catalog() + "." + table.schema()
                        + "." + table.table() + "; models read the build they are in, by schema and table only");
            }
            if (table.schema().isEmpty()) {
                if (!cteNames.contains(table.table())) {
                    unqualified.add(table.table());
                }
            } else {
                qualified.add(table.schema() + "." + table.table());
            }
        }
        if (!unqualified.isEmpty()) {
            throw new IllegalArgumentException("it reads " + String.join(", ", unqualified)
                    + " without a schema and no CTE has that name; write schema.table (raw, staging, "
                    + "intermediate, core or mart)");
        }
        return qualified;
    }

    private static JsonNode serialize(PreparedStatement statement, String sql) {
        try {
            statement.setString(1, sql);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return JSON.readTree(result.getString(1));
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("DuckDB could not serialize the SQL: " + e.getMessage(), e);
        }
    }

    private static void walk(JsonNode node, Set<String> cteNames, Set<TableName> tables) {
        if (node.isObject()) {
            if ("BASE_TABLE".equals(node.path("type").asText()) && node.has("table_name")) {
                tables.add(new TableName(lower(node.path("catalog_name")), lower(node.path("schema_name")),
                        lower(node.path("table_name"))));
            }
            JsonNode cteMap = node.path("cte_map").path("map");
            for (JsonNode cte : cteMap) {
                cteNames.add(lower(cte.path("key")));
            }
            node.forEach(child -> walk(child, cteNames, tables));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, cteNames, tables));
        }
    }

    private static String lower(JsonNode text) {
        return text.asText("").toLowerCase(Locale.ROOT);
    }

    private record TableName(String catalog, String schema, String table) {
    }
}
