package org.olistdw.pipeline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.ScheduledAttempt;
import org.olistdw.domain.orchestration.ScheduledAttempts;
import org.junit.jupiter.api.Test;

/** The scheduler's loop on a clock that moves only when the scheduler waits or a run takes time. */
class SchedulerTest {

    private static final Instant START = Instant.parse("2026-12-06T15:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    /** A clock moved by hand. */
    private static final class ManualClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Waits by moving the clock; asked to stop after a given number of waits. */
    private static final class MovingPause implements Pause {
        final ManualClock clock;
        final List<Instant> waits = new ArrayList<>();
        int stopAfterWaits = Integer.MAX_VALUE;
        boolean stopped;

        MovingPause(ManualClock clock) {
            this.clock = clock;
        }

        @Override
        public boolean until(Instant deadline) {
            if (stopped || waits.size() >= stopAfterWaits) {
                stopped = true;
                return false;
            }
            waits.add(deadline);
            if (deadline.isAfter(clock.now)) {
                clock.now = deadline;
            }
            return true;
        }

        @Override
        public boolean stopRequested() {
            return stopped;
        }
    }

    /** Attempts kept in a list, newest last. */
    private static final class ListedAttempts implements ScheduledAttempts {
        final List<ScheduledAttempt> recorded = new ArrayList<>();

        @Override
        public void record(ScheduledAttempt attempt) {
            recorded.add(attempt);
        }

        @Override
        public Optional<ScheduledAttempt> latest(String warehouse) {
            return recorded.stream().filter(a -> a.warehouse().equals(warehouse)).reduce((a, b) -> b);
        }

        @Override
        public List<ScheduledAttempt> recent(int limit) {
            return recorded;
        }
    }

    /** Runs that end as scripted (exit codes in order), each taking {@code runTime} of the clock. */
    private static final class ScriptedRuns implements Scheduler.Attempt {
        final ManualClock clock;
        final Deque<Integer> exitCodes;
        final List<String> calls = new ArrayList<>();
        Duration runTime = Duration.ofMinutes(5);
        long nextRun = 1;

        ScriptedRuns(ManualClock clock, Integer... exitCodes) {
            this.clock = clock;
            this.exitCodes = new ArrayDeque<>(List.of(exitCodes));
        }

        @Override
        public Scheduler.Outcome run(Instant slot, int attempt) {
            calls.add(slot + "#" + attempt + "@" + clock.now);
            clock.now = clock.now.plus(runTime);
            int exit = exitCodes.removeFirst();
            if (exit < 0) {
                throw new IllegalStateException("disk full\nsecond line");
            }
            return new Scheduler.Outcome(Optional.of(new RunId(nextRun++)), exit, exit == 0 ? "ok" : "failed " + exit);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final MovingPause pause = new MovingPause(clock);
    private final ListedAttempts attempts = new ListedAttempts();
    private final List<ScheduledAttempt> alerts = new ArrayList<>();

    private Scheduler scheduler(ScriptedRuns runs, RetryPolicy retries) {
        return new Scheduler(Schedule.every(HOUR, START), retries, "/w/warehouse.duckdb", runs, attempts,
                alerts::add, new Scheduler.Listener() { }, clock, pause);
    }

    @Test
    void retriesAFailedRunWithDoublingBackoffUntilItSucceeds() {
        ScriptedRuns runs = new ScriptedRuns(clock, 1, 3, 0);
        Optional<ScheduledAttempt> last = scheduler(runs, new RetryPolicy(3, Duration.ofMinutes(1),
                Duration.ofMinutes(30))).run(1, false);

        // due at 16:00; attempt 1 runs 16:00-16:05, waits 1 min; attempt 2 runs 16:06-16:11, waits 2 min
        assertThat(runs.calls).containsExactly(
                "2026-12-06T16:00:00Z#1@2026-12-06T16:00:00Z",
                "2026-12-06T16:00:00Z#2@2026-12-06T16:06:00Z",
                "2026-12-06T16:00:00Z#3@2026-12-06T16:13:00Z");
        assertThat(attempts.recorded).extracting(ScheduledAttempt::attempt, ScheduledAttempt::exitCode,
                        ScheduledAttempt::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1, false),
                        org.assertj.core.groups.Tuple.tuple(2, 3, false),
                        org.assertj.core.groups.Tuple.tuple(3, 0, true));
        assertThat(alerts).isEmpty();
        assertThat(last).map(ScheduledAttempt::run).contains(Optional.of(new RunId(3)));
        assertThat(attempts.recorded.get(0).startedAt()).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(attempts.recorded.get(0).completedAt()).isEqualTo(Instant.parse("2026-12-06T16:05:00Z"));
    }

    @Test
    void alertsOnceWhenASlotFailsForGoodAndAgainWhenTheNextSlotRecovers() {
        ScriptedRuns runs = new ScriptedRuns(clock, 1, 1, 0);
        scheduler(runs, new RetryPolicy(1, Duration.ofMinutes(10), Duration.ofMinutes(10))).run(2, false);

        assertThat(runs.calls).containsExactly(
                "2026-12-06T16:00:00Z#1@2026-12-06T16:00:00Z",
                "2026-12-06T16:00:00Z#2@2026-12-06T16:15:00Z",
                "2026-12-06T17:00:00Z#1@2026-12-06T17:00:00Z");
        assertThat(alerts).extracting(a -> a.alert().orElseThrow(), ScheduledAttempt::attempt, ScheduledAttempt::slot)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ScheduledAttempt.Alert.FAILURE, 2,
                                Instant.parse("2026-12-06T16:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(ScheduledAttempt.Alert.RECOVERY, 1,
                                Instant.parse("2026-12-06T17:00:00Z")));
        assertThat(attempts.recorded.get(0).alert()).isEmpty();
    }

    @Test
    void recoveryIsJudgedAgainstTheLastRecordedAttemptEvenFromAnEarlierProcess() {
        attempts.record(new ScheduledAttempt("every PT1H", "/w/warehouse.duckdb", START.minus(HOUR), 1,
                Optional.of(new RunId(9)), START.minus(HOUR), START.minus(HOUR), false, 1, "failed", Optional.empty()));
        scheduler(new ScriptedRuns(clock, 0), new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).run(1, true);

        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.alert()).contains(ScheduledAttempt.Alert.RECOVERY);
            assertThat(alert.slot()).isEqualTo(START);
        });
    }

    @Test
    void slotsThatPassWhileARunWorksAreSkippedNotQueued() {
        ScriptedRuns runs = new ScriptedRuns(clock, 0, 0);
        runs.runTime = Duration.ofMinutes(150);
        scheduler(runs, new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).run(2, false);

        // the 16:00 run ends at 18:30: 17:00 and 18:00 are skipped, the next is 19:00
        assertThat(runs.calls).containsExactly(
                "2026-12-06T16:00:00Z#1@2026-12-06T16:00:00Z",
                "2026-12-06T19:00:00Z#1@2026-12-06T19:00:00Z");
    }

    @Test
    void aStopRequestEndsTheWaitAndNoFurtherRunStarts() {
        ScriptedRuns runs = new ScriptedRuns(clock, 1, 0);
        pause.stopAfterWaits = 1;
        Optional<ScheduledAttempt> last = scheduler(runs, new RetryPolicy(2, Duration.ofMinutes(1),
                Duration.ofMinutes(1))).run(0, false);

        // waited for 16:00, ran once and failed; the stop came during the wait before the retry
        assertThat(runs.calls).hasSize(1);
        assertThat(last).map(ScheduledAttempt::succeeded).contains(false);
        assertThat(attempts.recorded).hasSize(1);
    }

    @Test
    void anAttemptThatThrowsIsAFailedAttemptWithItsFirstLine() {
        ScriptedRuns runs = new ScriptedRuns(clock, -1);
        scheduler(runs, new RetryPolicy(0, Duration.ZERO, Duration.ZERO)).run(1, true);

        assertThat(attempts.recorded).singleElement().satisfies(attempt -> {
            assertThat(attempt.exitCode()).isEqualTo(1);
            assertThat(attempt.message()).isEqualTo("disk full");
            assertThat(attempt.run()).isEmpty();
            assertThat(attempt.alert()).contains(ScheduledAttempt.Alert.FAILURE);
        });
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMinutes(1), Duration.ofMinutes(5));
        assertThat(policy.delayBefore(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayBefore(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayBefore(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayBefore(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(policy.delayBefore(6)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void anIntervalCountsFromItsStartWhateverTheRunsTook() {
        Schedule hourly = Schedule.every(HOUR, START);
        assertThat(hourly.next(START)).isEqualTo(START.plus(HOUR));
        assertThat(hourly.next(START.plus(Duration.ofMinutes(61)))).isEqualTo(START.plus(HOUR.multipliedBy(2)));
        assertThat(hourly.next(START.minusSeconds(1))).isEqualTo(START);
    }
}
