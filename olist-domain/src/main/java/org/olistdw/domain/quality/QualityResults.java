package org.olistdw.domain.quality;

import java.util.List;
import java.util.Optional;
import org.olistdw.domain.orchestration.RunId;

/** Port to where the evidence of each run's checks is kept: one result per rule per run, and a report. */
public interface QualityResults {

    /** Records the results of a run's checks and its report, in one transaction. */
    void record(RunId run, List<CheckResult> results, QualityReport report);

    /** The report of {@code run}, if its checks ran. */
    Optional<QualityReport> report(RunId run);

    /** The latest reports, newest first. */
    List<QualityReport> history(int limit);

    /**
     * The results of {@code run}'s checks: failures and errors first, then warnings, then passes, each by
     * rule name. The rule in each result is the rule as stored now, except its status and evidence.
     */
    List<CheckResult> results(RunId run);
}
