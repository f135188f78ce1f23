package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.BuildGraph;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.build.Model;

/** DuckDB alone, on the hand-made star fixture, against the full build of the same files. */
class BareEngineRunTest {

    /** Marts that read what the domain model writes, which a bare run leaves empty. */
    private static final Set<String> FED_BY_THE_DOMAIN = Set.of("mart.mart_customer_analytics");

    @TempDir
    Path directory;

    @Test
    void gives_the_same_row_count_for_every_raw_table_and_model_as_the_full_build() {
        Map<String, Long> full = new LinkedHashMap<>();
        try (DuckDbBuild build = Builds.loadAndBuildAll(Builds.newBuild(
                Builds.warehouse(directory.resolve("full"), DuckDbSettings.DEFAULT_MODEL_ROOT), 1), Builds.starFixture())) {
            for (SourceTable table : SourceTable.values()) {
                full.put("raw." + table.tableName(), build.rowCount("raw." + table.tableName()));
            }
            for (Model model : build.models().models()) {
                full.put(model.qualifiedName(), build.rowCount(model.qualifiedName()));
            }
        }

        BareEngineRun.Result bare = BareEngineRun.run(Builds.starFixture(), directory.resolve("bare/bare.duckdb"),
                Builds.settings(directory.resolve("bare"), DuckDbSettings.DEFAULT_MODEL_ROOT));

        assertThat(bare.rowCounts().keySet()).containsExactlyInAnyOrderElementsOf(full.keySet());
        Map<String, Long> expected = new LinkedHashMap<>(full);
        Map<String, Long> actual = new LinkedHashMap<>(bare.rowCounts());
        FED_BY_THE_DOMAIN.forEach(table -> {
            expected.remove(table);
            actual.remove(table);
        });
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(full.get("mart.mart_customer_analytics")).isPositive();
        assertThat(bare.rowCounts()).containsEntry("mart.mart_customer_analytics", 0L);
        assertThat(bare.loads()).extracting(BareEngineRun.FileLoad::file)
                .containsExactly(Stream.of(SourceTable.values()).map(SourceTable::fileName).toArray(String[]::new));
        assertThat(bare.sourceRows()).isEqualTo(
                Stream.of(SourceTable.values()).mapToLong(table -> full.get("raw." + table.tableName())).sum());
    }

    @Test
    void builds_the_models_in_graph_order_and_reports_its_timings_and_file_size() throws IOException {
        Path file = directory.resolve("bare.duckdb");

        BareEngineRun.Result bare = BareEngineRun.run(Builds.starFixture(), file,
                Builds.settings(directory, DuckDbSettings.DEFAULT_MODEL_ROOT));

        List<Model> models;
        try (Connection parser = Builds.reader(file)) {
            models = ModelCatalog.discover(getClass().getClassLoader(), DuckDbSettings.DEFAULT_MODEL_ROOT, parser)
                    .models();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        Set<String> sources = new TreeSet<>(RawLayout.rawTableNames());
        sources.addAll(DomainTables.tableNames());
        List<String> graphOrder = BuildGraph.of(models.stream().map(model -> new BuildGraph.Node(StepKind.TRANSFORM,
                model.qualifiedName(), model.source(), model.reads(), Set.of(model.qualifiedName()), () -> 0L))
                .toList(), sources).nodes().stream().map(BuildGraph.Node::name).toList();
        assertThat(bare.models()).extracting(BareEngineRun.ModelBuild::model).containsExactlyElementsOf(graphOrder);
        Set<String> built = new HashSet<>(sources);
        for (BareEngineRun.ModelBuild model : bare.models()) {
            Model read = models.stream().filter(m -> m.qualifiedName().equals(model.model())).findFirst().orElseThrow();
            assertThat(built).as("built before %s", model.model()).containsAll(read.reads());
            built.add(model.model());
        }
        assertThat(bare.fileBytes()).isEqualTo(Files.size(file)).isPositive();
        assertThat(Files.exists(BuildFiles.walOf(file))).isFalse();
        assertThat(bare.loadSeconds()).isPositive();
        assertThat(bare.transformSeconds()).isPositive();
        assertThat(bare.totalSeconds()).isGreaterThanOrEqualTo(bare.loadSeconds() + bare.transformSeconds());
    }

    @Test
    void fills_the_lineage_columns_with_run_zero_the_file_name_and_the_line() {
        Path file = directory.resolve("bare.duckdb");
        Path source = directory.resolve("source");
        copyFixture(source);
        Builds.write(source, SourceTable.CATEGORY_TRANSLATION.fileName(), Builds.lines(
                "product_category_name,product_category_name_english",
                "beleza_saude,health_beauty",
                "\"cama_mesa_banho\",",
                "informatica_acessorios,\"computers \"\"and\"\" accessories\""));

        BareEngineRun.run(source, file, Builds.settings(directory, DuckDbSettings.DEFAULT_MODEL_ROOT));

        try (Connection reader = Builds.reader(file)) {
            assertThat(Builds.query(reader, "select _run_id, _source_file, _source_line, product_category_name,"
                    + " product_category_name_english from raw.category_translation order by _source_line"))
                    .containsExactly(
                            List.of(0L, "product_category_name_translation.csv", 2L, "beleza_saude", "health_beauty"),
                            java.util.Arrays.asList(0L, "product_category_name_translation.csv", 3L, "cama_mesa_banho",
                                    null),
                            List.of(0L, "product_category_name_translation.csv", 4L, "informatica_acessorios",
                                    "computers \"and\" accessories"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_missing_source_file_fails_with_one_line_naming_it_and_leaves_no_database() throws IOException {
        Path source = directory.resolve("source");
        copyFixture(source);
        Files.delete(source.resolve(SourceTable.ORDER_ITEMS.fileName()));
        Path file = directory.resolve("bare.duckdb");

        assertThatThrownBy(() -> BareEngineRun.run(source, file,
                Builds.settings(directory, DuckDbSettings.DEFAULT_MODEL_ROOT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("missing source file olist_order_items_dataset.csv in " + source.toAbsolutePath())
                .message().doesNotContain("\n");
        assertThat(file).doesNotExist();
    }

    @Test
    void a_file_duckdb_cannot_read_fails_naming_it_and_leaves_no_database() {
        Path source = directory.resolve("source");
        copyFixture(source);
        Builds.write(source, SourceTable.SELLERS.fileName(), Builds.lines(
                "seller_id,seller_zip_code_prefix,seller_city,seller_state",
                "s01,01001,sao paulo,SP,one field too many"));
        Path file = directory.resolve("bare.duckdb");

        assertThatThrownBy(() -> BareEngineRun.run(source, file,
                Builds.settings(directory, DuckDbSettings.DEFAULT_MODEL_ROOT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("bare load of olist_sellers_dataset.csv into raw.sellers failed: ")
                .message().doesNotContain("\n");
        assertThat(file).doesNotExist();
        assertThat(BuildFiles.walOf(file)).doesNotExist();
    }

    @Test
    void refuses_to_write_over_an_existing_file() throws IOException {
        Path file = Files.writeString(directory.resolve("bare.duckdb"), "keep me");

        assertThatThrownBy(() -> BareEngineRun.run(Builds.starFixture(), file,
                Builds.settings(directory, DuckDbSettings.DEFAULT_MODEL_ROOT)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("already exists");
        assertThat(file).hasContent("keep me");
    }

    private static void copyFixture(Path target) {
        try {
            Files.createDirectories(target);
            for (SourceTable table : SourceTable.values()) {
                Files.copy(Builds.starFixture().resolve(table.fileName()), target.resolve(table.fileName()));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
