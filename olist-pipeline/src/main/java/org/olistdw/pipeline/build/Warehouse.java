package org.olistdw.pipeline.build;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Port to the analytical store. Readers always see the last published build; a run works in a new
 * build that replaces the published one atomically, and only when the run publishes it.
 */
public interface Warehouse {

    /**
     * Starts a new, empty build for a run. Nothing readers see changes until
     * {@link WarehouseBuild#publish()}.
     *
     * <p>The build carries over the version history of the slowly changing dimensions from the published
     * warehouse, if there is one: an attribute that changed since then closes the old version at
     * {@code asOf} and opens a new one valid from {@code asOf}.
     *
     * @param run  the run the build belongs to
     * @param asOf when the changes this build finds take effect: the run's start; it must not be earlier
     *             than the newest version already published
     */
    WarehouseBuild newBuild(RunId run, Instant asOf);

    /**
     * Starts a new build for a run that carries the raw tables of {@code unchanged} sources over from the published
     * warehouse, the build of run {@code from}, as {@link #newBuild(RunId, Instant)} does, except that the build may
     * start holding those raw tables and their quarantined rows as run {@code from} published them (the other raw
     * tables empty, nothing else built): {@link RawLoad.CarryOver#copy} then has nothing left to copy and counts
     * what the build holds. When the published warehouse is not the build of {@code from}, the build starts empty.
     *
     * <p>When {@code sameDefinitions}, the build may also start holding the tables of the models that read nothing
     * but those raw tables and the tables seeded with every build (transitively), as the published warehouse
     * holds them: {@link SqlModels#build} then keeps such a table instead of building it again, since the same
     * definitions over the same inputs give the same rows.
     *
     * @param unchanged       the sources whose raw tables the run carries over from the published warehouse
     * @param sameDefinitions whether the models, macros and program are those that built the published warehouse
     */
    WarehouseBuild newBuild(RunId run, Instant asOf, RunId from, Set<SourceTable> unchanged, boolean sameDefinitions);

    /** Where readers open the published warehouse (a file path for an embedded store). */
    String location();

    /**
     * The run whose build is published, as the published warehouse itself records it; empty when nothing is
     * published yet.
     *
     * @throws IllegalStateException when the published warehouse cannot be read
     */
    Optional<RunId> publishedRun();

    /**
     * The run whose build failed and was kept, as the kept build itself records it: the raw tables of the files
     * that run loaded can be carried over from it by the next run ({@link RawLoad#carryOver}). Only the latest
     * failed build is kept, and only until a build is published. Empty when none is kept.
     *
     * @throws IllegalStateException when the kept build cannot be read
     */
    Optional<RunId> keptFailedRun();

    /**
     * A digest of the definitions every build is made of (SQL models and macros, the generated rule macros, the
     * templates quality rules are measured with): builds made with equal definitions from equal raw tables are
     * equal. Hex SHA-256.
     */
    String definitionsFingerprint();

    /**
     * Deletes what runs that were cut short left behind (their unfinished builds), as starting a build does: for a
     * run that builds nothing.
     */
    void discardStaleBuilds();
}
