package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.build.Warehouse;

/**
 * Customer, product and seller dimensions keep their history across runs (type 2): a run that finds a
 * changed attribute closes the current version at its as-of time and opens a new one, and facts point
 * to the version valid when the order was placed.
 *
 * <p>The first run (as of 2018-01-15) sees person p1 in São Paulo, product pr1 weighing 500 g and
 * seller s1 in Campinas. The second run (as of 2018-03-01) sees p1's new order o3 from Belo Horizonte
 * (placed 2018-03-10, after the change), o4 placed under the old address on 2018-02-01, pr1 now weighing
 * 1,500 g, s1 moved to Santos, and a new seller s3.
 */
class SlowlyChangingDimensionsTest {

    private static final Instant FIRST_RUN = Instant.parse("2018-01-15T00:00:00Z");
    private static final Instant SECOND_RUN = Instant.parse("2018-03-01T00:00:00Z");
    private static final Instant THIRD_RUN = Instant.parse("2018-04-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void a_changed_address_closes_the_old_version_at_the_run_time_and_opens_a_new_current_one() throws Exception {
        twoRuns();

        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            assertThat(rows(reader, "select customer_key, customer_unique_id, customer_zip_code_prefix, customer_city,"
                    + " customer_state, customer_region, cast(valid_from as varchar), cast(valid_to as varchar), is_current"
                    + " from core.dim_customer order by customer_key"))
                    .containsExactly(
                            row(-1L, "unknown", "unknown", "unknown", "unknown", "unknown", "1900-01-01 00:00:00", null, true),
                            // run 1 numbered p1, p2 as 1, 2; run 2 closed p1's version and opened key 3
                            row(1L, "p1", "01037", "sao paulo", "SP", "Sudeste", "1900-01-01 00:00:00", "2018-03-01 00:00:00", false),
                            row(2L, "p2", "20040", "rio de janeiro", "RJ", "Sudeste", "1900-01-01 00:00:00", null, true),
                            row(3L, "p1", "30130", "belo horizonte", "MG", "Sudeste", "2018-03-01 00:00:00", null, true));
        }
    }

    @Test
    void orders_point_to_the_customer_version_valid_when_they_were_placed() throws Exception {
        twoRuns();

        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            assertThat(rows(reader, "select order_id, customer_key from core.fact_orders order by order_id"))
                    .containsExactly(
                            row("o1", 1L), // 2017-12-01, before the move
                            row("o2", 2L),
                            row("o3", 3L), // 2018-03-10, after the run that saw the move
                            row("o4", 1L)); // 2018-02-01, placed before the change took effect
            assertThat(rows(reader, "select order_id, order_item_id, customer_key, product_key, seller_key"
                    + " from core.fact_order_items order by order_id, order_item_id"))
                    .containsExactly(
                            row("o1", 1, 1L, 1L, 1L),
                            row("o2", 1, 2L, 2L, 2L),
                            row("o3", 1, 3L, 3L, 3L), // new versions of pr1 and s1
                            row("o4", 1, 1L, 1L, 1L)); // old versions: placed before 2018-03-01
        }
    }

    @Test
    void changed_products_and_sellers_get_new_versions_and_new_keys_start_valid_from_the_beginning() throws Exception {
        twoRuns();

        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            assertThat(rows(reader, "select product_key, product_id, product_weight_g, weight_class,"
                    + " cast(valid_from as varchar), cast(valid_to as varchar), is_current"
                    + " from core.dim_product where product_key <> -1 order by product_key"))
                    .containsExactly(
                            row(1L, "pr1", new java.math.BigDecimal("500.00"), "light", "1900-01-01 00:00:00", "2018-03-01 00:00:00", false),
                            row(2L, "pr2", new java.math.BigDecimal("2000.00"), "medium", "1900-01-01 00:00:00", null, true),
                            row(3L, "pr1", new java.math.BigDecimal("1500.00"), "medium", "2018-03-01 00:00:00", null, true));
            assertThat(rows(reader, "select seller_key, seller_id, seller_city, cast(valid_from as varchar),"
                    + " cast(valid_to as varchar), is_current from core.dim_seller where seller_key <> -1 order by seller_key"))
                    .containsExactly(
                            row(1L, "s1", "campinas", "1900-01-01 00:00:00", "2018-03-01 00:00:00", false),
                            row(2L, "s2", "curitiba", "1900-01-01 00:00:00", null, true),
                            // new versions after the greatest key (2), in seller_id order: s1's second, then s3
                            row(3L, "s1", "santos", "2018-03-01 00:00:00", null, true),
                            row(4L, "s3", "recife", "1900-01-01 00:00:00", null, true));
        }
    }

    @Test
    void every_key_has_exactly_one_current_version_and_no_windows_overlap() throws Exception {
        twoRuns();

        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            for (String[] dimension : new String[][] {
                    {"dim_customer", "customer_unique_id"}, {"dim_product", "product_id"}, {"dim_seller", "seller_id"}}) {
                String table = "core." + dimension[0];
                String key = dimension[1];
                assertThat(rows(reader, "select " + key + ", count(*) filter (where is_current) from " + table
                        + " group by " + key + " having count(*) filter (where is_current) <> 1"))
                        .as("keys of %s without exactly one current version", table).isEmpty();
                assertThat(rows(reader, "select a." + key + " from " + table + " a join " + table + " b on a." + key
                        + " = b." + key + " and a.valid_from < b.valid_from"
                        + " where a.valid_to is null or a.valid_to > b.valid_from"))
                        .as("overlapping versions in %s", table).isEmpty();
                assertThat(rows(reader, "select " + key + " from " + table + " where valid_to <= valid_from"))
                        .as("empty or inverted windows in %s", table).isEmpty();
            }
        }
    }

    @Test
    void a_run_that_finds_no_change_keeps_every_version_and_key() throws Exception {
        Warehouse warehouse = twoRuns();
        String versions = "select customer_key, customer_unique_id, valid_from, valid_to from core.dim_customer"
                + " union all select product_key, product_id, valid_from, valid_to from core.dim_product"
                + " union all select seller_key, seller_id, valid_from, valid_to from core.dim_seller order by all";
        List<List<Object>> before;
        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            before = rows(reader, versions);
        }

        publish(warehouse, 3, THIRD_RUN, secondSources());

        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            assertThat(rows(reader, versions)).isEqualTo(before);
        }
    }

    @Test
    void a_key_missing_from_a_later_source_keeps_its_versions_and_stays_current() throws Exception {
        Warehouse warehouse = twoRuns();
        Path third = secondSources();
        // s3 and its only item leave the sources
        Files.writeString(third.resolve(SourceTable.SELLERS.fileName()), csv(SourceTable.SELLERS,
                "s1,11010,santos,SP", "s2,80010,curitiba,PR"));

        publish(warehouse, 3, THIRD_RUN, third);

        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            assertThat(rows(reader, "select seller_key, cast(valid_to as varchar), is_current from core.dim_seller"
                    + " where seller_id = 's3'"))
                    .containsExactly(row(4L, null, true));
        }
    }

    @Test
    void a_run_dated_before_the_newest_published_version_is_refused_naming_the_clock() throws Exception {
        Warehouse warehouse = twoRuns();

        assertThatThrownBy(() -> Builds.newBuild(warehouse, 3, Instant.parse("2018-02-01T00:00:00Z")))
                .hasMessageContaining("as-of time 2018-02-01 00:00:00")
                .hasMessageContaining("dim_customer")
                .hasMessageContaining("check the clock");
        try (Connection reader = Builds.reader(directory.resolve("olist.duckdb"))) {
            assertThat(rows(reader, "select count(*) from core.dim_customer")).containsExactly(row(4L));
        }
    }

    @Test
    void the_build_records_its_run_and_as_of_time() {
        Warehouse warehouse = Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT);
        try (DuckDbBuild build = Builds.newBuild(warehouse, 5, Instant.parse("2018-03-01T12:34:56.789Z"))) {
            assertThat(Builds.query(build.connection(), "select run_id, cast(as_of as varchar) from raw.build"))
                    .containsExactly(row(5L, "2018-03-01 12:34:56.789"));
        }
    }

    private Warehouse twoRuns() throws IOException {
        Warehouse warehouse = Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT);
        publish(warehouse, 1, FIRST_RUN, firstSources());
        publish(warehouse, 2, SECOND_RUN, secondSources());
        return warehouse;
    }

    private static void publish(Warehouse warehouse, long run, Instant asOf, Path sources) {
        try (DuckDbBuild build = Builds.newBuild(warehouse, run, asOf)) {
            Builds.loadAndBuildAll(build, sources);
            build.publish();
        }
    }

    private Path firstSources() throws IOException {
        Path sources = Files.createDirectories(directory.resolve("first"));
        write(sources, SourceTable.CUSTOMERS, "c1,p1,01037,sao paulo,SP", "c2,p2,20040,rio de janeiro,RJ");
        write(sources, SourceTable.ORDERS,
                "o1,c1,delivered,2017-12-01 10:00:00,2017-12-01 11:00:00,2017-12-02 09:00:00,2017-12-08 15:00:00,2017-12-20 00:00:00",
                "o2,c2,delivered,2017-12-05 10:00:00,2017-12-05 11:00:00,2017-12-06 09:00:00,2017-12-12 15:00:00,2017-12-20 00:00:00");
        write(sources, SourceTable.ORDER_ITEMS,
                "o1,1,pr1,s1,2017-12-04 10:00:00,10.00,2.00",
                "o2,1,pr2,s2,2017-12-08 10:00:00,20.00,3.00");
        write(sources, SourceTable.PRODUCTS,
                "pr1,esporte_lazer,40,300,2,500,20,10,10",
                "pr2,moveis_decoracao,45,500,1,2000,30,20,20");
        write(sources, SourceTable.SELLERS, "s1,13010,campinas,SP", "s2,80010,curitiba,PR");
        return sources;
    }

    private Path secondSources() throws IOException {
        Path sources = Files.createDirectories(directory.resolve("second-" + System.nanoTime()));
        write(sources, SourceTable.CUSTOMERS, "c1,p1,01037,sao paulo,SP", "c2,p2,20040,rio de janeiro,RJ",
                "c3,p1,30130,belo horizonte,MG", "c4,p1,01037,sao paulo,SP");
        write(sources, SourceTable.ORDERS,
                "o1,c1,delivered,2017-12-01 10:00:00,2017-12-01 11:00:00,2017-12-02 09:00:00,2017-12-08 15:00:00,2017-12-20 00:00:00",
                "o2,c2,delivered,2017-12-05 10:00:00,2017-12-05 11:00:00,2017-12-06 09:00:00,2017-12-12 15:00:00,2017-12-20 00:00:00",
                "o3,c3,shipped,2018-03-10 10:00:00,2018-03-10 11:00:00,2018-03-12 09:00:00,,2018-03-30 00:00:00",
                "o4,c4,delivered,2018-02-01 10:00:00,2018-02-01 11:00:00,2018-02-02 09:00:00,2018-02-09 15:00:00,2018-02-20 00:00:00");
        write(sources, SourceTable.ORDER_ITEMS,
                "o1,1,pr1,s1,2017-12-04 10:00:00,10.00,2.00",
                "o2,1,pr2,s2,2017-12-08 10:00:00,20.00,3.00",
                "o3,1,pr1,s1,2018-03-13 10:00:00,12.00,2.50",
                "o4,1,pr1,s1,2018-02-04 10:00:00,10.00,2.00");
        write(sources, SourceTable.PRODUCTS,
                "pr1,esporte_lazer,40,300,2,1500,20,10,10",
                "pr2,moveis_decoracao,45,500,1,2000,30,20,20");
        write(sources, SourceTable.SELLERS, "s1,11010,santos,SP", "s2,80010,curitiba,PR", "s3,50010,recife,PE");
        return sources;
    }

    private static void write(Path directory, SourceTable table, String... rows) throws IOException {
        Files.writeString(directory.resolve(table.fileName()), csv(table, rows));
    }

    private static String csv(SourceTable table, String... rows) {
        return String.join(",", table.header()) + "\n" + String.join("\n", rows) + "\n";
    }

    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        return Builds.query(connection, sql);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
