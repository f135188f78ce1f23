package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Runs into one warehouse, one after the other, through the command line against a real PostgreSQL and a real
 * DuckDB: unchanged files are carried over from the published warehouse, a run where nothing changed builds
 * nothing, and whatever is carried over, the warehouse equals that of a full run over the same files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalRunTest {

    private static final String BAD_GEOLOCATION_LINE = "\"01037\",\"-23.5\"";

    @TempDir
    static Path work;

    private static Path sample;
    private static Path changed;
    private static Path warehouse;
    private static PipelineRuns runs;

    @BeforeAll
    static void generate() throws Exception {
        sample = work.resolve("sample");
        Samples.generate(0.01, 11, sample);
        // one unreadable line, so that a carried-over file has quarantined rows to carry over too
        Files.writeString(sample.resolve(SourceTable.GEOLOCATION.fileName()), BAD_GEOLOCATION_LINE + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        changed = TestStores.copyOfSample(sample, work, "changed");
        Path reviews = changed.resolve(SourceTable.ORDER_REVIEWS.fileName());
        List<String> lines = Files.readAllLines(reviews, StandardCharsets.UTF_8);
        String orderId = lines.get(1).split(",")[1];
        Files.writeString(reviews, "\"0000000000000000000000000000beef\"," + orderId
                + ",5,\"Otimo\",,2018-04-05 00:00:00,2018-04-06 10:00:00\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        warehouse = work.resolve("warehouse.duckdb");
        runs = TestStores.ops().pipelineRuns();
    }

    private static Cli run(Path source, Path into, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--source", source.toString(), "--warehouse",
                into.toString(), "--work-dir", work.toString()));
        args.addAll(List.of(options));
        return Cli.run(EndToEndTest.args(args.toArray(String[]::new)));
    }

    private static PipelineRun latest() {
        return runs.recent(1).get(0);
    }

    private static Map<String, DataLoad> loads(RunId run) {
        Map<String, DataLoad> byFile = new TreeMap<>();
        runs.loads(run).forEach(load -> byFile.put(load.sourceFile(), load));
        return byFile;
    }

    /** Every core and mart table: its row count and the sum of its rows' hashes. */
    static Map<String, String> contents(Path file) throws Exception {
        Map<String, String> contents = new TreeMap<>();
        try (Connection c = TestStores.openWarehouse(file); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_schema || '.' || table_name from information_schema.tables"
                    + " where table_schema in ('core', 'mart') order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) || ' ' || coalesce(sum(hash(t)), 0) from "
                        + table + " t")) {
                    rs.next();
                    contents.put(table, rs.getString(1));
                }
            }
        }
        assertThat(contents).containsKeys("core.fact_orders", "core.dim_customer", "mart.mart_monthly_revenue");
        return contents;
    }

    private static long publishedRun(Path file) throws Exception {
        try (Connection c = TestStores.openWarehouse(file)) {
            return TestStores.count(c, "select run_id from raw.build");
        }
    }

    private static Map<String, String> first;
    private static RunId firstRun;
    private static Map<String, String> changedIncrementally;

    @Test
    @Order(1)
    void a_first_run_reads_every_file() throws Exception {
        Cli cli = run(sample, warehouse);
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = latest();
        firstRun = run.id();
        assertThat(runs.mode(run.id())).contains(RunMode.FULL);
        assertThat(loads(run.id()).values()).hasSize(9).noneMatch(DataLoad::carriedOver);
        assertThat(loads(run.id()).get(SourceTable.GEOLOCATION.fileName()).rowsQuarantined()).isEqualTo(1);
        first = contents(warehouse);
    }

    @Test
    @Order(2)
    void a_run_over_identical_files_with_the_same_models_and_rules_changes_nothing_and_says_so() throws Exception {
        byte[] before = Files.readAllBytes(warehouse);

        Cli cli = run(sample, warehouse);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("no change since run " + firstRun.value(), "(unchanged)")
                .doesNotContain("transform");
        PipelineRun run = latest();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        assertThat(runs.mode(run.id())).contains(RunMode.NO_CHANGE);
        Map<String, DataLoad> loads = loads(run.id());
        Map<String, DataLoad> firstLoads = loads(firstRun);
        assertThat(loads.values()).hasSize(9).allSatisfy(load -> {
            assertThat(load.carriedOverFrom()).contains(firstRun);
            DataLoad read = firstLoads.get(load.sourceFile());
            assertThat(load.sha256()).isEqualTo(read.sha256());
            assertThat(load.rowsRead()).isEqualTo(load.rowsLoaded() + load.rowsQuarantined())
                    .isEqualTo(read.rowsRead());
        });
        assertThat(runs.tasks(run.id())).noneMatch(task -> task.name().startsWith("transform:"));
        assertThat(Files.readAllBytes(warehouse)).as("the published warehouse is left as it was").isEqualTo(before);
        assertThat(publishedRun(warehouse)).isEqualTo(firstRun.value());
    }

    @Test
    @Order(3)
    void when_the_settings_change_every_unchanged_file_is_carried_over_and_the_warehouse_is_the_same() throws Exception {
        Cli cli = run(sample, warehouse, "--max-reject-percent", "2");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = latest();
        assertThat(runs.mode(run.id())).contains(RunMode.INCREMENTAL);
        assertThat(cli.out()).contains("9 unchanged files carried over from run " + firstRun.value(),
                "olist_orders_dataset.csv (unchanged)", "core.fact_orders");
        assertThat(loads(run.id()).values()).hasSize(9).allSatisfy(load -> {
            assertThat(load.carriedOverFrom()).contains(firstRun);
            assertThat(load.rowsRead()).isEqualTo(load.rowsLoaded() + load.rowsQuarantined());
        });
        assertThat(publishedRun(warehouse)).isEqualTo(run.id().value());
        assertThat(contents(warehouse)).isEqualTo(first);
        // the carried-over file's quarantined row is in the new build and recorded for the new run, as on a full load
        assertThat(runs.quarantine(run.id())).extracting(QuarantinedRow::sourceFile, QuarantinedRow::rawText)
                .containsExactly(org.assertj.core.api.Assertions.tuple(SourceTable.GEOLOCATION.fileName(),
                        BAD_GEOLOCATION_LINE));
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            for (DataLoad load : loads(run.id()).values()) {
                String table = SourceTable.byFileName(load.sourceFile()).orElseThrow().tableName();
                assertThat(TestStores.count(c, "select count(*) from raw." + table)).as(table)
                        .isEqualTo(load.rowsLoaded());
                assertThat(TestStores.count(c, "select count(*) from raw.quarantine where source_file = '"
                        + load.sourceFile() + "'")).as(table).isEqualTo(load.rowsQuarantined());
            }
        }
    }

    @Test
    @Order(4)
    void a_changed_file_alone_is_read_and_the_warehouse_equals_a_full_run_over_the_same_files() throws Exception {
        RunId basis = latest().id();

        Cli cli = run(changed, warehouse, "--max-reject-percent", "2");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = latest();
        assertThat(runs.mode(run.id())).contains(RunMode.INCREMENTAL);
        Map<String, DataLoad> loads = loads(run.id());
        assertThat(loads.get(SourceTable.ORDER_REVIEWS.fileName()).carriedOverFrom()).isEmpty();
        assertThat(loads.get(SourceTable.ORDER_REVIEWS.fileName()).rowsRead())
                .isEqualTo(loads(basis).get(SourceTable.ORDER_REVIEWS.fileName()).rowsRead() + 1);
        assertThat(loads.values()).filteredOn(DataLoad::carriedOver).hasSize(8)
                .allSatisfy(load -> assertThat(load.carriedOverFrom()).contains(basis));
        changedIncrementally = contents(warehouse);
        assertThat(changedIncrementally).isNotEqualTo(first);

        Path elsewhere = work.resolve("full.duckdb");
        Cli full = run(changed, elsewhere, "--max-reject-percent", "2");
        assertThat(full.exitCode()).as(full.toString()).isZero();
        assertThat(runs.mode(latest().id())).contains(RunMode.FULL);
        assertThat(contents(elsewhere)).isEqualTo(changedIncrementally);
    }

    @Test
    @Order(5)
    void full_reads_every_file_again() throws Exception {
        Cli cli = run(changed, warehouse, "--max-reject-percent", "2", "--full");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = latest();
        assertThat(runs.mode(run.id())).contains(RunMode.FULL);
        assertThat(loads(run.id()).values()).hasSize(9).noneMatch(DataLoad::carriedOver);
        assertThat(contents(warehouse)).isEqualTo(changedIncrementally);
    }

    @Test
    @Order(6)
    void after_a_failed_run_the_rerun_compares_with_the_last_published_warehouse() throws Exception {
        RunId published = latest().id();
        Path damaged = TestStores.copyOfSample(changed, work, "damaged");
        Path orders = damaged.resolve(SourceTable.ORDERS.fileName());
        Files.writeString(orders, Files.readString(orders).replaceFirst("order_status", "order_state"));
        Cli failed = run(damaged, warehouse, "--max-reject-percent", "2");
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);

        Cli rerun = run(changed, warehouse, "--max-reject-percent", "2");

        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        assertThat(runs.mode(latest().id())).contains(RunMode.NO_CHANGE);
        assertThat(loads(latest().id()).values()).allSatisfy(load ->
                assertThat(load.carriedOverFrom()).isEqualTo(Optional.of(published)));
        assertThat(publishedRun(warehouse)).isEqualTo(published.value());
    }

    @Test
    @Order(7)
    void runs_lists_the_mode_and_the_files_read_and_carried_over() throws Exception {
        Cli cli = Cli.run(EndToEndTest.args("runs", "--json", "--limit", "8", "--work-dir", work.toString()));
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        JsonNode listed = new ObjectMapper().readTree(cli.out());
        List<String> described = new ArrayList<>();
        for (JsonNode run : listed) {
            described.add(run.get("mode").asText() + " " + run.get("filesLoaded").asInt() + "+"
                    + run.get("filesCarriedOver").asInt());
        }
        // newest first: the rerun, the failed run (stopped before comparing), --full, the full run elsewhere,
        // one file changed, settings changed, no change, the first run
        assertThat(described).containsExactly("no_change 0+9", "null 0+0", "full 9+0", "full 9+0", "incremental 1+8",
                "incremental 0+9", "no_change 0+9", "full 9+0");
        Cli table = Cli.run(EndToEndTest.args("runs", "--limit", "8", "--work-dir", work.toString()));
        assertThat(table.out()).contains("mode", "no_change", "incremental", "1+8");
    }
}
