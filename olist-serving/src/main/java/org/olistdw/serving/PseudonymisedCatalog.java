package org.olistdw.serving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.olistdw.domain.security.Pseudonymiser;

/**
 * The warehouse's offered schemas as the SQL page shows them to people who may not see personal data: in the
 * in-memory catalog that has the published warehouse attached, one view per table of {@code core} and
 * {@code mart}, under the same schema and table name, whose personal columns ({@link PersonalData#field}) hold
 * their pseudonyms and every other column its value.
 *
 * <p>Pseudonymising the data a statement reads, rather than the columns of its result, is what makes a rename or
 * a computation harmless: {@code select customer_city as c}, {@code upper(customer_city)} or a filter on a clear
 * city all see pseudonyms only. The pseudonyms are those of {@link Pseudonymiser}, computed by DuckDB from the
 * key's HMAC blocks with SHA-256, so they equal the dashboards' and still join across tables. The blocks sit in a
 * table of the schema {@value #SECRET_SCHEMA}, which the SQL page never offers; the views' text names the table,
 * not the key.
 */
final class PseudonymisedCatalog {

    /** The schema of the in-memory catalog holding the key's HMAC blocks. */
    static final String SECRET_SCHEMA = "olist_secret";

    private PseudonymisedCatalog() {
    }

    /**
     * Creates, on {@code connection} (whose current catalog is the in-memory one), the views over the tables of
     * {@code schemas} in the attached catalog {@code warehouse}.
     *
     * @return the number of views created
     */
    static int create(Connection connection, String warehouse, Set<String> schemas, Pseudonymiser pseudonymiser)
            throws SQLException {
        Pseudonymiser.HmacBlocks blocks = pseudonymiser.hmacBlocks();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create schema " + SECRET_SCHEMA);
            statement.execute("create table " + SECRET_SCHEMA + ".hmac_blocks (inner_block blob not null, "
                    + "outer_block blob not null)");
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into " + SECRET_SCHEMA + ".hmac_blocks values (?, ?)")) {
            insert.setBytes(1, blocks.inner());
            insert.setBytes(2, blocks.outer());
            insert.executeUpdate();
        } finally {
            Arrays.fill(blocks.inner(), (byte) 0);
            Arrays.fill(blocks.outer(), (byte) 0);
        }
        Map<String, List<String>> columns = columns(connection, warehouse, schemas);
        try (Statement statement = connection.createStatement()) {
            for (String schema : schemas) {
                statement.execute("create schema " + quoted(schema));
            }
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                statement.execute("create view " + table.getKey() + " as select " + selectList(table.getValue())
                        + " from " + quoted(warehouse) + "." + table.getKey());
            }
        }
        return columns.size();
    }

    /** The columns, in order, of each table of {@code schemas} in {@code warehouse}, by qualified quoted name. */
    private static Map<String, List<String>> columns(Connection connection, String warehouse, Set<String> schemas)
            throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                select table_schema, table_name, column_name
                from information_schema.columns
                where table_catalog = ? and list_contains(string_split(?, ','), table_schema)
                order by table_schema, table_name, ordinal_position""")) {
            query.setString(1, warehouse);
            query.setString(2, String.join(",", schemas));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.computeIfAbsent(quoted(rows.getString(1)) + "." + quoted(rows.getString(2)),
                            name -> new ArrayList<>()).add(rows.getString(3));
                }
            }
        }
        return tables;
    }

    private static String selectList(List<String> columns) {
        List<String> items = new ArrayList<>(columns.size());
        for (String column : columns) {
            Optional<Pseudonymiser.Field> field = PersonalData.field(column);
            items.add(field.map(kind -> pseudonym(kind, quoted(column)) + " as " + quoted(column))
                    .orElse(quoted(column)));
        }
        return String.join(", ", items);
    }

    /** The SQL of {@code field}'s pseudonym of the value of {@code column}, as {@link Pseudonymiser} computes it. */
    static String pseudonym(Pseudonymiser.Field field, String column) {
        String blocks = SECRET_SCHEMA + ".hmac_blocks";
        return "sha256((select outer_block from " + blocks + ") || unhex(sha256((select inner_block from " + blocks
                + ") || encode('" + field.label() + "') || '\\x00'::blob || encode(cast(" + column
                + " as varchar)))))";
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
