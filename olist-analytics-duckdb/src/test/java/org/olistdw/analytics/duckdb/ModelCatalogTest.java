package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.BuildGraph;
import org.olistdw.pipeline.BuildGraph.Node;
import org.olistdw.pipeline.StepKind;
import org.olistdw.pipeline.build.Model;

/**
 * Finding the models on the classpath and deriving their dependencies from their SQL; what they read and the
 * order they build in, checked by the build graph they make with the build's source tables.
 */
class ModelCatalogTest {

    private static Connection parser;

    @BeforeAll
    static void openParser() throws SQLException {
        parser = new DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
    }

    @AfterAll
    static void closeParser() throws SQLException {
        parser.close();
    }

    private static ModelCatalog discover(String root) {
        return ModelCatalog.discover(ModelCatalogTest.class.getClassLoader(), root, parser);
    }

    /** The graph of the models under {@code root} and {@code steps}, over a build's source tables. */
    private static BuildGraph graph(List<Model> models, Node... steps) {
        List<Node> nodes = new ArrayList<>();
        for (Model model : models) {
            nodes.add(new Node(StepKind.TRANSFORM, model.qualifiedName(), model.source(), model.reads(),
                    Set.of(model.qualifiedName()), () -> 0L));
        }
        nodes.addAll(List.of(steps));
        Set<String> sources = new TreeSet<>(RawLayout.rawTableNames());
        sources.addAll(DomainTables.seededTableNames());
        return BuildGraph.of(nodes, sources);
    }

    private static BuildGraph graph(String root) {
        return graph(discover(root).models());
    }

    private static final List<Model> CHAIN = List.of(
            new Model("staging.stg_customers", Set.of("raw.customers"), "models/chain/staging/stg_customers.sql"),
            new Model("staging.stg_orders", Set.of("raw.orders"), "models/chain/staging/stg_orders.sql"),
            new Model("core.dim_customer", Set.of("staging.stg_customers"), "models/chain/core/dim_customer.sql"),
            new Model("intermediate.int_order_customers", Set.of("staging.stg_orders", "staging.stg_customers"),
                    "models/chain/intermediate/int_order_customers.sql"),
            new Model("core.fact_orders", Set.of("intermediate.int_order_customers", "staging.stg_orders"),
                    "models/chain/core/fact_orders.sql"),
            new Model("mart.mart_orders_by_city", Set.of("core.fact_orders"),
                    "models/chain/marts/mart_orders_by_city.sql"));

    @Test
    void every_model_is_found_with_its_table_its_file_and_the_tables_its_sql_reads() {
        assertThat(discover("models/chain").models()).containsExactlyInAnyOrderElementsOf(CHAIN);
    }

    @Test
    void a_chain_of_models_comes_in_dependency_order_then_depth_then_name() {
        assertThat(graph("models/chain").nodes()).extracting(Node::name)
                .containsExactlyElementsOf(CHAIN.stream().map(Model::qualifiedName).toList());
    }

    @Test
    void cte_names_are_not_dependencies_even_when_they_are_named_like_raw_tables() {
        Model joined = discover("models/chain").models().stream()
                .filter(model -> model.name().equals("int_order_customers")).findFirst().orElseThrow();

        assertThat(joined.qualifiedName()).isEqualTo("intermediate.int_order_customers");
        assertThat(joined.reads()).containsExactlyInAnyOrder("staging.stg_orders", "staging.stg_customers");
    }

    @Test
    void staging_models_are_created_as_views_and_the_other_layers_as_tables() {
        Map<String, String> creates = discover("models/chain").sources().stream().collect(Collectors.toMap(
                source -> source.model().qualifiedName(), source -> source.create().lines().findFirst().orElseThrow()));

        assertThat(creates).containsOnly(
                Map.entry("staging.stg_customers", "create or replace view \"staging\".\"stg_customers\" as"),
                Map.entry("staging.stg_orders", "create or replace view \"staging\".\"stg_orders\" as"),
                Map.entry("core.dim_customer", "create or replace table \"core\".\"dim_customer\" as"),
                Map.entry("intermediate.int_order_customers",
                        "create or replace table \"intermediate\".\"int_order_customers\" as"),
                Map.entry("core.fact_orders", "create or replace table \"core\".\"fact_orders\" as"),
                Map.entry("mart.mart_orders_by_city", "create or replace table \"mart\".\"mart_orders_by_city\" as"));
    }

    @Test
    void a_header_line_declares_the_scope_and_the_scoped_select_reads_only_the_scope_of_models_of_the_same_scope() {
        Map<String, ModelCatalog.ModelSource> sources = discover("models/chain").sources().stream()
                .collect(Collectors.toMap(source -> source.model().qualifiedName(), source -> source));
        assertThat(sources.values().stream().filter(source -> source.scope().isPresent())
                .map(source -> source.model().qualifiedName() + " " + source.scope().get()))
                .containsExactlyInAnyOrder("staging.stg_orders order_id", "intermediate.int_order_customers order_id",
                        "core.fact_orders order_id");

        String select = sources.get("intermediate.int_order_customers").scopedSelect("raw.scope_order_id",
                Set.of("staging.stg_orders"));
        assertThat(select)
                .contains("select * from (select * from staging.stg_orders where \"order_id\" in (select \"order_id\" "
                        + "from raw.scope_order_id)) as \"stg_orders\"")
                .contains("select * from staging.stg_customers\n")
                .endsWith(") as scoped where \"order_id\" in (select \"order_id\" from raw.scope_order_id)");
        assertThatThrownBy(() -> sources.get("core.dim_customer").scopedSelect("raw.scope_order_id", Set.of()))
                .hasMessageContaining("core.dim_customer declares no scope");
    }

    @Test
    void the_scopes_folder_holds_no_models() {
        assertThat(discover("models/chain").models()).extracting(Model::name).doesNotContain("order_id");
    }

    @Test
    void the_macros_folder_holds_no_models() {
        assertThat(discover("models/chain").models()).extracting(Model::name)
                .doesNotContain("times_two")
                .hasSize(CHAIN.size());
    }

    @Test
    void a_reference_to_a_missing_model_or_unknown_raw_table_names_the_file_and_the_reference() {
        assertThatThrownBy(() -> graph("models/unknown"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("models/unknown/core/fact_sales.sql: reads raw.order_payment_plans, which is not "
                        + "a raw table")
                .hasMessageContaining("models/unknown/core/fact_sales.sql: reads staging.stg_payments, which is not a "
                        + "staging table: no model or step writes it and no source holds it (staging tables: "
                        + "staging.stg_orders)");
    }

    @Test
    void a_model_reading_a_domain_table_waits_for_the_step_writing_it_and_an_unknown_domain_table_is_an_error() {
        Node segmentation = new Node(StepKind.VALIDATE, "customer segments", "step segmentation",
                Set.of("raw.customers"), Set.of("domain.customer_segments"), () -> 0L);
        Node validation = new Node(StepKind.VALIDATE, "orders", "step validation", Set.of("raw.orders"),
                Set.of("domain.order_violations"), () -> 0L);
        List<Model> models = discover("models/domainreads").models();

        assertThatThrownBy(() -> graph(models, segmentation, validation))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("models/domainreads/marts/mart_rules.sql: reads domain.order_rules, which is"
                        + " not a domain table")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("dim_states.sql")
                        .doesNotContain("dim_people.sql").doesNotContain("mart_segments.sql"));

        BuildGraph readable = graph(models.stream().filter(model -> !model.name().equals("mart_rules")).toList(),
                segmentation, validation);
        List<String> order = readable.nodes().stream().map(Node::taskName).toList();
        assertThat(order).containsSubsequence("validate:customer segments", "transform:core.dim_people");
        assertThat(order).containsSubsequence("validate:customer segments", "transform:mart.mart_segments");
        assertThat(readable.upstream(readable.writerOf("core.dim_people").orElseThrow()))
                .containsExactly(segmentation);
        assertThat(readable.upstream(readable.writerOf("core.dim_states").orElseThrow())).isEmpty();
    }

    @Test
    void a_cycle_is_an_error_naming_the_cycle() {
        assertThatThrownBy(() -> graph("models/cycle"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("core.dim_a -> core.dim_b -> core.dim_c -> core.dim_a");
    }

    @Test
    void a_table_read_without_its_schema_is_an_error() {
        assertThatThrownBy(() -> discover("models/unqualified"))
                .hasMessageContaining("models/unqualified/staging/stg_orders.sql: it reads customers without a schema");
    }

    @Test
    void a_folder_that_is_not_a_layer_is_an_error() {
        assertThatThrownBy(() -> discover("models/strayfolder"))
                .hasMessageContaining("models/strayfolder/seeds/country_codes.sql: folder 'seeds' is neither a layer");
    }

    @Test
    void a_root_without_models_has_none() {
        assertThat(discover("models/no_such_root").models()).isEmpty();
    }

    @Test
    void models_are_found_inside_a_jar_as_in_the_shaded_runner(@TempDir Path directory) throws IOException {
        Path source = Path.of("src/test/resources/models/chain");
        Path jar = directory.resolve("models.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(source)) {
            out.putNextEntry(new JarEntry("packaged/"));
            out.closeEntry();
            for (Path file : files.sorted().toList()) {
                String name = "packaged/" + source.relativize(file).toString().replace('\\', '/');
                if (Files.isDirectory(file)) {
                    if (!file.equals(source)) {
                        out.putNextEntry(new JarEntry(name + "/"));
                        out.closeEntry();
                    }
                } else {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
        }

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            ModelCatalog catalog = ModelCatalog.discover(loader, "packaged", parser);

            assertThat(catalog.models()).extracting(Model::qualifiedName, Model::reads)
                    .containsExactlyInAnyOrderElementsOf(CHAIN.stream()
                            .map(model -> tuple(model.qualifiedName(), model.reads())).toList());
            assertThat(graph(catalog.models()).nodes()).extracting(Node::name)
                    .containsExactlyElementsOf(CHAIN.stream().map(Model::qualifiedName).toList());
            Map<String, String> resources = catalog.sources().stream()
                    .collect(Collectors.toMap(s -> s.model().name(), ModelCatalog.ModelSource::resource));
            assertThat(resources).containsEntry("fact_orders", "packaged/core/fact_orders.sql");
        }
    }
}
