package org.olistdw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {

    @Test
    void gives_what_the_task_computed() {
        assertThat(Futures.join(CompletableFuture.supplyAsync(() -> 6 * 7))).isEqualTo(42);
    }

    @Test
    void throws_the_tasks_own_exception_not_a_wrapper() {
        IllegalStateException thrown = new IllegalStateException("the file cannot be read");
        CompletableFuture<String> task = CompletableFuture.supplyAsync(() -> {
            throw thrown;
        });

        assertThatThrownBy(() -> Futures.join(task)).isSameAs(thrown);
    }

    @Test
    void throws_the_tasks_own_error_not_a_wrapper() {
        OutOfMemoryError thrown = new OutOfMemoryError("heap");
        CompletableFuture<String> task = CompletableFuture.supplyAsync(() -> {
            throw thrown;
        });

        assertThatThrownBy(() -> Futures.join(task)).isSameAs(thrown);
    }
}
