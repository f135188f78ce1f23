package org.olistdw.domain.orchestration;

import java.time.Instant;
import java.util.Optional;

/**
 * One recorded task of a run: a file load, a model build, a check or the publish step.
 *
 * @param id           the task's identity
 * @param runId        the run it belongs to
 * @param name         e.g. {@code load:orders} or {@code model:core.dim_customer}
 * @param type         the step kind: extract, load, transform, check, publish
 * @param status       where it ended (or is)
 * @param startedAt    when it started
 * @param completedAt  when it ended, empty while running
 * @param rowsAffected rows the task produced or read
 * @param errorMessage why it failed, empty unless failed
 */
public record TaskExecution(TaskId id, RunId runId, String name, String type, TaskStatus status,
                            Instant startedAt, Optional<Instant> completedAt, long rowsAffected,
                            Optional<String> errorMessage) {
}
