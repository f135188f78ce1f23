package org.olistdw.domain.orchestration;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds the lock on a warehouse: one writer at a time, for as long as it renews its lease.
 *
 * @param warehouse  the published warehouse the lock is on: its canonical location
 * @param token      the holder's secret identity, chosen by the holder when it acquires the lock
 * @param run        the run working under the lock, empty until the holder has started it
 * @param host       the host the holder runs on
 * @param pid        the holder's process id
 * @param since      when the holder acquired the lock
 * @param leaseUntil until when the lock is the holder's unless it renews it
 */
public record WarehouseLock(String warehouse, String token, Optional<RunId> run, String host, long pid,
                            Instant since, Instant leaseUntil) {

    /** Checks that every part is present. */
    public WarehouseLock {
        Objects.requireNonNull(warehouse, "warehouse");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(leaseUntil, "leaseUntil");
    }

    /** Whether {@code token} is the holder's. */
    public boolean heldBy(String token) {
        return this.token.equals(token);
    }

    /** The holder in words, e.g. {@code run 12 on host db1 (pid 345) since 2026-12-06T05:00:00Z, lease until ...}. */
    public String describe() {
        return run.map(id -> "run " + id).orElse("a run starting") + " on host " + host + " (pid " + pid
                + ") since " + since + ", lease until " + leaseUntil;
    }
}
