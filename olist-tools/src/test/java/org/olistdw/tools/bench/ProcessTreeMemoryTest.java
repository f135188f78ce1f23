package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The memory of a real process tree, read from /proc. */
class ProcessTreeMemoryTest {

    @Test
    void a_child_process_and_its_own_child_have_a_positive_peak() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & sleep 30").start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (shell.toHandle().descendants().count() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(shell.toHandle().descendants().count()).isEqualTo(2);

            try (ProcessTreeMemory memory = ProcessTreeMemory.watch(shell.toHandle(), 50)) {
                while (memory.samples() < 3 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(memory.peakBytes()).isPositive();
                assertThat(memory.peakProcesses()).isEqualTo(3);
            }
            assertThat(ProcessTreeMemory.treeBytes(shell.toHandle()))
                    .isGreaterThan(ProcessTreeMemory.processBytes(shell.pid()));
        } finally {
            shell.toHandle().descendants().forEach(ProcessHandle::destroy);
            shell.destroy();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_process_that_has_ended_has_no_memory() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor(10, TimeUnit.SECONDS);

        assertThat(ProcessTreeMemory.processBytes(done.pid())).isEqualTo(-1);
    }

    @Test
    void refuses_an_interval_below_one_millisecond() {
        assertThatThrownBy(() -> ProcessTreeMemory.watch(ProcessHandle.current(), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("interval must be at least 1 ms, was 0");
    }
}
