package org.olistdw.pipeline.build;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Port: the SQL models of a build and building them. {@link #build(Model)} may be called from several
 * threads at once, for different models; each call works on a connection of its own.
 */
public interface SqlModels {

    /**
     * Every SQL model, each with the tables its SQL reads, in no particular order (the build graph orders
     * them).
     *
     * @throws IllegalStateException naming each file at fault when a model cannot be read or parsed
     */
    List<Model> models();

    /**
     * The tables a build holds before any model or step runs: the raw tables (which the loads fill) and the
     * tables seeded when the build starts. Models may read them without depending on anything.
     */
    Set<String> sourceTables();

    /**
     * Of the {@link #sourceTables}, those every build is seeded with the same rows, whatever the sources (none by
     * default): a rule or model reading only them and unchanged raw tables reads what it read in the published
     * warehouse.
     */
    default Set<String> constantTables() {
        return Set.of();
    }

    /**
     * Builds one model's table from its SQL, replacing it if it exists. Every table the model reads must be
     * complete. A build that started holding the model's table from the published warehouse, made by the same
     * statement from the same inputs ({@link Warehouse#newBuild(org.olistdw.domain.orchestration.RunId,
     * java.time.Instant, org.olistdw.domain.orchestration.RunId, Set, boolean)}), keeps it and counts its rows.
     *
     * @return the number of rows in the built table
     * @throws IllegalStateException naming the model and its file when its SQL fails
     */
    long build(Model model);

    /**
     * How the table of each model built so far came about, by qualified name: built, kept from the published
     * warehouse, or patched (its rows of the run's scope rebuilt). None for models of no table.
     */
    default Map<String, ModelOrigin> origins() {
        return Map.of();
    }
}
