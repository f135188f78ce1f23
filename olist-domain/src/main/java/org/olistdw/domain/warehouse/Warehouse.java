package org.olistdw.domain.warehouse;

import org.olistdw.domain.orchestration.RunId;

/**
 * Port to the analytical store. Readers always see the last published build; a run works in a new
 * build that replaces the published one atomically, and only when the run publishes it.
 */
public interface Warehouse {

    /**
     * Starts a new, empty build for a run. Nothing readers see changes until
     * {@link WarehouseBuild#publish()}.
     */
    WarehouseBuild newBuild(RunId run);

    /** Where readers open the published warehouse (a file path for an embedded store). */
    String location();
}
