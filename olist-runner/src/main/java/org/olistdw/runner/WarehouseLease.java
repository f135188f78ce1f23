package org.olistdw.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.WarehouseLock;
import org.olistdw.domain.orchestration.WarehouseLocks;
import org.olistdw.pipeline.RunListener;
import org.olistdw.pipeline.build.RawLoad;
import org.olistdw.pipeline.build.RuleMeasures;
import org.olistdw.pipeline.build.SegmentationTables;
import org.olistdw.pipeline.build.SqlModels;
import org.olistdw.pipeline.build.ValidationTables;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;
import org.olistdw.pipeline.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run's lock on the warehouse it publishes, held in the operational store as a lease: taken before the run
 * starts, renewed by a heartbeat thread every quarter of the lease while the run works, checked once more just
 * before the build is published, and given up when the run ends. The lease is lost when the heartbeat finds the
 * lock no longer ours or its lease run out, or cannot reach the store for longer than the lease; a run that lost
 * its lease does not publish.
 *
 * <p>As a testing aid, the environment variable {@value #PAUSE_VARIABLE}{@code =publish} makes the run sleep
 * just after its build replaced the published file, before anything records it, so that a test can kill the
 * process at that point.
 */
final class WarehouseLease implements AutoCloseable, RunListener {

    /** The lease a run takes unless told otherwise. */
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);
    /** The testing aid's environment variable; see the class description. */
    static final String PAUSE_VARIABLE = "OLIST_TEST_PAUSE_AFTER";

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseLease.class);

    private final WarehouseLocks locks;
    private final String warehouse;
    private final String token;
    private final Duration lease;
    private final ScheduledExecutorService heartbeat;
    private final AtomicLong renewals = new AtomicLong();
    private final AtomicLong renewalNanos = new AtomicLong();
    private volatile long lastRenewed;
    private volatile String lost;

    private WarehouseLease(WarehouseLocks locks, String warehouse, String token, Duration lease) {
        this.locks = locks;
        this.warehouse = warehouse;
        this.token = token;
        this.lease = lease;
        this.lastRenewed = System.nanoTime();
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "olist-lock-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, lease.toMillis() / 4);
        heartbeat.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lock on {@code warehouse} for this process and starts its heartbeat.
     *
     * @param warehouse the canonical location of the published warehouse
     * @throws EnvironmentProblem naming the holder when another run holds a live lease on it
     */
    static WarehouseLease acquire(WarehouseLocks locks, String warehouse, Duration lease) {
        Objects.requireNonNull(locks, "locks");
        Objects.requireNonNull(warehouse, "warehouse");
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a lock lease must be at least 1 s, was " + lease);
        }
        String token = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        WarehouseLock lock = locks.acquire(warehouse, token, host(), ProcessHandle.current().pid(), lease);
        if (!lock.heldBy(token)) {
            throw new EnvironmentProblem("the warehouse " + warehouse + " is locked by " + lock.describe()
                    + "; not started");
        }
        LOG.info("lock on {} acquired in {} ms, lease {} s until {}", warehouse, millis(System.nanoTime() - t0),
                lease.toSeconds(), lock.leaseUntil());
        return new WarehouseLease(locks, warehouse, token, lease);
    }

    /** The holder's identity in the store. */
    String token() {
        return token;
    }

    /** Names the run in the lock, for those who find the warehouse locked; a failure is left to the heartbeat. */
    @Override
    public void runStarted(RunId run, int steps) {
        try {
            locks.attach(warehouse, token, run);
        } catch (RuntimeException e) {
            LOG.warn("cannot name run {} in the lock on {}: {}", run, warehouse, Console.oneLine(e));
        }
    }

    /** The warehouse whose builds publish only while this lease holds. */
    Warehouse guard(Warehouse warehouse) {
        return new Guarded(warehouse);
    }

    /**
     * Renews the lease now.
     *
     * @throws IllegalStateException when the lease is lost: the run must not publish
     */
    void requireHeld() {
        long t0 = System.nanoTime();
        String cause = lost;
        if (cause == null && !renew()) {
            cause = lost;
        }
        if (cause != null) {
            throw new IllegalStateException("lost the lock on " + warehouse + ": " + cause);
        }
        LOG.info("lock on {} renewed in {} ms", warehouse, millis(System.nanoTime() - t0));
    }

    private void beat() {
        try {
            renew();
        } catch (RuntimeException e) {
            long silent = System.nanoTime() - lastRenewed;
            if (silent > lease.toNanos()) {
                lose("the operational store was unreachable for " + millis(silent) + " ms, longer than the lease");
            } else {
                LOG.warn("cannot renew the lock on {}: {}", warehouse, Console.oneLine(e));
            }
        }
    }

    private boolean renew() {
        long t0 = System.nanoTime();
        boolean held = locks.renew(warehouse, token, lease);
        long now = System.nanoTime();
        renewals.incrementAndGet();
        renewalNanos.addAndGet(now - t0);
        if (held) {
            lastRenewed = now;
        } else {
            lose("another run took it over, or its lease ran out");
        }
        return held;
    }

    private void lose(String cause) {
        if (lost == null) {
            lost = cause;
            LOG.error("lost the lock on {}: {}; the run will not publish", warehouse, cause);
        }
        heartbeat.shutdown();
    }

    /** Stops the heartbeat and gives up the lock. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        long t0 = System.nanoTime();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
            locks.release(warehouse, token);
            LOG.info("lock on {} released in {} ms; {} renewals took {} ms in all", warehouse,
                    millis(System.nanoTime() - t0), renewals.get(), millis(renewalNanos.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("cannot release the lock on {}; it ends with its lease: {}", warehouse, Console.oneLine(e));
        }
    }

    private static void pauseForTests(String point) {
        if (point.equals(System.getenv(PAUSE_VARIABLE))) {
            LOG.info("pausing after {} ({} is set)", point, PAUSE_VARIABLE);
            try {
                Thread.sleep(Duration.ofMinutes(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }

    /** A warehouse whose builds check the lease just before they publish. */
    private final class Guarded implements Warehouse {
        private final Warehouse delegate;

        Guarded(Warehouse delegate) {
            this.delegate = delegate;
        }

        @Override
        public WarehouseBuild newBuild(RunId run, Instant asOf) {
            return guarded(delegate.newBuild(run, asOf));
        }

        @Override
        public WarehouseBuild newBuild(RunId run, Instant asOf, RunId from, Set<SourceTable> unchanged,
                                       boolean sameDefinitions) {
            return guarded(delegate.newBuild(run, asOf, from, unchanged, sameDefinitions));
        }

        private WarehouseBuild guarded(WarehouseBuild build) {
            return new WarehouseBuild() {
                @Override
                public RawLoad raw() {
                    return build.raw();
                }

                @Override
                public SqlModels models() {
                    return build.models();
                }

                @Override
                public ValidationTables validation() {
                    return build.validation();
                }

                @Override
                public SegmentationTables segmentation() {
                    return build.segmentation();
                }

                @Override
                public RuleMeasures checks() {
                    return build.checks();
                }

                @Override
                public void publish() {
                    requireHeld();
                    build.publish();
                    pauseForTests("publish");
                }

                @Override
                public void close() {
                    build.close();
                }
            };
        }

        @Override
        public String location() {
            return delegate.location();
        }

        @Override
        public Optional<RunId> publishedRun() {
            return delegate.publishedRun();
        }

        @Override
        public Optional<RunId> keptFailedRun() {
            return delegate.keptFailedRun();
        }

        @Override
        public String definitionsFingerprint() {
            return delegate.definitionsFingerprint();
        }

        @Override
        public void discardStaleBuilds() {
            delegate.discardStaleBuilds();
        }
    }
}
