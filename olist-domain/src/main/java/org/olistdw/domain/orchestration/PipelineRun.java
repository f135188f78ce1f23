package org.olistdw.domain.orchestration;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A pipeline run as recorded in the operational store.
 *
 * @param id            the run's identity
 * @param pipelineName  which pipeline ran, e.g. {@code olist-elt}
 * @param status        where it ended (or is)
 * @param startedAt     when it started
 * @param completedAt   when it ended, empty while running
 * @param rowsProcessed source rows read in the run
 * @param errorMessage  the one-line cause of a failure
 */
public record PipelineRun(RunId id, String pipelineName, RunStatus status, Instant startedAt,
                          Optional<Instant> completedAt, long rowsProcessed, Optional<String> errorMessage) {

    /** Wall time of a finished run, empty while it runs. */
    public Optional<Duration> duration() {
        return completedAt.map(end -> Duration.between(startedAt, end));
    }
}
