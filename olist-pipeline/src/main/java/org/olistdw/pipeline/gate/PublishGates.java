package org.olistdw.pipeline.gate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.pipeline.quality.QualityChecker;
import org.olistdw.pipeline.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gates between a checked build and its publication, each over the results of the run's quality rules:
 * <ol>
 *   <li>{@link #volume}: the rules of kind {@link RuleKind#SOURCE_VOLUME} (an empty source file, or one that
 *       loaded far fewer rows than in the latest successful run);</li>
 *   <li>{@link #quality}: every other critical rule that failed or could not run;</li>
 *   <li>{@link #drift}: the rules of kind {@link RuleKind#PUBLISHED_DRIFT} (key figures of months the published
 *       warehouse had closed that moved).</li>
 * </ol>
 * Each gate that closes throws {@link PublishBlocked} with a one-line cause giving the figures. What the run
 * {@linkplain Acceptance accepts} is recorded as a warning instead ({@link #accepting}), and does not block.
 */
public final class PublishGates {

    private static final Logger LOG = LoggerFactory.getLogger(PublishGates.class);
    private static final String NOT_PUBLISHED = "; not published, readers keep the previous warehouse";
    /** The evidence column that says which option accepted a blocking result. */
    static final String ACCEPTED_BY = "accepted_by";

    private final PipelineRuns runs;
    private final String warehouse;

    /**
     * @param runs      where the latest successful load of each file is read, for the volume gate's message
     * @param warehouse the warehouse the build would replace, whose runs are the history
     */
    public PublishGates(PipelineRuns runs, String warehouse) {
        this.runs = Objects.requireNonNull(runs, "runs");
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    /**
     * The results as the run records them: each result of a gate's kind that would block publishing but that
     * {@code acceptance} accepts becomes a warning whose evidence rows name the option ({@value #ACCEPTED_BY});
     * each such acceptance is logged. Every other result is kept as it is, in the same order.
     */
    public static List<CheckResult> accepting(RunId run, List<CheckResult> results, Acceptance acceptance) {
        List<CheckResult> recorded = new ArrayList<>(results.size());
        for (CheckResult result : results) {
            String option = acceptedBy(result, acceptance);
            if (option == null || result.status() != CheckStatus.FAIL) {
                recorded.add(result);
                continue;
            }
            List<Map<String, String>> sample = new ArrayList<>();
            for (Map<String, String> row : result.sample()) {
                Map<String, String> accepted = new LinkedHashMap<>(row);
                accepted.put(ACCEPTED_BY, option);
                sample.add(accepted);
            }
            LOG.warn("run {}: accepted with {}: {}", run, option, result.summary());
            recorded.add(new CheckResult(result.rule(), CheckStatus.WARN, result.rowsChecked(), result.rowsFailed(),
                    result.elapsed(), sample, result.error()));
        }
        return List.copyOf(recorded);
    }

    /**
     * Closes on a blocking result of kind {@link RuleKind#SOURCE_VOLUME}, e.g.
     * {@code olist_orders_dataset.csv has 0 rows (last successful run 12: 99,441); not published, ...}.
     *
     * @return the results looked at
     * @throws PublishBlocked naming the first such file with its figures, and how many more there are
     */
    public long volume(List<CheckResult> results) {
        List<CheckResult> blocking = blocking(results, RuleKind.SOURCE_VOLUME);
        if (!blocking.isEmpty()) {
            CheckResult first = blocking.get(0);
            String cause = first.status() == CheckStatus.ERROR ? first.summary() : volumeCause(first);
            throw new PublishBlocked(cause + more(blocking, "file") + NOT_PUBLISHED + "; use "
                    + Acceptance.ACCEPT_VOLUME_DROP + " to publish it knowingly");
        }
        return results.size();
    }

    /**
     * Closes on any other blocking result: a critical rule that failed or could not run.
     *
     * @return the results looked at
     * @throws PublishBlocked naming the first such rule, and how many more there are
     */
    public static long quality(List<CheckResult> results) {
        List<CheckResult> blocking = results.stream().filter(CheckResult::blocksPublishing)
                .filter(result -> !isGate(result.rule().kind())).toList();
        if (!blocking.isEmpty()) {
            throw new PublishBlocked(blocking.get(0).summary() + more(blocking, "critical rule") + NOT_PUBLISHED);
        }
        return results.size();
    }

    /**
     * Closes on a blocking result of kind {@link RuleKind#PUBLISHED_DRIFT}, giving how many figures of closed
     * months moved and the first of them, e.g. {@code the build changes 2 figures of closed months of the
     * published warehouse beyond 0.5 % or 1: 2017-03 orders 120 -> 60 (-50.00 %), ...}.
     *
     * @return the results looked at
     * @throws PublishBlocked with the figures of the first such rule
     */
    public static long drift(List<CheckResult> results) {
        List<CheckResult> blocking = blocking(results, RuleKind.PUBLISHED_DRIFT);
        if (!blocking.isEmpty()) {
            CheckResult first = blocking.get(0);
            String cause = first.status() == CheckStatus.ERROR ? first.summary() : driftCause(first);
            throw new PublishBlocked(cause + NOT_PUBLISHED + "; use " + Acceptance.ACCEPT_DRIFT
                    + " to publish it knowingly, and olist quality report for every month");
        }
        return results.size();
    }

    /** Whether rules of {@code kind} are judged by a gate of their own rather than by {@link #quality}. */
    public static boolean isGate(RuleKind kind) {
        return kind == RuleKind.SOURCE_VOLUME || kind == RuleKind.PUBLISHED_DRIFT;
    }

    private static String acceptedBy(CheckResult result, Acceptance acceptance) {
        if (result.rule().kind() == RuleKind.SOURCE_VOLUME && acceptance.volumeDrop()) {
            return Acceptance.ACCEPT_VOLUME_DROP;
        }
        if (result.rule().kind() == RuleKind.PUBLISHED_DRIFT && acceptance.drift()) {
            return Acceptance.ACCEPT_DRIFT;
        }
        return null;
    }

    private static List<CheckResult> blocking(List<CheckResult> results, RuleKind kind) {
        return results.stream().filter(result -> result.rule().kind() == kind).filter(CheckResult::blocksPublishing)
                .toList();
    }

    private String volumeCause(CheckResult result) {
        Map<String, String> figures = result.sample().isEmpty() ? Map.of() : result.sample().get(0);
        Optional<PipelineRuns.RecordedLoad> last = QualityChecker.lastLoadOf(runs, warehouse, result.rule());
        String file = last.map(load -> load.load().sourceFile()).orElseGet(() -> sourceFileOf(result.rule().target()));
        long rows = number(figures.get("rows"));
        String history = last.map(load -> "last successful run " + load.run() + ": "
                + grouped(load.load().rowsLoaded())).orElse("no earlier successful run");
        if (rows == 0) {
            return file + " has 0 rows (" + history + ")";
        }
        return file + " has " + grouped(rows) + " rows, " + figures.get("drop_percent") + " % fewer than before ("
                + history + "; a drop of at most " + figures.get("max_drop_percent") + " % is tolerated)";
    }

    /** The source file whose raw table is {@code target} ({@code raw.orders}), or the target when none is. */
    private static String sourceFileOf(String target) {
        return Arrays.stream(SourceTable.values())
                .filter(table -> table.qualifiedTableName().equals(target))
                .map(SourceTable::fileName)
                .findFirst()
                .orElse(target);
    }

    private static String driftCause(CheckResult result) {
        StringBuilder cause = new StringBuilder("the build changes ").append(result.rowsFailed())
                .append(result.rowsFailed() == 1 ? " figure" : " figures")
                .append(" of closed months of the published warehouse beyond ")
                .append(result.rule().parameter("max_change_percent")).append(" % or ")
                .append(result.rule().parameter("min_change")).append(" (").append(result.rule().name()).append(')');
        String separator = ": ";
        for (Map<String, String> row : result.sample().subList(0, Math.min(3, result.sample().size()))) {
            cause.append(separator).append(row.get("month")).append(' ').append(row.get("figure")).append(' ')
                    .append(row.get("published")).append(" -> ").append(row.get("build"));
            if (row.get("change_percent") != null) {
                cause.append(" (").append(row.get("change_percent")).append(" %)");
            }
            separator = ", ";
        }
        if (result.rowsFailed() > 3) {
            cause.append(", ...");
        }
        return cause.toString();
    }

    private static String more(List<CheckResult> blocking, String what) {
        int more = blocking.size() - 1;
        return more == 0 ? "" : " (and " + more + " more " + what + (more > 1 ? "s" : "") + ")";
    }

    private static long number(String text) {
        return text == null ? 0 : Long.parseLong(text.strip());
    }

    private static String grouped(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
