package org.olistdw.domain.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one rule in one run: the evidence and the verdict.
 *
 * @param rule        the rule as it was when checked
 * @param status      the verdict (see {@link #judge})
 * @param rowsChecked rows looked at
 * @param rowsFailed  offending rows
 * @param elapsed     how long the check took
 * @param sample      offending rows kept as evidence
 * @param error       why the check could not run, for {@link CheckStatus#ERROR}
 */
public record CheckResult(QualityRule rule, CheckStatus status, long rowsChecked, long rowsFailed, Duration elapsed,
                          List<Map<String, String>> sample, Optional<String> error) {

    public CheckResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(elapsed, "elapsed");
        sample = sample.stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList(); // keeps column order
        Objects.requireNonNull(error, "error");
        if (status == CheckStatus.ERROR && error.isEmpty()) {
            throw new IllegalArgumentException("an error result needs its error, rule " + rule.name());
        }
    }

    /**
     * The verdict on a measurement: the failure rate (failed / checked, in percent; any failure when nothing
     * was checked counts as 100 %) within the rule's threshold passes; beyond it a critical rule fails and
     * any other warns.
     */
    public static CheckResult judge(QualityRule rule, RuleMeasurement measurement, Duration elapsed) {
        BigDecimal rate = rate(measurement.rowsChecked(), measurement.rowsFailed());
        CheckStatus status;
        if (measurement.rowsFailed() == 0 || rate.compareTo(rule.threshold()) <= 0) {
            status = CheckStatus.PASS;
        } else {
            status = rule.severity().blocksPublishing() ? CheckStatus.FAIL : CheckStatus.WARN;
        }
        return new CheckResult(rule, status, measurement.rowsChecked(), measurement.rowsFailed(), elapsed,
                measurement.sample(), Optional.empty());
    }

    /** A check that could not run; it counts as a failure of the rule's severity. */
    public static CheckResult error(QualityRule rule, String message, Duration elapsed) {
        return new CheckResult(rule, CheckStatus.ERROR, 0, 0, elapsed, List.of(), Optional.of(message));
    }

    /** Failed rows in percent of checked rows, two decimals; 100 when rows failed but none were checked. */
    public BigDecimal failureRate() {
        return rate(rowsChecked, rowsFailed);
    }

    /** Whether this result stops the build from being published: a critical rule that failed or errored. */
    public boolean blocksPublishing() {
        return rule.severity().blocksPublishing() && (status == CheckStatus.FAIL || status == CheckStatus.ERROR);
    }

    /** One line for people: the rule, its severity and what was found. */
    public String summary() {
        return switch (status) {
            case ERROR -> "quality rule " + rule.name() + " (" + rule.severity().code() + ") could not run: "
                    + error.orElse("");
            case PASS -> "quality rule " + rule.name() + " passed";
            default -> "quality rule " + rule.name() + " (" + rule.severity().code() + ") "
                    + (status == CheckStatus.FAIL ? "failed" : "warns") + ": " + rowsFailed + " of " + rowsChecked
                    + " rows (" + failureRate().stripTrailingZeros().toPlainString() + " %, tolerated "
                    + rule.threshold().stripTrailingZeros().toPlainString() + " %) on " + rule.target();
        };
    }

    private static BigDecimal rate(long checked, long failed) {
        if (failed == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (checked == 0) {
            return BigDecimal.valueOf(100).setScale(2);
        }
        return BigDecimal.valueOf(failed).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(checked), 2, RoundingMode.HALF_UP);
    }
}
