package org.olistdw.runner;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Termination signals for a long-running command. The first SIGTERM or SIGINT calls the command's stop action
 * instead of ending the process, so that a run in progress can finish and be recorded (the JVM's shutdown would
 * otherwise stop the embedded PostgreSQL under it); the second ends the process at once with status 128 + the
 * signal's number, as the default handling would have.
 */
final class Signals {

    private static final Logger LOG = LoggerFactory.getLogger(Signals.class);

    private Signals() {
    }

    /**
     * Installs the handling of SIGTERM and SIGINT described above, for this process, until the returned handle is
     * closed; closing it puts the handlers found before back.
     */
    static Installed onTermination(Runnable stop, PrintWriter err) {
        AtomicInteger received = new AtomicInteger();
        Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal key = new Signal(name);
                previous.put(key, Signal.handle(key, signal -> {
                    if (received.incrementAndGet() == 1) {
                        LOG.info("SIG{} received: stopping after the run in progress, if any", signal.getName());
                        err.println("schedule: SIG" + signal.getName() + " received; stopping after the run in"
                                + " progress (send it again to stop at once)");
                        err.flush();
                        stop.run();
                    } else {
                        LOG.warn("SIG{} received again: stopping at once", signal.getName());
                        System.exit(128 + signal.getNumber());
                    }
                }));
            } catch (IllegalArgumentException e) {
                LOG.warn("cannot handle SIG{} here: {}", name, e.getMessage());
            }
        }
        return () -> previous.forEach(Signal::handle);
    }

    /** The handling installed by {@link #onTermination}; closing it restores the handlers it replaced. */
    interface Installed extends AutoCloseable {
        @Override
        void close();
    }
}
