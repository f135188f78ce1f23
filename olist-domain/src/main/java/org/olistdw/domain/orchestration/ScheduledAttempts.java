package org.olistdw.domain.orchestration;

import java.util.List;
import java.util.Optional;

/** Port to the record of scheduled attempts, kept with the runs they started. */
public interface ScheduledAttempts {

    /** Records a finished attempt. */
    void record(ScheduledAttempt attempt);

    /** The latest attempt recorded for {@code warehouse}, by any schedule, if any. */
    Optional<ScheduledAttempt> latest(String warehouse);

    /** The most recent attempts, newest first. */
    List<ScheduledAttempt> recent(int limit);
}
