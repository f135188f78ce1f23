package org.olistdw.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.TaskId;
import org.olistdw.domain.orchestration.TaskStatus;

/**
 * Writes the task records of one run to the operational store behind the steps, on a thread of its own: a step
 * hands over its start and its end, each with the time it happened, and goes on with its work instead of waiting
 * for the store. Records are written one after another in the order they were handed over, so a task's end is
 * written after its start and the store always shows the steps started so far, a few milliseconds late.
 *
 * <p>A run's steps, models and checks alike, are many and short (at scale 1 about 250, a few milliseconds
 * each); recording each start and end while the step waited cost the build graph's threads about 0.7 s of a
 * run (docs/performance.md).
 *
 * <p>The first record that cannot be written (the store lost, say) stops the writing: {@link #failure()} then
 * returns it, for the run to stop at its next step, and {@link #flush()} throws it. Safe to use from several
 * threads at once.
 */
final class TaskRecorder implements AutoCloseable {

    /** A task handed over to be recorded; its id in the store once its start is written. */
    static final class Task {
        private TaskId id; // written and read on the writer thread only

        private Task() {
        }
    }

    /**
     * How a task ended, for {@link #finish}.
     *
     * @param errorMessage null unless the task failed
     */
    record End(Task task, TaskStatus status, Instant completedAt, long rowsAffected, String errorMessage) {
        End {
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(completedAt, "completedAt");
        }
    }

    private final PipelineRuns runs;
    private final RunId run;
    private final ExecutorService writer;
    private volatile RuntimeException failure;

    TaskRecorder(PipelineRuns runs, RunId run) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.run = Objects.requireNonNull(run, "run");
        this.writer = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "olist-task-records-" + run.value());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Hands over the start of one task. */
    Task start(String taskName, String taskType, Instant startedAt) {
        return start(List.of(taskName), taskType, startedAt).get(0);
    }

    /** Hands over the start of several tasks of one type, all started at {@code startedAt}, written together. */
    List<Task> start(List<String> taskNames, String taskType, Instant startedAt) {
        List<String> names = List.copyOf(taskNames);
        Objects.requireNonNull(taskType, "taskType");
        Objects.requireNonNull(startedAt, "startedAt");
        List<Task> tasks = new ArrayList<>(names.size());
        names.forEach(name -> tasks.add(new Task()));
        write(() -> {
            List<TaskId> ids = names.size() == 1
                    ? List.of(runs.startTask(run, names.get(0), taskType, startedAt))
                    : runs.startTasks(run, names, taskType, startedAt);
            for (int i = 0; i < tasks.size(); i++) {
                tasks.get(i).id = ids.get(i);
            }
        });
        return List.copyOf(tasks);
    }

    /** Hands over how tasks ended, written together. */
    void finish(List<End> ends) {
        List<End> all = List.copyOf(ends);
        write(() -> {
            if (all.size() == 1) {
                End end = all.get(0);
                runs.finishTask(end.task().id, end.status(), end.completedAt(), end.rowsAffected(), end.errorMessage());
            } else {
                runs.finishTasks(all.stream().map(end -> new PipelineRuns.TaskEnd(end.task().id, end.status(),
                        end.completedAt(), end.rowsAffected(), end.errorMessage())).toList());
            }
        });
    }

    /** The first record that could not be written, if any; nothing more is written after it. */
    RuntimeException failure() {
        return failure;
    }

    /**
     * Waits until every record handed over is written (after {@link #close()} too).
     *
     * @throws RuntimeException the first record that could not be written, as the store threw it
     */
    void flush() {
        boolean interrupted = false;
        if (writer.isShutdown()) {
            while (true) {
                try {
                    if (writer.awaitTermination(1, TimeUnit.MINUTES)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } else {
            Future<?> written = writer.submit(() -> { });
            while (true) {
                try {
                    written.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the task records could not be written", e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        RuntimeException first = failure;
        if (first != null) {
            throw first;
        }
    }

    /**
     * Takes no more records; those handed over are still written, on the writer thread, which then ends.
     * {@link #flush()} waits for them.
     */
    @Override
    public void close() {
        writer.shutdown();
    }

    private void write(Runnable record) {
        writer.execute(() -> {
            if (failure != null) {
                return;
            }
            try {
                record.run();
            } catch (RuntimeException e) {
                failure = e;
            }
        });
    }
}
