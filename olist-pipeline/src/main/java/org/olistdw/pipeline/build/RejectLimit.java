package org.olistdw.pipeline.build;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.pipeline.source.SourceFileProblem;

/**
 * The largest share of a file's rows the load may quarantine: a file with more quarantined rows than
 * {@code percent} of the rows read fails the run; at or below it, the rows quarantined are a warning.
 *
 * @param percent the share allowed, 0 to 100 percent
 */
public record RejectLimit(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The limit unless told otherwise: 1 % of a file's rows. */
    public static final RejectLimit DEFAULT = new RejectLimit(BigDecimal.ONE);

    /** How many quarantined rows a failure names. */
    public static final int REASONS_SHOWN = 3;

    public RejectLimit {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("the reject limit must be 0..100 percent, was "
                    + percent.toPlainString());
        }
    }

    /** The limit of {@code percent} percent, 0 to 100. */
    public static RejectLimit ofPercent(double percent) {
        if (!Double.isFinite(percent)) {
            throw new IllegalArgumentException("the reject limit must be 0..100 percent, was " + percent);
        }
        return new RejectLimit(BigDecimal.valueOf(percent));
    }

    /** Whether {@code quarantined} of {@code read} rows is more than the limit allows. */
    public boolean exceededBy(long read, long quarantined) {
        return BigDecimal.valueOf(quarantined).multiply(HUNDRED)
                .compareTo(percent.multiply(BigDecimal.valueOf(read))) > 0;
    }

    /**
     * Fails when the load of {@code file} quarantined more than the limit allows, naming the file, the share,
     * the limit and the first reasons.
     *
     * @param first the first rows quarantined, in file order (at most {@value #REASONS_SHOWN} are named)
     * @throws SourceFileProblem when the limit is exceeded
     */
    public void check(String file, LoadResult result, List<QuarantinedRow> first) {
        if (!exceededBy(result.rowsRead(), result.rowsQuarantined())) {
            return;
        }
        String reasons = first.stream().limit(REASONS_SHOWN)
                .map(row -> "line " + row.lineNumber() + " " + row.reason())
                .collect(Collectors.joining("; "));
        throw new SourceFileProblem(summary(file, result.rowsRead(), result.rowsQuarantined())
                + (reasons.isEmpty() ? "" : "; first reasons: " + reasons));
    }

    /**
     * The share of {@code file} quarantined, e.g.
     * {@code olist_order_items_dataset.csv: 312 of 11,254 rows quarantined (2.77 %, limit 1 %)}.
     */
    public String summary(String file, long read, long quarantined) {
        return String.format(Locale.ROOT, "%s: %,d of %,d rows quarantined (%s %%, limit %s %%)", file, quarantined,
                read, share(read, quarantined).toPlainString(), percent.stripTrailingZeros().toPlainString());
    }

    /** Quarantined rows in percent of the rows read, to two decimals. */
    static BigDecimal share(long read, long quarantined) {
        if (read == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(quarantined).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(read), 2, RoundingMode.HALF_UP);
    }
}
