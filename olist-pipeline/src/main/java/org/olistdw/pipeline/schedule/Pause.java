package org.olistdw.pipeline.schedule;

import java.time.Instant;

/** Waiting for a scheduler: until a time comes, unless it is asked to stop first. */
public interface Pause {

    /**
     * Waits until {@code deadline}.
     *
     * @return true when the time came, false when the scheduler was asked to stop meanwhile (or before)
     */
    boolean until(Instant deadline);

    /** Whether the scheduler was asked to stop. */
    boolean stopRequested();
}
