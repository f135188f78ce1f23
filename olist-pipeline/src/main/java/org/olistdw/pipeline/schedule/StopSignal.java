package org.olistdw.pipeline.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The scheduler's {@link Pause} on the wall clock, with the request to stop it: {@link #stop()} ends any wait at
 * once and every later one, from any thread (a signal handler, say).
 */
public final class StopSignal implements Pause {

    private final Clock clock;
    private boolean stopped;

    /** A signal whose waits follow {@code clock}. */
    public StopSignal(Clock clock) {
        this.clock = clock;
    }

    /** Asks the scheduler to stop: the current wait ends now, and no new run starts. */
    public synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    @Override
    public synchronized boolean stopRequested() {
        return stopped;
    }

    @Override
    public synchronized boolean until(Instant deadline) {
        while (!stopped) {
            long millis = Duration.between(clock.instant(), deadline).toMillis();
            if (millis <= 0) {
                return true;
            }
            try {
                wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopped = true;
            }
        }
        return false;
    }
}
