package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olistdw.analytics.duckdb.Builds.lines;
import static org.olistdw.analytics.duckdb.Builds.query;
import static org.olistdw.analytics.duckdb.Builds.write;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.LoadResult;
import org.olistdw.pipeline.build.RawLoad;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.source.SourceTable;

/**
 * A build that carries files over starts from a copy of the published warehouse holding exactly the raw tables
 * of those files and their quarantined rows, and nothing else; a published warehouse of another run gives an empty
 * build, from which the carry-over copies the rows instead.
 */
class SeededBuildTest {

    private static final String SELLERS_FILE = SourceTable.SELLERS.fileName();
    private static final String BROKEN_SELLER = "951e00c0e16e0fa0c1c1fd6c3d3c0c1d,13023";
    private static final Instant AS_OF = Instant.parse("2019-03-01T02:00:00Z");

    @TempDir
    Path directory;

    private Warehouse warehouse;

    /** Run 1 publishes two sellers (a third line quarantined), one customer and one order, with its models. */
    @BeforeEach
    void publishRunOne() {
        warehouse = Builds.warehouse(directory, "models/chain");
        try (DuckDbBuild build = Builds.newBuild(warehouse, 1)) {
            List<QuarantinedRow> quarantined = new ArrayList<>();
            build.raw().load(SourceTable.SELLERS, write(directory, "sellers-1.csv", lines(
                    "seller_id,seller_zip_code_prefix,seller_city,seller_state",
                    "3442f8959a84dea7ee197c632cb2df15,13023,campinas,SP",
                    BROKEN_SELLER,
                    "d1b65fc7debc3361ea86b5f14c68d2e2,13844,mogi guacu,SP")), quarantined::add);
            assertThat(quarantined).hasSize(1);
            build.raw().load(SourceTable.CUSTOMERS, write(directory, "customers-1.csv", lines(
                    "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state",
                    "9ef432eb6251297304e76186b10a928d,7c396fd4830fd04220f754e42b4e5bff,3149,sao paulo,SP")),
                    row -> { });
            build.raw().load(SourceTable.ORDERS, write(directory, "orders-1.csv", lines(
                    String.join(",", SourceTable.ORDERS.header()),
                    "e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,delivered,"
                            + "2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,"
                            + "2017-10-18 00:00:00")), row -> { });
            Builds.buildModels(build);
            assertThat(build.rowCount("core.fact_orders")).isEqualTo(1);
            build.publish();
        }
    }

    @Test
    void a_build_copied_from_the_published_warehouse_holds_only_the_raw_tables_it_carries_over() {
        List<List<Object>> publishedSellers;
        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            publishedSellers = query(reader, "select * from raw.sellers order by _source_line");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(publishedSellers).hasSize(2);

        try (DuckDbBuild build = (DuckDbBuild) warehouse.newBuild(new RunId(2), AS_OF, new RunId(1),
                Set.of(SourceTable.SELLERS), false)) {
            Connection connection = build.connection();
            assertThat(query(connection, "select * from raw.sellers order by _source_line"))
                    .isEqualTo(publishedSellers);
            assertThat(query(connection, "select _run_id, source_file, line_number, raw_text from raw.quarantine"))
                    .containsExactly(List.of(1L, SELLERS_FILE, 3L, BROKEN_SELLER));
            assertThat(build.rowCount("raw.customers")).isZero();
            assertThat(build.rowCount("raw.orders")).isZero();
            assertThat(query(connection, "select run_id, as_of from raw.build"))
                    .containsExactly(List.of(2L, Timestamp.valueOf("2019-03-01 02:00:00")));
            assertThat(query(connection, "select count(*) from duckdb_tables() where database_name = "
                    + "current_database() and schema_name in ('intermediate', 'core', 'mart')"))
                    .containsExactly(List.of(0L));

            List<QuarantinedRow> carried = new ArrayList<>();
            LoadResult copied;
            try (RawLoad.CarryOver carry = build.raw().carryOver(new RunId(1))) {
                copied = carry.copy(SourceTable.SELLERS, carried::add);
            }
            assertThat(copied).isEqualTo(new LoadResult(3, 2, 1));
            assertThat(carried).extracting(QuarantinedRow::lineNumber).containsExactly(3L);
            assertThat(build.rowCount("raw.sellers")).as("nothing copied twice").isEqualTo(2);
            assertThat(build.rowCount("raw.quarantine")).isEqualTo(1);

            build.raw().load(SourceTable.CUSTOMERS, write(directory, "customers-2.csv", lines(
                    "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state",
                    "9ef432eb6251297304e76186b10a928d,7c396fd4830fd04220f754e42b4e5bff,3149,sao paulo,SP")),
                    row -> { });
            Builds.buildModels(build);
            assertThat(build.rowCount("core.dim_customer")).isEqualTo(1);
            assertThat(build.rowCount("core.fact_orders")).as("no order loaded in run 2").isZero();
            build.publish();
        }
        assertThat(DuckDbWarehouse.publishedRun(directory.resolve("olist.duckdb"))).contains(new RunId(2));
    }

    @Test
    void the_published_warehouse_records_what_each_model_read_through_the_others() throws Exception {
        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            assertThat(query(reader, "select model, array_to_string(list_sort(inputs), ' ') from raw.model_inputs "
                    + "where model not like 'staging.%' order by model"))
                    .containsExactly(
                            List.of("core.dim_customer", "raw.customers"),
                            List.of("core.fact_orders", "raw.customers raw.orders"),
                            List.of("intermediate.int_order_customers", "raw.customers raw.orders"),
                            List.of("mart.mart_orders_by_city", "raw.customers raw.orders"));
        }
    }

    @Test
    void with_the_same_definitions_the_tables_of_models_reading_only_carried_raw_tables_are_kept() throws Exception {
        try (DuckDbBuild build = (DuckDbBuild) warehouse.newBuild(new RunId(2), AS_OF, new RunId(1),
                Set.of(SourceTable.CUSTOMERS), true)) {
            Connection connection = build.connection();
            assertThat(query(connection, "select schema_name || '.' || table_name from duckdb_tables() "
                    + "where database_name = current_database() and schema_name in ('intermediate', 'core', 'mart') "
                    + "order by all"))
                    .as("dim_customer to keep, the two tables of scope order_id to patch")
                    .containsExactly(List.of("core.dim_customer"), List.of("core.fact_orders"),
                            List.of("intermediate.int_order_customers"));
            // a table built again would lose this row
            try (java.sql.Statement statement = connection.createStatement()) {
                statement.execute("insert into core.dim_customer values ('marker', 'nowhere')");
            }

            Builds.buildModels(build);

            assertThat(query(connection, "select customer_city from core.dim_customer order by all"))
                    .containsExactly(List.of("nowhere"), List.of("sao paulo"));
            assertThat(build.rowCount("core.fact_orders"))
                    .as("built again, not patched: the orders file was not compared, so its scope is not known")
                    .isZero();
        }
        try (DuckDbBuild build = (DuckDbBuild) warehouse.newBuild(new RunId(2), AS_OF, new RunId(1),
                Set.of(SourceTable.CUSTOMERS), false)) {
            assertThat(query(build.connection(), "select count(*) from duckdb_tables() where database_name = "
                    + "current_database() and schema_name in ('intermediate', 'core', 'mart')"))
                    .as("other definitions keep no model").containsExactly(List.of(0L));
        }
    }

    @Test
    void the_tables_of_a_scope_rebuild_only_the_orders_the_changes_reach_and_keep_the_others_rows() throws Exception {
        Set<SourceTable> carried = EnumSet.allOf(SourceTable.class);
        carried.remove(SourceTable.ORDERS);
        try (DuckDbBuild build = (DuckDbBuild) warehouse.newBuild(new RunId(2), AS_OF, new RunId(1), carried, true)) {
            Connection connection = build.connection();
            // rows that only the published tables have: a table built again, or patched beyond its scope, loses them
            // (three orders more, so that the scope of one order is small enough to patch: a quarter of the rows)
            try (java.sql.Statement statement = connection.createStatement()) {
                for (String marker : List.of("marker-1", "marker-2", "marker-3")) {
                    statement.execute("insert into core.fact_orders values ('" + marker + "', 'delivered', 'nowhere')");
                    statement.execute("insert into intermediate.int_order_customers values ('" + marker
                            + "', 'delivered', 'nowhere')");
                }
                statement.execute("update intermediate.int_order_customers set customer_city = 'kept' "
                        + "where order_id = 'e481f51cbdc54678b7cc49136f2d6af7'");
            }
            loadOrdersWithOneNewAndCompare(build, carried);

            Builds.buildModels(build);

            assertThat(query(connection, "select order_id from raw.scope_order_id"))
                    .containsExactly(List.of("53cdb2fc8bc7dce0b6741e2150273451"));
            assertThat(query(connection, "select order_id, customer_city from intermediate.int_order_customers "
                    + "order by order_id"))
                    .as("the order out of scope keeps its published row, which the test changed")
                    .containsExactly(List.of("53cdb2fc8bc7dce0b6741e2150273451", "sao paulo"),
                            List.of("e481f51cbdc54678b7cc49136f2d6af7", "kept"), List.of("marker-1", "nowhere"),
                            List.of("marker-2", "nowhere"), List.of("marker-3", "nowhere"));
            assertThat(query(connection, "select order_id, order_status, customer_city from core.fact_orders "
                    + "order by order_id"))
                    .containsExactly(List.of("53cdb2fc8bc7dce0b6741e2150273451", "invoiced", "sao paulo"),
                            List.of("e481f51cbdc54678b7cc49136f2d6af7", "delivered", "sao paulo"),
                            List.of("marker-1", "delivered", "nowhere"), List.of("marker-2", "delivered", "nowhere"),
                            List.of("marker-3", "delivered", "nowhere"));
            assertThat(query(connection, "select customer_city, orders from mart.mart_orders_by_city order by all"))
                    .as("a model without a scope is built whole from the patched table")
                    .containsExactly(List.of("nowhere", 3L), List.of("sao paulo", 2L));
        }
    }

    /** Loads run 2's orders: run 1's order as it was and a new one; carries the rest over and compares. */
    private void loadOrdersWithOneNewAndCompare(DuckDbBuild build, Set<SourceTable> carried) {
        build.raw().load(SourceTable.ORDERS, write(directory, "orders-2.csv", lines(
                String.join(",", SourceTable.ORDERS.header()),
                "e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,delivered,"
                    + "2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,"
                    + "2017-10-18 00:00:00",
                "53cdb2fc8bc7dce0b6741e2150273451,9ef432eb6251297304e76186b10a928d,invoiced,"
                    + "2018-07-24 20:41:37,2018-07-26 03:24:27,,,2018-08-13 00:00:00")), row -> { });
        try (RawLoad.CarryOver carry = build.raw().carryOver(new RunId(1))) {
            for (SourceTable table : carried) {
                carry.copy(table, row -> { });
            }
            assertThat(carry.compare(SourceTable.ORDERS).added()).isEqualTo(1);
            assertThat(carry.ordersAffected()).isEqualTo(1);
        }
        assertThat(build.scopeComplete()).isTrue();
    }

    @Test
    void a_scope_larger_than_a_quarter_of_a_table_builds_the_table_whole() throws Exception {
        Set<SourceTable> carried = EnumSet.allOf(SourceTable.class);
        carried.remove(SourceTable.ORDERS);
        try (DuckDbBuild build = (DuckDbBuild) warehouse.newBuild(new RunId(2), AS_OF, new RunId(1), carried, true)) {
            try (java.sql.Statement statement = build.connection().createStatement()) {
                statement.execute("update intermediate.int_order_customers set customer_city = 'kept'");
            }
            loadOrdersWithOneNewAndCompare(build, carried);

            Builds.buildModels(build);

            assertThat(query(build.connection(), "select order_id, customer_city from intermediate.int_order_customers "
                    + "order by order_id"))
                    .as("one order in scope for the one published row: built whole, the changed row is gone")
                    .containsExactly(List.of("53cdb2fc8bc7dce0b6741e2150273451", "sao paulo"),
                            List.of("e481f51cbdc54678b7cc49136f2d6af7", "sao paulo"));
        }
    }

    @Test
    void a_published_raw_table_of_another_layout_gives_an_empty_build() throws Exception {
        try (Connection writer = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:"
                + directory.resolve("olist.duckdb").toAbsolutePath(), new java.util.Properties());
             java.sql.Statement statement = writer.createStatement()) {
            statement.execute("alter table raw.sellers add column seller_region varchar");
        }
        try (DuckDbBuild build = (DuckDbBuild) warehouse.newBuild(new RunId(2), AS_OF, new RunId(1),
                Set.of(SourceTable.SELLERS), true)) {
            assertThat(build.rowCount("raw.sellers")).isZero();
            assertThat(query(build.connection(), "select count(*) from information_schema.columns "
                    + "where table_schema = 'raw' and table_name = 'sellers'")).containsExactly(List.of(7L));
        }
    }

    @Test
    void a_build_for_a_run_whose_warehouse_is_not_published_starts_empty_and_copies_the_rows() {
        try (DuckDbBuild build = (DuckDbBuild) warehouse.newBuild(new RunId(2), AS_OF, new RunId(7),
                Set.of(SourceTable.SELLERS), true)) {
            assertThat(build.rowCount("raw.sellers")).isZero();
            assertThat(build.rowCount("raw.quarantine")).isZero();

            LoadResult copied;
            try (RawLoad.CarryOver carry = build.raw().carryOver(new RunId(1))) {
                copied = carry.copy(SourceTable.SELLERS, row -> { });
            }
            assertThat(copied).isEqualTo(new LoadResult(3, 2, 1));
            assertThat(build.rowCount("raw.sellers")).isEqualTo(2);
            assertThat(build.rowCount("raw.quarantine")).isEqualTo(1);
        }
    }
}
