package org.olistdw.pipeline.gate;

/** A gate stopped the build from being published; the message is the run's one-line cause. */
public final class PublishBlocked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PublishBlocked(String message) {
        super(message);
    }
}
