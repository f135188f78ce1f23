package org.olistdw.pipeline.build;

import java.util.List;
import java.util.Optional;
import org.olistdw.domain.orchestration.RunId;

/**
 * Port to the versions of the published warehouse: the one readers open and the earlier ones kept beside it when
 * a publish replaced them. Nothing here writes to a warehouse: versions are read read-only, and a rollback
 * replaces the published warehouse by renaming a kept version over it, atomically for readers.
 */
public interface PublishedVersions {

    /**
     * How many warehouses a publish keeps unless told otherwise, the published one included: the new warehouse
     * and the two it replaced last.
     */
    int DEFAULT_KEEP = 3;

    /** Where readers open the published warehouse. */
    String location();

    /**
     * The published warehouse (if there is one) first, then the kept versions, newest run first. A file that
     * cannot be opened is listed with its {@linkplain WarehouseVersion#problem() problem}.
     */
    List<WarehouseVersion> list();

    /**
     * Republishes a kept version: the published warehouse is kept as a version in its turn (so that the rollback
     * can be undone), any write-ahead log beside it is deleted, and the kept version is renamed over it in one
     * atomic step.
     *
     * @param to the run whose kept version to republish; empty for the newest kept version older than the
     *           published one (or the newest kept version when the published run cannot be read)
     * @return what was replaced by what
     * @throws IllegalArgumentException when no version of {@code to} is kept, or none is kept at all; the message
     *                                  is one line naming the file and the runs kept
     * @throws IllegalStateException    when the files cannot be moved; the published warehouse is then unchanged
     */
    Rollback rollBack(Optional<RunId> to);

    /**
     * A rollback done.
     *
     * @param from the run of the warehouse that was published before, empty when there was none or its run could
     *             not be read
     * @param to   the run published now
     * @param file the published warehouse
     */
    record Rollback(Optional<RunId> from, RunId to, String file) {
    }
}
