package org.olistdw.pipeline;

import java.time.Duration;
import java.util.Optional;
import org.olistdw.domain.orchestration.TaskStatus;

/**
 * How one step of a run ended.
 *
 * @param kind     the kind of step
 * @param name     e.g. {@code olist_orders_dataset.csv} or {@code core.dim_customer}
 * @param status   success or failed
 * @param rows     rows the step read or produced
 * @param duration wall time
 * @param error    the one-line cause when it failed
 */
public record StepResult(StepKind kind, String name, TaskStatus status, long rows, Duration duration,
                         Optional<String> error) {
}
