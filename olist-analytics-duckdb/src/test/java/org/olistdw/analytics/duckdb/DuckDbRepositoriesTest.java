package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.OrderStatus;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.OrderId;
import org.olistdw.domain.shared.ProductId;
import org.olistdw.domain.shared.SellerId;
import org.olistdw.pipeline.build.Warehouse;

/** {@link DuckDbRepositories}: the published warehouse opened read-only, and repositories over a build's connection. */
class DuckDbRepositoriesTest {

    @TempDir
    Path directory;

    private Path publishTheStarFixture(Warehouse warehouse, long run) {
        try (DuckDbBuild build = Builds.newBuild(warehouse, run)) {
            Builds.loadAndBuildAll(build, Builds.starFixture());
            build.publish();
        }
        return Path.of(warehouse.location());
    }

    @Test
    void the_published_warehouse_is_read_as_aggregates_through_every_port() {
        Path published = publishTheStarFixture(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);

        try (DuckDbRepositories repositories = DuckDbRepositories.open(published)) {
            assertThat(repositories.orders().findById(new OrderId("o11"))).map(Order::status)
                    .contains(OrderStatus.DELIVERED);
            assertThat(repositories.customers().findById(new CustomerUniqueId("p01"))).isPresent();
            assertThat(repositories.sellers().findById(new SellerId("s06"))).isPresent();
            assertThat(repositories.products().findById(new ProductId("pr10"))).isPresent();
            assertThat(repositories.deliveries().findByOrder(new OrderId("o07"))).isPresent();
            try (Stream<Order> orders = repositories.orders().streamAll()) {
                assertThat(orders.count()).isEqualTo(30);
            }
        }
    }

    @Test
    void the_published_warehouse_is_opened_read_only() throws IOException, SQLException {
        Path published = publishTheStarFixture(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        long size = Files.size(published);

        try (DuckDbRepositories repositories = DuckDbRepositories.open(published);
             Statement statement = repositories.connection().createStatement()) {
            assertThat(Builds.query(repositories.connection(), "select current_setting('access_mode')"))
                    .containsExactly(List.of("read_only"));
            assertThatThrownBy(() -> statement.execute("create table core.written (x integer)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("read-only");
        }
        assertThat(Files.size(published)).isEqualTo(size);
        assertThat(published.resolveSibling(published.getFileName() + ".wal")).doesNotExist();
    }

    @Test
    void a_reader_keeps_the_warehouse_it_opened_while_the_next_run_builds_and_publishes() throws IOException {
        Warehouse warehouse = Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT);
        Path published = publishTheStarFixture(warehouse, 1);

        try (DuckDbRepositories reader = DuckDbRepositories.open(published)) {
            try (DuckDbBuild next = Builds.newBuild(warehouse, 2)) {
                // the next run's orders file has o01 only
                Path sources = Files.createDirectories(directory.resolve("next-sources"));
                Builds.write(sources,
                        "olist_orders_dataset.csv", Builds.lines(
                                "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,"
                                        + "order_delivered_carrier_date,order_delivered_customer_date,"
                                        + "order_estimated_delivery_date",
                                "o01,c01,delivered,2017-09-04 10:15:00,2017-09-04 10:30:00,2017-09-06 14:00:00,"
                                        + "2017-09-12 16:20:00,2017-09-25 00:00:00"));
                Builds.loadAndBuildAll(next, sources);
                next.publish();
            }
            try (Stream<Order> orders = reader.orders().streamAll()) {
                assertThat(orders.count()).isEqualTo(30);
            }
        }
        try (DuckDbRepositories reopened = DuckDbRepositories.open(published);
             Stream<Order> orders = reopened.orders().streamAll()) {
            assertThat(orders.map(order -> order.id().value())).containsExactly("o01");
        }
    }

    @Test
    void a_missing_warehouse_is_named_in_one_line() {
        Path missing = directory.resolve("nowhere").resolve("olist.duckdb");

        assertThatThrownBy(() -> DuckDbRepositories.open(missing))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no published warehouse at " + missing.toAbsolutePath().normalize());
    }

    @Test
    void repositories_over_a_build_leave_its_connection_open() throws SQLException {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            Builds.loadAndBuildAll(build, Builds.starFixture());
            try (DuckDbRepositories repositories = DuckDbRepositories.over(build.connection())) {
                assertThat(repositories.orders().findByCustomer(new CustomerUniqueId("p06")))
                        .extracting(order -> order.id().value()).containsExactly("o06", "o15");
            }
            assertThat(build.connection().isClosed()).isFalse();
            assertThat(build.rowCount("core.fact_orders")).isEqualTo(30);
        }
    }

    @Test
    void cursors_merge_by_key_in_duckdb_order_and_skip_rows_no_parent_asks_for() throws SQLException {
        // DuckDB sorts text by UTF-8 bytes, i.e. by code point: a < é (U+00E9) < Ａ (U+FF21) < 𝄞 (U+1D11E),
        // whereas String.compareTo puts 𝄞 (a surrogate pair, D834 DD1E) before Ａ. 'b' has no parent.
        try (DuckDBConnection memory = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = memory.createStatement()) {
            statement.execute("create table parents as select * from (values ('𝄞'), ('a'), ('Ａ'), ('é')) t(k)");
            statement.execute("create table children as select * from (values ('Ａ', 1), ('b', 2), ('𝄞', 3),"
                    + " ('a', 4), ('a', 5), ('é', 6)) t(k, n)");
            try (DuckDbCursor parents = DuckDbCursor.open(memory, "select k from parents order by k");
                 DuckDbCursor children = DuckDbCursor.open(memory, "select k, n from children order by k, n")) {
                List<String> merged = new ArrayList<>();
                while (parents.hasRow()) {
                    String key = parents.next(row -> row.getString(1));
                    merged.add(key + children.take(key, row -> row.getInt(2)));
                }
                assertThat(merged).containsExactly("a[4, 5]", "é[6]", "Ａ[1]", "𝄞[3]");
                assertThat(children.hasRow()).isFalse();
            }
        }
        assertThat(DuckDbCursor.compareKeys("Ａ", "𝄞")).isNegative();
        assertThat("Ａ".compareTo("𝄞")).isPositive();
        assertThat(DuckDbCursor.compareKeys(null, "a")).isPositive();
    }

    @Test
    void text_read_as_bytes_reads_back_as_the_same_text_and_merges_as_text_keys_do() throws SQLException {
        try (DuckDBConnection memory = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
             Statement statement = memory.createStatement()) {
            statement.execute("create table parents as select * from (values ('𝄞'), ('a'), ('Ａ'), ('é'), (null))"
                    + " t(k)");
            statement.execute("create table children as select * from (values ('Ａ', 'são'), ('b', 'x'),"
                    + " ('𝄞', null), ('a', 'ação'), ('é', '')) t(k, v)");
            try (DuckDbCursor parents = DuckDbCursor.open(memory,
                    "select encode(k) as k from parents order by k");
                 DuckDbCursor children = DuckDbCursor.open(memory,
                         "select encode(k) as k, encode(v) as v from children order by k")) {
                List<String> merged = new ArrayList<>();
                while (parents.hasRow()) {
                    String key = parents.key();
                    parents.next(row -> DuckDbCursor.text(row, 1));
                    if (key == null) {
                        merged.add("null");
                        continue;
                    }
                    merged.add(key + children.take(key, row -> DuckDbCursor.text(row, 2)));
                }
                assertThat(merged).containsExactly("a[ação]", "é[]", "Ａ[são]", "𝄞[null]", "null");
            }
        }
    }
}
