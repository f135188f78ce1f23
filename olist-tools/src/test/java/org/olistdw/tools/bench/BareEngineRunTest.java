package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.analytics.duckdb.DuckDbSettings;
import org.olistdw.analytics.duckdb.WarehouseSql;
import org.olistdw.analytics.duckdb.WarehouseSql.ModelStatement;
import org.olistdw.pipeline.BuildGraph;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.sample.SampleDataGenerator;
import org.olistdw.tools.Cli;
import org.olistdw.tools.TestStores;

/** DuckDB alone, on a small generated sample, against a full run of the same files. */
class BareEngineRunTest {

    /** Marts that read what the domain model writes, which a bare run leaves empty. */
    private static final Set<String> FED_BY_THE_DOMAIN = Set.of("mart.mart_customer_analytics");

    @TempDir
    static Path shared;

    private static Path sample;

    @TempDir
    Path directory;

    @BeforeAll
    static void generate() throws IOException {
        sample = shared.resolve("sample");
        new SampleDataGenerator(0.005, 11).generate(sample, (table, rows, took) -> { });
    }

    @Test
    void gives_the_same_row_count_for_every_raw_table_and_model_as_a_full_run() throws SQLException {
        Path full = directory.resolve("full/warehouse.duckdb");
        Cli run = Cli.runOnTestStore("run", "--source", sample.toString(), "--warehouse", full.toString(),
                "--work-dir", directory.resolve("full").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();

        BareEngineRun.Result bare = BareEngineRun.run(sample, directory.resolve("bare/bare.duckdb"),
                settings(directory.resolve("bare")));

        Map<String, Long> expected = new LinkedHashMap<>();
        try (Connection reader = TestStores.openWarehouse(full)) {
            for (String table : bare.rowCounts().keySet()) {
                expected.put(table, TestStores.count(reader, "select count(*) from " + table));
            }
            assertThat(TestStores.count(reader, "select count(*) from raw.quarantine")).isZero();
            assertThat(TestStores.count(reader, "select count(*) from information_schema.tables"
                    + " where table_schema in ('staging', 'intermediate', 'core', 'mart')"))
                    .as("every model of the full run is one of the bare run's")
                    .isEqualTo(bare.models().size());
        }
        assertThat(expected.get("mart.mart_customer_analytics")).isPositive();
        assertThat(bare.rowCounts()).containsEntry("mart.mart_customer_analytics", 0L);
        Map<String, Long> actual = new LinkedHashMap<>(bare.rowCounts());
        FED_BY_THE_DOMAIN.forEach(table -> {
            expected.remove(table);
            actual.remove(table);
        });
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(bare.loads()).extracting(BareEngineRun.FileLoad::file)
                .containsExactly(Stream.of(SourceTable.values()).map(SourceTable::fileName).toArray(String[]::new));
        assertThat(bare.sourceRows()).isEqualTo(Stream.of(SourceTable.values())
                .mapToLong(table -> expected.get("raw." + table.tableName())).sum());
    }

    @Test
    void builds_the_models_in_graph_order_and_reports_its_timings_and_file_size() throws Exception {
        Path file = directory.resolve("bare.duckdb");

        BareEngineRun.Result bare = BareEngineRun.run(sample, file, settings(directory));

        List<ModelStatement> models;
        try (Connection parser = TestStores.openWarehouse(file)) {
            models = WarehouseSql.models(parser, settings(directory));
        }
        List<String> graphOrder = BuildGraph.of(models.stream().map(model -> new BuildGraph.Node(StepKind.TRANSFORM,
                model.model(), model.resource(), model.reads(), Set.of(model.model()), () -> 0L)).toList(),
                WarehouseSql.inputTables()).nodes().stream().map(BuildGraph.Node::name).toList();
        assertThat(bare.models()).extracting(BareEngineRun.ModelBuild::model).containsExactlyElementsOf(graphOrder);
        Set<String> built = new HashSet<>(WarehouseSql.inputTables());
        for (BareEngineRun.ModelBuild model : bare.models()) {
            ModelStatement read = models.stream().filter(m -> m.model().equals(model.model())).findFirst()
                    .orElseThrow();
            assertThat(built).as("built before %s", model.model()).containsAll(read.reads());
            built.add(model.model());
        }
        assertThat(bare.fileBytes()).isEqualTo(Files.size(file)).isPositive();
        assertThat(WarehouseSql.walOf(file)).doesNotExist();
        assertThat(bare.loadSeconds()).isPositive();
        assertThat(bare.transformSeconds()).isPositive();
        assertThat(bare.totalSeconds()).isGreaterThanOrEqualTo(bare.loadSeconds() + bare.transformSeconds());
    }

    @Test
    void one_session_and_several_build_the_same_tables_with_the_same_rows() {
        BareEngineRun.Result one = BareEngineRun.run(sample, directory.resolve("one.duckdb"), settings(directory), 1);
        BareEngineRun.Result three = BareEngineRun.run(sample, directory.resolve("three.duckdb"), settings(directory),
                3);

        assertThat(one.parallelism()).isEqualTo(1);
        assertThat(three.parallelism()).isEqualTo(3);
        assertThat(three.rowCounts()).containsExactlyEntriesOf(one.rowCounts());
        assertThat(three.totalSeconds()).isGreaterThanOrEqualTo(three.setupSeconds() + three.loadSeconds()
                + three.transformSeconds() + three.closeSeconds());
        assertThat(three.prepareSeconds()).isPositive();
    }

    @Test
    void fills_the_lineage_columns_with_run_zero_the_file_name_and_the_line() throws Exception {
        Path file = directory.resolve("bare.duckdb");
        Path source = copySample(directory.resolve("source"));
        Files.writeString(source.resolve(SourceTable.CATEGORY_TRANSLATION.fileName()), String.join("\n",
                "product_category_name,product_category_name_english",
                "beleza_saude,health_beauty",
                "\"cama_mesa_banho\",",
                "informatica_acessorios,\"computers \"\"and\"\" accessories\"") + "\n");

        BareEngineRun.run(source, file, settings(directory));

        try (Connection reader = TestStores.openWarehouse(file)) {
            assertThat(rows(reader, "select _run_id, _source_file, _source_line, product_category_name,"
                    + " product_category_name_english from raw.category_translation order by _source_line"))
                    .containsExactly(
                            List.of(0L, "product_category_name_translation.csv", 2L, "beleza_saude", "health_beauty"),
                            Arrays.asList(0L, "product_category_name_translation.csv", 3L, "cama_mesa_banho", null),
                            List.of(0L, "product_category_name_translation.csv", 4L, "informatica_acessorios",
                                    "computers \"and\" accessories"));
        }
    }

    @Test
    void a_missing_source_file_fails_with_one_line_naming_it_and_leaves_no_database() throws IOException {
        Path source = copySample(directory.resolve("source"));
        Files.delete(source.resolve(SourceTable.ORDER_ITEMS.fileName()));
        Path file = directory.resolve("bare.duckdb");

        assertThatThrownBy(() -> BareEngineRun.run(source, file, settings(directory)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing source file olist_order_items_dataset.csv in " + source.toAbsolutePath())
                .message().doesNotContain("\n");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_file_duckdb_cannot_read_fails_naming_it_and_leaves_no_database() throws IOException {
        Path source = copySample(directory.resolve("source"));
        Files.writeString(source.resolve(SourceTable.SELLERS.fileName()),
                "seller_id,seller_zip_code_prefix,seller_city,seller_state\n"
                        + "s01,01001,sao paulo,SP,one field too many\n");
        Path file = directory.resolve("bare.duckdb");

        assertThatThrownBy(() -> BareEngineRun.run(source, file, settings(directory)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("bare load of olist_sellers_dataset.csv into raw.sellers failed: ")
                .message().doesNotContain("\n");
        assertThat(file).doesNotExist();
        assertThat(WarehouseSql.walOf(file)).doesNotExist();
    }

    @Test
    void refuses_to_write_over_an_existing_file() throws IOException {
        Path file = Files.writeString(directory.resolve("bare.duckdb"), "keep me");

        assertThatThrownBy(() -> BareEngineRun.run(sample, file, settings(directory)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("already exists");
        assertThat(file).hasContent("keep me");
    }

    private static DuckDbSettings settings(Path dir) {
        return new DuckDbSettings("1GB", 2, dir.resolve("tmp"), DuckDbSettings.DEFAULT_MODEL_ROOT);
    }

    private static Path copySample(Path target) {
        try {
            Files.createDirectories(target);
            for (SourceTable table : SourceTable.values()) {
                Files.copy(sample.resolve(table.fileName()), target.resolve(table.fileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<Object>> rows(Connection c, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
