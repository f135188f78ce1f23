package org.olistdw.domain.orchestration;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port to the record of pipeline runs (the ETL orchestration context). Every run, every task of a run
 * and every file load is written here as it happens, so a run that dies part-way still leaves its
 * trace. Implementations must make each call durable before returning.
 */
public interface PipelineRuns {

    /** Records a new run as running and returns its identity. */
    RunId start(String pipelineName, Instant startedAt, Map<String, String> parameters);

    /** Records how a run ended. {@code errorMessage} is null unless the run failed. */
    void finish(RunId run, RunStatus status, Instant completedAt, long rowsProcessed, String errorMessage);

    /** Records a task of a run as running and returns its identity. */
    TaskId startTask(RunId run, String taskName, String taskType, Instant startedAt);

    /** Records how a task ended. {@code errorMessage} is null unless the task failed. */
    void finishTask(TaskId task, TaskStatus status, Instant completedAt, long rowsAffected, String errorMessage);

    /**
     * How one task ended, for {@link #finishTasks}.
     *
     * @param errorMessage null unless the task failed
     */
    record TaskEnd(TaskId task, TaskStatus status, Instant completedAt, long rowsAffected, String errorMessage) {
    }

    /**
     * Records several tasks of a run as running, all started at {@code startedAt}, as {@link #startTask} would
     * one after another in the order given; implementations may write them at once.
     *
     * @return their identities, in the order of {@code taskNames}
     */
    default List<TaskId> startTasks(RunId run, List<String> taskNames, String taskType, Instant startedAt) {
        return taskNames.stream().map(name -> startTask(run, name, taskType, startedAt)).toList();
    }

    /** Records how several tasks ended, as {@link #finishTask} would for each; implementations may write them at once. */
    default void finishTasks(List<TaskEnd> ends) {
        ends.forEach(end -> finishTask(end.task(), end.status(), end.completedAt(), end.rowsAffected(), end.errorMessage()));
    }

    /** Records the load of one source file, read or {@linkplain DataLoad#carriedOver() carried over}. */
    void recordLoad(RunId run, DataLoad load);

    /**
     * Records how much of its work a run does again and the fingerprint of what it builds with (the models, the
     * rules and the settings that decide the warehouse), once the run has compared its inputs with those of the
     * published warehouse.
     *
     * @param fingerprint hex SHA-256, compared by later runs with their own
     */
    void recordMode(RunId run, RunMode mode, String fingerprint);

    /** The mode a run recorded, empty when it recorded none (it stopped before, or ran before modes were kept). */
    Optional<RunMode> mode(RunId run);

    /** The fingerprint of what a run built with, as {@link #recordMode} recorded it. */
    Optional<String> fingerprint(RunId run);

    /**
     * Records, for the load of {@code sourceFile} that {@code run} recorded, the keys its file added, changed and
     * removed against the raw table of the warehouse the run started from.
     */
    void recordKeyChanges(RunId run, String sourceFile, KeyChanges changes);

    /** The keys each read file of a run changed, by file name, as {@link #recordKeyChanges} recorded them. */
    Map<String, KeyChanges> keyChanges(RunId run);

    /**
     * Records how many orders the changed keys of a run touch: the distinct orders of the keys added, changed or
     * removed in the files of orders, items, payments and reviews, and the orders placed under a customer id whose
     * row was added, changed or removed.
     */
    void recordOrdersAffected(RunId run, long orders);

    /** The orders a run recorded as affected by its changed keys, empty when it recorded none. */
    Optional<Long> ordersAffected(RunId run);

    /** Records rows that could not be read, with their file, line, text and reason. */
    void recordQuarantine(RunId run, List<QuarantinedRow> rows);

    /**
     * Closes every run still recorded as running, as cancelled with {@code reason}, and fails its
     * unfinished tasks: the process that ran them ended without finishing them (killed, power lost).
     * Only call this when no other process can be running a pipeline against this store, as with an
     * embedded store that one process holds at a time.
     *
     * @return the runs so closed, oldest first
     */
    List<RunId> cancelInterrupted(Instant now, String reason);

    /** The most recent runs, newest first. */
    List<PipelineRun> recent(int limit);

    /** One run by identity. */
    Optional<PipelineRun> find(RunId run);

    /** The tasks of a run in the order they started. */
    List<TaskExecution> tasks(RunId run);

    /** The file loads of a run in the order they were recorded. */
    List<DataLoad> loads(RunId run);

    /** The quarantined rows of a run, ordered by file and line. */
    List<QuarantinedRow> quarantine(RunId run);

    /**
     * The rows of the latest successful tasks called {@code taskName} in successful runs, newest first:
     * the history a volume check compares with.
     */
    List<Long> recentRowCounts(String taskName, int limit);

    /**
     * A file's load in one run.
     *
     * @param run  the run that loaded the file
     * @param load what the load recorded
     */
    record RecordedLoad(RunId run, DataLoad load) {
    }

    /**
     * The load of the file {@code sourceFile} (the contract's file name) in the latest successful run that loaded
     * it into {@code warehouse} (the run's parameter {@code warehouse}), if any: what the volume of a run's load
     * is compared with.
     */
    Optional<RecordedLoad> lastSuccessfulLoad(String sourceFile, String warehouse);
}
