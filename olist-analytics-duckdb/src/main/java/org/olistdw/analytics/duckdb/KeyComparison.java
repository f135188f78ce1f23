package org.olistdw.analytics.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Compares a raw table of the build with the same table of another warehouse, attached to the build, by the
 * table's key: one pass over each side groups the rows by key (their number and the sum of the hashes of the
 * other columns, the lineage left out), a full outer join of the two finds the keys only in the build (new), in
 * both with other rows (changed) and only in the other warehouse (gone). The keys touched are kept in a temporary
 * table of the session for as long as the comparison needs them; the orders they belong to go to
 * {@code raw.affected_orders}, with the orders of the customers touched. A key whose rows moved to other lines
 * without changing is no change, but its orders are affected too: the models carry the lines along.
 */
final class KeyComparison {

    /**
     * {@code raw.affected_orders}: the orders of the keys touched, one row per order and table compared;
     * {@code lines_only} when the order's rows of that table only moved to other lines (no change to validate or
     * count, but lineage to carry along).
     */
    static final String AFFECTED_ORDERS_TABLE = "affected_orders";

    /** {@code raw.affected_customers}: the customer ids of the customers' keys touched. */
    static final String AFFECTED_CUSTOMERS_TABLE = "affected_customers";

    private KeyComparison() {
    }

    /**
     * Compares {@code table} in the build with {@code table} in the warehouse attached as {@code attached}, on
     * {@code session}, and adds the orders of the keys touched to {@code raw.affected_orders} when the table's
     * rows belong to orders.
     */
    static KeyChanges compare(DuckDBConnection session, SourceTable table, String attached) throws SQLException {
        String touched = RawLayout.quote("keys_touched_" + table.tableName());
        try (Statement statement = session.createStatement()) {
            statement.execute("create or replace temporary table " + touched + " as " + touchedKeys(table,
                    RawLayout.rawTable(table), RawLayout.quote(attached) + "." + RawLayout.rawTable(table)));
            try {
                KeyChanges changes;
                try (ResultSet counts = statement.executeQuery("select count(*) filter (where change = 'new'), "
                        + "count(*) filter (where change = 'changed'), count(*) filter (where change = 'gone') from "
                        + touched)) {
                    counts.next();
                    changes = new KeyChanges(counts.getLong(1), counts.getLong(2), counts.getLong(3));
                }
                if (table.ofOrders()) {
                    statement.execute("insert into " + affectedOrders() + " (order_id, lines_only) select order_id, "
                            + "bool_and(change = 'moved') from " + touched + " where order_id is not null "
                            + "group by order_id");
                } else if (table == SourceTable.CUSTOMERS) {
                    statement.execute("insert into " + affectedCustomers() + " select distinct customer_id from "
                            + touched + " where customer_id is not null and change <> 'moved'");
                }
                return changes;
            } finally {
                statement.execute("drop table if exists " + touched);
            }
        }
    }

    /**
     * Adds to {@code raw.affected_orders} the orders of the build placed with a customer id whose row was touched
     * (that id's person or address may have changed), once every table is loaded and compared, and returns the
     * distinct orders in {@code raw.affected_orders} whose rows changed (not only their lines).
     */
    static long ordersAffected(DuckDBConnection session) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("insert into " + affectedOrders() + " (order_id) select distinct order_id from "
                    + RawLayout.rawTable(SourceTable.ORDERS) + " where customer_id in (select customer_id from "
                    + affectedCustomers() + ") and order_id is not null");
            statement.execute("delete from " + affectedCustomers());
        }
        try (Statement statement = session.createStatement();
             ResultSet count = statement.executeQuery("select count(distinct order_id) from " + affectedOrders()
                     + " where not lines_only")) {
            count.next();
            return count.getLong(1);
        }
    }

    static String affectedOrders() {
        return RawLayout.quote(RawLayout.RAW_SCHEMA) + "." + RawLayout.quote(AFFECTED_ORDERS_TABLE);
    }

    static String createAffectedOrders() {
        return "create table " + affectedOrders() + " (order_id varchar not null, lines_only boolean not null "
                + "default false)";
    }

    /** {@code raw.affected_customers}: the customer ids touched, until their orders join the affected ones. */
    static String affectedCustomers() {
        return RawLayout.quote(RawLayout.RAW_SCHEMA) + "." + RawLayout.quote(AFFECTED_CUSTOMERS_TABLE);
    }

    static String createAffectedCustomers() {
        return "create table " + affectedCustomers() + " (customer_id varchar not null)";
    }

    /**
     * The query of the keys touched between {@code build} and {@code published}, two raw tables of {@code table}:
     * the key's columns and {@code change}, one of {@code new}, {@code changed}, {@code gone} and {@code moved} (the
     * same rows at other lines of the file: nothing changed but the lineage, which the models carry along).
     */
    static String touchedKeys(SourceTable table, String build, String published) {
        List<String> key = table.key();
        List<String> rest = table.header().stream().filter(column -> !key.contains(column)).toList();
        String keyColumns = key.stream().map(RawLayout::quote).collect(Collectors.joining(", "));
        String rowHash = rest.isEmpty() ? "0::hugeint"
                : "sum(hash(" + rest.stream().map(RawLayout::quote).collect(Collectors.joining(", ")) + ")::hugeint)";
        String grouped = "select " + keyColumns + ", count(*) as _rows, " + rowHash + " as _hash, "
                + "sum(hash(_source_line)::hugeint) as _lines from %s group by " + keyColumns;
        String join = key.stream().map(column -> "b." + RawLayout.quote(column) + " is not distinct from p."
                + RawLayout.quote(column)).collect(Collectors.joining(" and "));
        String coalesced = key.stream().map(column -> "coalesce(b." + RawLayout.quote(column) + ", p."
                + RawLayout.quote(column) + ") as " + RawLayout.quote(column)).collect(Collectors.joining(", "));
        return "with b as (" + grouped.formatted(build) + "), p as (" + grouped.formatted(published) + ") select "
                + coalesced + ", case when p._rows is null then 'new' when b._rows is null then 'gone' "
                + "when b._rows <> p._rows or b._hash <> p._hash then 'changed' else 'moved' end as change "
                + "from b full outer join p on " + join + " where p._rows is null or b._rows is null "
                + "or b._rows <> p._rows or b._hash <> p._hash or b._lines <> p._lines";
    }
}
