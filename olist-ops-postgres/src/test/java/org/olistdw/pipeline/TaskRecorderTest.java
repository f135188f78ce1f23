package org.olistdw.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.TaskExecution;
import org.olistdw.domain.orchestration.TaskStatus;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;

/**
 * The task records a run hands over to be written behind its steps, read back from a real PostgreSQL: complete,
 * each end after its start, and a record the store refuses stops the writing and is thrown by the flush.
 */
class TaskRecorderTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:15:30.123456Z");

    private static LocalPostgres server;
    private static PostgresOps ops;
    private static PipelineRuns runs;

    @BeforeAll
    static void connect() {
        // a server of its own: the shared test server's helpers are not visible from this package; each test
        // reads back the tasks of a run of its own, so what earlier test runs left does not matter
        server = LocalPostgres.start(Path.of("target", "test-postgres", "task-recorder").toAbsolutePath());
        ops = PostgresOps.connect(server.jdbcUrl(), server.user(), server.password());
        runs = ops.pipelineRuns();
    }

    @AfterAll
    static void close() {
        ops.close();
        server.close();
    }

    @Test
    void records_handed_over_from_two_threads_read_back_complete_once_flushed() throws Exception {
        RunId run = runs.start("olist-elt", T0, Map.of());
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        try (TaskRecorder recorder = new TaskRecorder(runs, run)) {
            for (int t = 0; t < 2; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < 50; i++) {
                        Instant start = T0.plusSeconds(i);
                        TaskRecorder.Task task = recorder.start("transform:t" + thread + "_" + i, "transform", start);
                        recorder.finish(List.of(new TaskRecorder.End(task, TaskStatus.SUCCESS, start.plusMillis(500),
                                i, null)));
                    }
                }));
            }
            threads.forEach(Thread::start);
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            List<TaskRecorder.Task> checks = recorder.start(List.of("check:a", "check:b"), "check", T0.plusSeconds(60));
            recorder.finish(List.of(
                    new TaskRecorder.End(checks.get(0), TaskStatus.SUCCESS, T0.plusSeconds(61), 7, null),
                    new TaskRecorder.End(checks.get(1), TaskStatus.FAILED, T0.plusSeconds(62), 0, "broken")));

            recorder.flush();
        }

        List<TaskExecution> tasks = runs.tasks(run);
        assertThat(tasks).hasSize(102);
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < 50; i++) {
                String name = "transform:t" + t + "_" + i;
                long rows = i;
                Instant start = T0.plusSeconds(i);
                assertThat(tasks).filteredOn(task -> task.name().equals(name)).singleElement()
                        .satisfies(task -> {
                            assertThat(task.status()).isEqualTo(TaskStatus.SUCCESS);
                            assertThat(task.startedAt()).isEqualTo(start);
                            assertThat(task.completedAt()).contains(start.plusMillis(500));
                            assertThat(task.rowsAffected()).isEqualTo(rows);
                        });
            }
        }
        assertThat(tasks).filteredOn(task -> task.type().equals("check"))
                .extracting(TaskExecution::name, TaskExecution::status, TaskExecution::errorMessage)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("check:a", TaskStatus.SUCCESS, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("check:b", TaskStatus.FAILED, Optional.of("broken")));
    }

    @Test
    void a_record_the_store_refuses_stops_the_writing_and_the_flush_throws_it() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        try (TaskRecorder recorder = new TaskRecorder(runs, run)) {
            TaskRecorder.Task first = recorder.start("load:orders", "load", T0);
            TaskRecorder.End end = new TaskRecorder.End(first, TaskStatus.SUCCESS, T0.plusSeconds(1), 3, null);
            recorder.finish(List.of(end));
            recorder.finish(List.of(end)); // a task ends once: the store refuses the second end
            recorder.start("load:items", "load", T0.plusSeconds(2));

            assertThatThrownBy(recorder::flush).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("has already finished as success");
            assertThat(recorder.failure()).isNotNull();
        }

        assertThat(runs.tasks(run)).extracting(TaskExecution::name, TaskExecution::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("load:orders", TaskStatus.SUCCESS));
    }

    @Test
    void after_close_the_flush_still_waits_for_every_record_handed_over() {
        RunId run = runs.start("olist-elt", T0, Map.of());
        TaskRecorder recorder = new TaskRecorder(runs, run);
        for (int i = 0; i < 20; i++) {
            TaskRecorder.Task task = recorder.start("check:r" + i, "check", T0);
            recorder.finish(List.of(new TaskRecorder.End(task, TaskStatus.SUCCESS, T0.plusSeconds(1), 1, null)));
        }

        recorder.close();
        recorder.flush();

        assertThat(runs.tasks(run)).hasSize(20).allMatch(task -> task.status() == TaskStatus.SUCCESS);
    }
}
