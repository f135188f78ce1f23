package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.pipeline.source.SourceTable;

/** Comparing a raw table with the published one by key, on a real DuckDB with hand-made rows. */
class KeyComparisonTest {

    private DuckDBConnection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = connection.createStatement()) {
            s.execute("attach ':memory:' as published");
            s.execute("create schema raw");
            s.execute("create schema published.raw");
            s.execute(KeyComparison.createAffectedOrders());
            s.execute(KeyComparison.createAffectedCustomers());
            s.execute(RawLayout.createTable(SourceTable.ORDERS));
            for (SourceTable table : List.of(SourceTable.ORDER_ITEMS, SourceTable.GEOLOCATION)) {
                s.execute(RawLayout.createTable(table));
                s.execute(RawLayout.createTable(table).replace("create table ", "create table published."));
            }
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> affectedOrders() throws SQLException {
        List<String> orders = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select order_id from raw.affected_orders order by 1")) {
            while (rs.next()) {
                orders.add(rs.getString(1));
            }
        }
        return orders;
    }

    @Test
    void items_are_new_changed_or_gone_by_order_and_item_number_whatever_their_lineage() throws SQLException {
        // published: o1 items 1 and 2, o2 item 1, o3 item 1, o5 item 1; build: o1 item 1 as before (read again by
        // another run), o1 item 2 with another price, o2 item 1 gone, o3 item 1 as before but on another line, o4
        // item 1 new, o5 item 1 as before on the same line
        execute("insert into published.raw.order_items values "
                + "(1, 'f', 2, 'o1', '1', 'p1', 's1', null, '10.00', '1.00'),"
                + "(1, 'f', 3, 'o1', '2', 'p2', 's1', null, '20.00', '1.00'),"
                + "(1, 'f', 4, 'o2', '1', 'p1', 's2', null, '10.00', '2.00'),"
                + "(1, 'f', 5, 'o3', '1', 'p3', 's2', null, '30.00', null),"
                + "(1, 'f', 6, 'o5', '1', 'p3', 's2', null, '30.00', null)");
        execute("insert into raw.order_items values "
                + "(2, 'g', 2, 'o1', '1', 'p1', 's1', null, '10.00', '1.00'),"
                + "(2, 'g', 8, 'o1', '2', 'p2', 's1', null, '21.00', '1.00'),"
                + "(2, 'g', 9, 'o3', '1', 'p3', 's2', null, '30.00', null),"
                + "(2, 'g', 10, 'o4', '1', 'p3', 's2', null, '30.00', '3.00'),"
                + "(2, 'g', 6, 'o5', '1', 'p3', 's2', null, '30.00', null)");

        KeyChanges changes = KeyComparison.compare(connection, SourceTable.ORDER_ITEMS, "published");

        assertThat(changes).as("a row on another line is no change").isEqualTo(new KeyChanges(1, 1, 1));
        assertThat(affectedOrders()).as("o3 too: the models carry its item's line along; o5 is as it was")
                .containsExactly("o1", "o2", "o3", "o4");
        assertThat(KeyComparison.ordersAffected(connection)).as("o3's rows only moved: no order of it changed")
                .isEqualTo(3);
    }

    @Test
    void a_value_becoming_empty_is_a_change() throws SQLException {
        execute("insert into published.raw.order_items values (1, 'f', 2, 'o1', '1', 'p1', 's1', null, '10.00', '1.00')");
        execute("insert into raw.order_items values (2, 'g', 2, 'o1', '1', 'p1', 's1', null, '10.00', null)");

        assertThat(KeyComparison.compare(connection, SourceTable.ORDER_ITEMS, "published"))
                .isEqualTo(new KeyChanges(0, 1, 0));
    }

    @Test
    void geolocation_rows_are_their_own_key_counted_with_their_repeats() throws SQLException {
        // published: a twice, b once, c once; build: a once (a repeat gone: changed), b once (same), d once (new);
        // c gone. Geolocation rows belong to no order.
        execute("insert into published.raw.geolocation values "
                + "(1, 'f', 2, '01001', '-23.5', '-46.6', 'sao paulo', 'SP'),"
                + "(1, 'f', 3, '01001', '-23.5', '-46.6', 'sao paulo', 'SP'),"
                + "(1, 'f', 4, '01002', '-23.6', '-46.6', 'sao paulo', 'SP'),"
                + "(1, 'f', 5, '20000', '-22.9', null, 'rio de janeiro', 'RJ')");
        execute("insert into raw.geolocation values "
                + "(2, 'g', 2, '01001', '-23.5', '-46.6', 'sao paulo', 'SP'),"
                + "(2, 'g', 3, '01002', '-23.6', '-46.6', 'sao paulo', 'SP'),"
                + "(2, 'g', 4, '30000', '-19.9', '-43.9', 'belo horizonte', 'MG')");

        KeyChanges changes = KeyComparison.compare(connection, SourceTable.GEOLOCATION, "published");

        assertThat(changes).isEqualTo(new KeyChanges(1, 1, 1));
        assertThat(affectedOrders()).isEmpty();
    }

    @Test
    void identical_tables_touch_no_key() throws SQLException {
        execute("insert into published.raw.geolocation values (1, 'f', 2, '20000', '-22.9', null, 'rio', 'RJ')");
        execute("insert into raw.geolocation values (2, 'g', 9, '20000', '-22.9', null, 'rio', 'RJ')");

        assertThat(KeyComparison.compare(connection, SourceTable.GEOLOCATION, "published")).isEqualTo(KeyChanges.NONE);
    }
}
