package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.build.Layer;
import org.olistdw.pipeline.build.Model;

/** Finding the models on the classpath and deriving their dependencies from their SQL. */
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

    private static final List<Model> CHAIN = List.of(
            new Model("stg_customers", Layer.STAGING, Set.of("raw.customers")),
            new Model("stg_orders", Layer.STAGING, Set.of("raw.orders")),
            new Model("int_order_customers", Layer.INTERMEDIATE,
                    Set.of("staging.stg_orders", "staging.stg_customers")),
            new Model("dim_customer", Layer.CORE, Set.of("staging.stg_customers")),
            new Model("fact_orders", Layer.CORE, Set.of("intermediate.int_order_customers", "staging.stg_orders")),
            new Model("mart_orders_by_city", Layer.MARTS, Set.of("core.fact_orders")));

    @Test
    void a_chain_of_models_comes_in_dependency_order_then_layer_then_name() {
        assertThat(discover("models/chain").models()).containsExactlyElementsOf(CHAIN);
    }

    @Test
    void cte_names_are_not_dependencies_even_when_they_are_named_like_raw_tables() {
        Model joined = discover("models/chain").models().get(2);

        assertThat(joined.qualifiedName()).isEqualTo("intermediate.int_order_customers");
        assertThat(joined.dependsOn()).containsExactlyInAnyOrder("staging.stg_orders", "staging.stg_customers");
    }

    @Test
    void the_checks_folder_holds_no_models() {
        assertThat(discover("models/chain").models()).extracting(Model::name)
                .doesNotContain("fact_orders_without_customer");
    }

    @Test
    void a_reference_to_a_missing_model_or_unknown_raw_table_names_the_file_and_the_reference() {
        assertThatThrownBy(() -> discover("models/unknown"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("models/unknown/core/fact_sales.sql: reads raw.order_payment_plans, which is not "
                        + "a raw table")
                .hasMessageContaining("models/unknown/core/fact_sales.sql: reads staging.stg_payments, which is not a "
                        + "model (no file models/unknown/staging/stg_payments.sql)");
    }

    @Test
    void domain_tables_filled_after_the_core_models_are_read_by_marts_only_and_unknown_ones_not_at_all() {
        assertThatThrownBy(() -> discover("models/domainreads"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("models/domainreads/core/dim_people.sql: reads domain.customer_segments, which is"
                        + " filled after the core models; only marts may read it")
                .hasMessageContaining("models/domainreads/marts/mart_rules.sql: reads domain.order_rules, which is not a"
                        + " domain table")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("dim_states.sql")
                        .doesNotContain("mart_segments.sql"));
    }

    @Test
    void a_cycle_is_an_error_naming_the_cycle() {
        assertThatThrownBy(() -> discover("models/cycle"))
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

            assertThat(catalog.models()).containsExactlyElementsOf(CHAIN);
            Map<String, String> resources = catalog.sources().stream()
                    .collect(Collectors.toMap(s -> s.model().name(), ModelCatalog.ModelSource::resource));
            assertThat(resources).containsEntry("fact_orders", "packaged/core/fact_orders.sql");
        }
    }
}
