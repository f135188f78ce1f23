package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.BuildGraph;
import org.olistdw.pipeline.build.Model;

/**
 * The real models under {@code sql/duckdb}, whatever they are: they form a complete, acyclic graph and
 * each one builds against the raw layout. Written without naming any model, so it holds as models come
 * and go.
 */
class RealModelsTest {

    @TempDir
    Path directory;

    @Test
    void the_real_models_and_steps_form_a_complete_acyclic_graph_in_build_order() {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            List<BuildGraph.Node> nodes = BuildGraph.forBuild(build, validated -> { }).nodes();

            // raw tables and the states exist when the build starts; every other table once its node ran
            Set<String> available = new HashSet<>(RawLayout.rawTableNames());
            available.add("domain.brazilian_states");
            for (BuildGraph.Node node : nodes) {
                assertThat(available).as("tables built before %s", node.taskName()).containsAll(node.reads());
                available.addAll(node.writes());
            }
            assertThat(nodes).extracting(BuildGraph.Node::taskName).doesNotHaveDuplicates()
                    .contains("validate:orders", "validate:customer segments");
            assertThat(nodes).hasSize(build.models().models().size() + 2);
            assertThat(available).containsAll(DomainTables.tableNames());
        }
    }

    @Test
    void every_real_model_builds_on_an_empty_raw_layer() {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            List<Long> rows = Builds.buildModels(build);

            assertThat(rows).hasSize(build.models().models().size()).allSatisfy(count ->
                    assertThat(count).isGreaterThanOrEqualTo(0));
        }
    }

    @Test
    void staging_models_are_views_in_the_warehouse_and_every_other_model_a_table() {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            Builds.buildModels(build);

            for (Model model : build.models().models()) {
                List<List<Object>> type = Builds.query(build.connection(), "select table_type from "
                        + "information_schema.tables where table_schema = '" + model.schema() + "' and table_name = '"
                        + model.name() + "'");
                assertThat(type).as(model.qualifiedName())
                        .containsExactly(List.of(model.schema().equals("staging") ? "VIEW" : "BASE TABLE"));
            }
        }
    }
}
