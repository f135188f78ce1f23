package org.olistdw.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunId;

/**
 * Forwards quarantined rows to the operational store in batches, so a file with many bad rows neither
 * holds them all in memory nor makes one round trip per row.
 */
final class QuarantineWriter implements Consumer<QuarantinedRow>, AutoCloseable {

    private static final int BATCH = 1_000;

    private final PipelineRuns runs;
    private final RunId run;
    private final List<QuarantinedRow> pending = new ArrayList<>();
    private long count;

    QuarantineWriter(PipelineRuns runs, RunId run) {
        this.runs = runs;
        this.run = run;
    }

    @Override
    public void accept(QuarantinedRow row) {
        pending.add(row);
        count++;
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    void flush() {
        if (!pending.isEmpty()) {
            runs.recordQuarantine(run, List.copyOf(pending));
            pending.clear();
        }
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        flush();
    }
}
