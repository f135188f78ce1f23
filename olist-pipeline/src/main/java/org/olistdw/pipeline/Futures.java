package org.olistdw.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work started on another thread. */
public final class Futures {

    private Futures() {
    }

    /**
     * What {@code task} computed, waiting for it; or what stopped it, thrown as the computation threw it (an
     * unchecked exception or error, not wrapped in a {@link CompletionException}), so that callers see the
     * failure they would see had they run the task themselves.
     */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
