package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.build.Layer;
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
    void the_real_models_form_a_complete_acyclic_graph_in_build_order() {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            List<Model> models = build.models();

            // raw tables and the states exist when the build starts; the other domain tables are filled after
            // every model but the marts
            Set<String> available = new HashSet<>(RawLayout.rawTableNames());
            available.add("domain.brazilian_states");
            for (Model model : models) {
                if (model.layer() == Layer.MARTS) {
                    available.addAll(DomainTables.filledAfterCore());
                }
                assertThat(available).as("tables built before %s", model.qualifiedName())
                        .containsAll(model.dependsOn());
                available.add(model.qualifiedName());
            }
            assertThat(models).extracting(Model::qualifiedName).doesNotHaveDuplicates();
        }
    }

    @Test
    void every_real_model_builds_on_an_empty_raw_layer() {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            for (Model model : build.models()) {
                assertThat(build.build(model)).as(model.qualifiedName()).isGreaterThanOrEqualTo(0);
            }
        }
    }
}
