package org.olistdw.domain.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.olistdw.domain.orchestration.RunId;

/**
 * The quality of one run in numbers.
 *
 * @param run              the run
 * @param date             the run's date
 * @param checks           rules checked
 * @param passed           of those, passed
 * @param warned           warned
 * @param failed           failed
 * @param errors           could not run
 * @param criticalFailures critical rules that failed or could not run (each blocks publishing)
 * @param rowsQuarantined  source rows the load could not read, from the run's loads
 * @param score            passed checks in percent of checks (100 when nothing was checked), two decimals
 */
public record QualityReport(RunId run, LocalDate date, int checks, int passed, int warned, int failed, int errors,
                            int criticalFailures, long rowsQuarantined, BigDecimal score) {

    public QualityReport {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(score, "score");
        if (passed + warned + failed + errors != checks) {
            throw new IllegalArgumentException("report of run " + run + ": " + passed + " passed + " + warned
                    + " warned + " + failed + " failed + " + errors + " errors != " + checks + " checks");
        }
    }

    /** The report of {@code results}, the checks of one run. */
    public static QualityReport of(RunId run, LocalDate date, List<CheckResult> results, long rowsQuarantined) {
        int passed = count(results, CheckStatus.PASS);
        int checks = results.size();
        BigDecimal score = checks == 0 ? BigDecimal.valueOf(100).setScale(2)
                : BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(checks), 2, RoundingMode.HALF_UP);
        int critical = (int) results.stream().filter(CheckResult::blocksPublishing).count();
        return new QualityReport(run, date, checks, passed, count(results, CheckStatus.WARN),
                count(results, CheckStatus.FAIL), count(results, CheckStatus.ERROR), critical, rowsQuarantined, score);
    }

    private static int count(List<CheckResult> results, CheckStatus status) {
        return (int) results.stream().filter(result -> result.status() == status).count();
    }
}
