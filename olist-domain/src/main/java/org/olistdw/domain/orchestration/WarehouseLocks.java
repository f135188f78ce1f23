package org.olistdw.domain.orchestration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port to the locks on published warehouses, kept with the record of runs so that every process writing to
 * one store sees the same locks: one run at a time builds and publishes a warehouse. A lock is a lease: its
 * holder renews it while it works, and a lease that ran out (its holder was killed or cut off from the store)
 * may be taken by the next run. Each call is atomic and has committed when it returns.
 */
public interface WarehouseLocks {

    /**
     * Takes the lock on {@code warehouse} for the holder named by {@code token} when nobody holds it or its lease
     * has run out, in one atomic step.
     *
     * @return the lock as it stands afterwards: the caller's when {@link WarehouseLock#heldBy heldBy(token)},
     *         otherwise the live holder's
     */
    WarehouseLock acquire(String warehouse, String token, String host, long pid, Duration lease);

    /** Names the run working under the caller's lock, for those who find the warehouse locked. */
    void attach(String warehouse, String token, RunId run);

    /**
     * Extends the caller's lease to {@code lease} from now, if it still holds a live lease.
     *
     * @return false when the lock is no longer the caller's or its lease ran out: the caller must stop
     */
    boolean renew(String warehouse, String token, Duration lease);

    /** Gives up the caller's lock; does nothing when it no longer holds it. */
    void release(String warehouse, String token);

    /**
     * Drops every lock. Only for a store that one process holds at a time, as the embedded one: whoever held a
     * lock on it is gone.
     */
    void releaseAll();

    /**
     * A run recorded as running whose process is gone, for {@link #settle}.
     *
     * @param run       the run
     * @param warehouse the warehouse it was building (its {@code warehouse} parameter), if recorded
     * @param lastStep  the name of its last started task, if any
     */
    record DeadRun(RunId run, Optional<String> warehouse, Optional<String> lastStep) {
    }

    /**
     * The runs recorded as running that no live lease covers: no lock on their warehouse is live, other than
     * the one held by {@code token} (a run that has just taken a lock has not started its run yet). With
     * {@code everyRun}, every run recorded as running, leases or not (for a store one process holds at a time).
     *
     * @param token the caller's lock, or null when it holds none
     * @return oldest first
     */
    List<DeadRun> deadRuns(String token, boolean everyRun);

    /**
     * Records how a dead run ended, if it is still recorded as running: its unfinished tasks end as successful
     * with a successful run, otherwise as failed with {@code reason}; its rows processed are the rows its loads
     * read.
     *
     * @param reason the run's error message, null for a successful run
     * @return whether the run was still running (another process may have settled it first)
     */
    boolean settle(RunId run, RunStatus status, Instant now, String reason);
}
