package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olistdw.analytics.duckdb.Builds.lines;
import static org.olistdw.analytics.duckdb.Builds.query;
import static org.olistdw.analytics.duckdb.Builds.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.build.Model;
import org.olistdw.pipeline.build.Warehouse;

/** Builds, publish and discard on real files: readers see the old warehouse or the new one, never a part. */
class WarehouseLifecycleTest {

    @TempDir
    Path directory;

    private Path published() {
        return directory.resolve("olist.duckdb");
    }

    private List<Path> filesInDirectory() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private void loadOrders(DuckDbBuild build, String... rows) {
        String header = String.join(",", SourceTable.ORDERS.header());
        String[] all = Stream.concat(Stream.of(header), Stream.of(rows)).toArray(String[]::new);
        build.raw().load(SourceTable.ORDERS, write(directory, "orders-" + rows.length + ".csv", lines(all)), q -> { });
    }

    private static final String ORDER_1 = "e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,delivered,"
            + "2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,2017-10-18 00:00:00";
    private static final String ORDER_2 = "53cdb2fc8bc7dce0b6741e2150273451,b0830fb4747a6c6d20dea0b8c802d7ef,delivered,"
            + "2018-07-24 20:41:37,2018-07-26 03:24:27,2018-07-26 14:31:00,2018-08-07 15:27:45,2018-08-13 00:00:00";
    private static final String ORDER_3 = "47770eb9100c2d0c44946d9cf07ec65d,41ce2a54c0b03bf3443c3d931a367089,shipped,"
            + "2018-08-08 08:38:49,2018-08-08 08:55:23,2018-08-08 13:50:00,,2018-09-04 00:00:00";
    private static final String CUSTOMERS = lines(
            "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state",
            "9ef432eb6251297304e76186b10a928d,7c396fd4830fd04220f754e42b4e5bff,3149,sao paulo,SP",
            "b0830fb4747a6c6d20dea0b8c802d7ef,af07308b275d755c9edb36a90c618231,47813,barreiras,BA",
            "41ce2a54c0b03bf3443c3d931a367089,3a653a41f6f9fc3d2a113cf8398680e8,75265,vianopolis,GO");

    @Test
    void the_build_file_lives_beside_the_published_file_named_after_the_run_with_a_random_part() {
        Warehouse warehouse = Builds.warehouse(directory, "models/chain");
        try (DuckDbBuild build = Builds.newBuild(warehouse, 42)) {
            assertThat(build.buildFile().getParent()).isEqualTo(directory);
            assertThat(build.buildFile().getFileName().toString()).matches("olist\\.duckdb\\.build-42-[0-9a-f]{12}");
            assertThat(build.buildFile()).exists();
            assertThat(published()).doesNotExist();
        }
        assertThat(warehouse.location()).isEqualTo(published().toString());
    }

    @Test
    void builds_of_runs_with_the_same_number_from_two_operational_stores_get_files_of_their_own() throws Exception {
        Warehouse warehouse = Builds.warehouse(directory, "models/chain");
        try (DuckDbBuild first = Builds.newBuild(warehouse, 1);
             DuckDbBuild second = Builds.newBuild(warehouse, 1)) {
            assertThat(first.buildFile()).isNotEqualTo(second.buildFile());
            loadOrders(first, ORDER_1);
            loadOrders(second, ORDER_1, ORDER_2);
            second.publish();
            assertThat(first.rowCount("raw.orders")).isEqualTo(1);
            first.publish();
        }
        try (Connection reader = Builds.reader(published())) {
            assertThat(query(reader, "select count(*) from raw.orders")).containsExactly(List.of(1L));
        }
    }

    @Test
    void the_run_of_the_published_build_is_read_from_the_file_read_only() throws Exception {
        Warehouse warehouse = Builds.warehouse(directory, "models/chain");
        assertThat(DuckDbWarehouse.publishedRun(published())).isEmpty();
        try (DuckDbBuild build = Builds.newBuild(warehouse, 17)) {
            build.publish();
        }
        byte[] before = Files.readAllBytes(published());
        assertThat(DuckDbWarehouse.publishedRun(published())).contains(new RunId(17));
        assertThat(Files.readAllBytes(published())).isEqualTo(before);
        assertThat(BuildFiles.walOf(published())).doesNotExist();
    }

    @Test
    void publish_makes_the_build_the_published_warehouse_while_open_readers_keep_the_old_one()
            throws Exception {
        Warehouse warehouse = Builds.warehouse(directory, "models/chain");
        try (DuckDbBuild first = Builds.newBuild(warehouse, 1)) {
            loadOrders(first, ORDER_1);
            first.publish();
        }
        try (Connection oldReader = Builds.reader(published())) {
            try (DuckDbBuild second = Builds.newBuild(warehouse, 2)) {
                loadOrders(second, ORDER_1, ORDER_2);
                second.publish();
            }

            assertThat(query(oldReader, "select _run_id, count(*) from raw.orders group by all"))
                    .containsExactly(List.of(1L, 1L));
        }
        try (Connection newReader = Builds.reader(published())) {
            assertThat(query(newReader, "select _run_id, count(*) from raw.orders group by all"))
                    .containsExactly(List.of(2L, 2L));
        }
        assertThat(filesInDirectory()).extracting(p -> p.getFileName().toString())
                .containsExactly("olist.duckdb", "orders-1.csv", "orders-2.csv");
    }

    @Test
    void closing_an_unpublished_build_keeps_it_apart_and_leaves_the_published_warehouse_unchanged_and_queryable()
            throws Exception {
        Warehouse warehouse = Builds.warehouse(directory, "models/chain");
        try (DuckDbBuild first = Builds.newBuild(warehouse, 1)) {
            loadOrders(first, ORDER_1);
            first.publish();
        }
        byte[] publishedBytes = Files.readAllBytes(published());

        Path buildFile;
        try (DuckDbBuild failed = Builds.newBuild(warehouse, 2)) {
            buildFile = failed.buildFile();
            loadOrders(failed, ORDER_1, ORDER_2, ORDER_3);
            assertThat(failed.rowCount("raw.orders")).isEqualTo(3);
        }

        assertThat(buildFile).doesNotExist();
        assertThat(BuildFiles.walOf(buildFile)).doesNotExist();
        assertThat(Files.readAllBytes(published())).isEqualTo(publishedBytes);
        try (Connection reader = Builds.reader(published())) {
            assertThat(query(reader, "select _run_id, order_id from raw.orders"))
                    .containsExactly(List.of(1L, "e481f51cbdc54678b7cc49136f2d6af7"));
        }
        Path kept = BuildFiles.failedFile(published());
        assertThat(warehouse.keptFailedRun()).as("the failed build is kept, for the next run").contains(new RunId(2));
        try (Connection reader = Builds.reader(kept)) {
            assertThat(query(reader, "select count(*) from raw.orders")).containsExactly(List.of(3L));
        }
        try (DuckDbBuild next = Builds.newBuild(warehouse, 3)) {
            loadOrders(next, ORDER_1, ORDER_2);
            next.publish();
        }
        assertThat(kept).as("a published build ends the kept failed one").doesNotExist();
        assertThat(warehouse.keptFailedRun()).isEmpty();
    }

    @Test
    void a_build_that_fails_mid_way_and_is_closed_leaves_only_itself_kept_apart() throws IOException {
        Warehouse warehouse = Builds.warehouse(directory, "models/broken");
        try (DuckDbBuild build = Builds.newBuild(warehouse, 3)) {
            Model broken = build.models().models().get(0);
            assertThatThrownBy(() -> build.models().build(broken))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("model staging.stg_orders (models/broken/staging/stg_orders.sql) failed")
                    .hasMessageContaining("no_such_column");
        }
        assertThat(filesInDirectory()).containsExactly(BuildFiles.failedFile(published()));
        assertThat(warehouse.keptFailedRun()).contains(new RunId(3));
    }

    @Test
    void a_killed_run_leaves_a_stale_build_file_that_the_next_build_deletes() throws Exception {
        Path stale = directory.resolve("olist.duckdb.build-41");
        Properties none = new Properties();
        try (Connection killed = new DuckDBDriver().connect("jdbc:duckdb:" + stale, none);
             Statement statement = killed.createStatement()) {
            statement.execute("create table half_built as select 1 as x");
        }
        Path staleLog = write(directory, "olist.duckdb.build-41.wal", "left by a killed run");
        Path unrelated = write(directory, "other.duckdb.build-41", "not ours");
        Path staleNewForm = directory.resolve("olist.duckdb.build-40-0a1b2c3d4e5f");
        try (Connection killed = new DuckDBDriver().connect("jdbc:duckdb:" + staleNewForm, none);
             Statement statement = killed.createStatement()) {
            statement.execute("create table half_built as select 1 as x");
        }
        Path staleNewFormLog = write(directory, "olist.duckdb.build-40-0a1b2c3d4e5f.wal", "left by a killed run");

        try (DuckDbBuild next = Builds.newBuild(Builds.warehouse(directory, "models/chain"), 42)) {
            assertThat(stale).doesNotExist();
            assertThat(staleLog).doesNotExist();
            assertThat(staleNewForm).doesNotExist();
            assertThat(staleNewFormLog).doesNotExist();
            assertThat(unrelated).exists();
            assertThat(next.buildFile()).exists();
        }
    }

    @Test
    void a_build_still_open_is_not_taken_for_a_stale_one() {
        Warehouse warehouse = Builds.warehouse(directory, "models/chain");
        try (DuckDbBuild running = Builds.newBuild(warehouse, 5);
             DuckDbBuild other = Builds.newBuild(warehouse, 6)) {
            assertThat(running.buildFile()).exists();
            loadOrders(running, ORDER_1);
            assertThat(running.rowCount("raw.orders")).isEqualTo(1);
            assertThat(other.buildFile()).exists();
        }
    }

    @Test
    void models_build_in_order_into_the_schema_of_their_layer() throws SQLException {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, "models/chain"), 8)) {
            loadOrders(build, ORDER_1, ORDER_2, ORDER_3);
            build.raw().load(SourceTable.CUSTOMERS, write(directory, "customers.csv", CUSTOMERS), q -> { });

            List<Long> rows = Builds.buildModels(build);

            // stg_customers 3, stg_orders 3, dim_customer 3, int_order_customers 3, fact_orders 3, one city each
            assertThat(rows).containsExactly(3L, 3L, 3L, 3L, 3L, 3L);
            assertThat(query(build.connection(), "select customer_city, orders from mart.mart_orders_by_city"
                    + " order by customer_city")).containsExactly(
                    List.of("barreiras", 1L), List.of("sao paulo", 1L), List.of("vianopolis", 1L));
            assertThat(build.rowCount("core.fact_orders")).isEqualTo(3);
        }
    }

    @Test
    void a_published_or_closed_build_refuses_further_work() {
        Warehouse warehouse = Builds.warehouse(directory, "models/chain");
        DuckDbBuild published = Builds.newBuild(warehouse, 1);
        published.publish();
        published.close();
        DuckDbBuild closed = Builds.newBuild(warehouse, 2);
        closed.close();

        for (DuckDbBuild build : List.of(published, closed)) {
            assertThatThrownBy(() -> build.rowCount("raw.orders")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(build::publish).isInstanceOf(IllegalStateException.class);
        }
        assertThat(published()).exists();
    }

    @Test
    void a_table_name_that_is_not_schema_dot_table_is_refused() {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, "models/chain"), 9)) {
            assertThatThrownBy(() -> build.rowCount("raw.orders; drop table raw.orders"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_build_file_held_open_by_another_process_is_not_taken_for_a_stale_one() throws Exception {
        Path running = directory.resolve("olist.duckdb.build-77-a1b2c3d4e5f6");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldDatabase.class.getName(), running.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (var output = new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream()))) {
            assertThat(output.readLine()).isEqualTo("ready");

            try (DuckDbBuild next = Builds.newBuild(Builds.warehouse(directory, "models/chain"), 78)) {
                assertThat(running).exists();
                assertThat(next.buildFile()).exists();
            }
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        try (DuckDbBuild afterwards = Builds.newBuild(Builds.warehouse(directory, "models/chain"), 79)) {
            assertThat(running).doesNotExist();
            assertThat(afterwards.buildFile()).exists();
        }
    }
}
