package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;

/**
 * The gates before publishing, end to end on a tiny generated sample against one published warehouse: an empty
 * source file, a source key given twice with different values, an exactly repeated file, and a closed month
 * whose figures move. Each test that publishes something else publishes the clean sample again before it ends.
 */
class PublishGatesTest {

    private static final String ORDERS = "olist_orders_dataset.csv";
    private static final String ITEMS = "olist_order_items_dataset.csv";

    @TempDir
    static Path work;

    private static Path sample;
    private static Path published;

    @BeforeAll
    static void publishAGoodWarehouse() {
        sample = work.resolve("sample");
        published = work.resolve("published.duckdb");
        Samples.generate(0.005, 41, sample);
        Cli good = run(sample);
        assertThat(good.exitCode()).as(good.toString()).isZero();
    }

    @Test
    void a_header_only_orders_file_is_not_published_and_the_message_gives_the_figures() throws Exception {
        String before = sha256(published);
        RunId lastGood = TestStores.ops().pipelineRuns().recent(50).stream()
                .filter(run -> run.status() == RunStatus.SUCCESS).findFirst().orElseThrow().id();
        long orders = dataLines(sample.resolve(ORDERS)).size();
        Path source = copyOfSample("header-only-orders");
        writeLines(source.resolve(ORDERS), List.of(header(source.resolve(ORDERS))));

        Cli cli = run(source);

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lastLine(cli.err())).isEqualTo("olist: run " + lastRun().id() + " failed: " + ORDERS
                + " has 0 rows (last successful run " + lastGood + ": " + String.format(Locale.ROOT, "%,d", orders)
                + "); not published, readers keep the previous warehouse; use --accept-volume-drop to publish it"
                + " knowingly");
        assertThat(sha256(published)).isEqualTo(before);
        PipelineRun run = lastRun();
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        CheckResult volume = result(run, "raw_orders_volume_kept");
        assertThat(volume.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(volume.sample()).containsExactly(Map.of("rows", "0", "last_successful_rows", Long.toString(orders),
                "max_drop_percent", "50", "drop_percent", "100.00", "note", "no rows loaded"));
    }

    @Test
    void a_header_only_orders_file_publishes_when_the_run_accepts_the_drop_and_the_drift_it_causes() throws Exception {
        Path source = copyOfSample("header-only-orders-accepted");
        writeLines(source.resolve(ORDERS), List.of(header(source.resolve(ORDERS))));
        try {
            // accepting the drop alone: every closed month lost its orders, which the drift gate stops next
            Cli dropOnly = run(source, "--accept-volume-drop");
            assertThat(dropOnly.exitCode()).as(dropOnly.toString()).isEqualTo(ExitCodes.RUN_FAILED);
            assertThat(lastLine(dropOnly.err())).contains("the build changes", "of closed months of the published"
                    + " warehouse", "use --accept-drift to publish it knowingly");
            assertThat(result(lastRun(), "raw_orders_volume_kept").status()).isEqualTo(CheckStatus.WARN);

            Cli both = run(source, "--accept-volume-drop", "--accept-drift");

            assertThat(both.exitCode()).as(both.toString()).isZero();
            PipelineRun run = lastRun();
            assertThat(parameters(run.id())).containsEntry("accept_volume_drop", "true")
                    .containsEntry("accept_drift", "true");
            CheckResult volume = result(run, "raw_orders_volume_kept");
            assertThat(volume.status()).isEqualTo(CheckStatus.WARN);
            assertThat(volume.sample()).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("rows", "0").containsEntry("accepted_by", "--accept-volume-drop"));
            assertThat(result(run, "published_closed_months_unchanged").status()).isEqualTo(CheckStatus.WARN);
            try (Connection c = TestStores.openWarehouse(published)) {
                assertThat(TestStores.count(c, "select count(*) from core.fact_orders")).isZero();
            }
        } finally {
            // nothing was published with orders just before: no closed month to compare, the volume grows again
            Cli again = run(sample);
            assertThat(again.exitCode()).as(again.toString()).isZero();
        }
    }

    @Test
    void an_order_id_given_twice_with_another_status_is_critical_and_its_evidence_shows_both_lines() throws Exception {
        String before = sha256(published);
        Path source = copyOfSample("conflicting-order");
        Path orders = source.resolve(ORDERS);
        List<String> lines = new ArrayList<>(Files.readAllLines(orders, StandardCharsets.UTF_8));
        int index = firstLineWith(lines, "delivered");
        String repeated = lines.get(index).replace("delivered", "canceled");
        lines.add(repeated);
        writeLines(orders, lines);
        String orderId = unquoted(lines.get(index).split(",", -1)[0]);
        // file lines count from 1 with the header: the original at index + 1, the repeat last
        String firstLine = Integer.toString(index + 1);
        String repeatLine = Integer.toString(lines.size());

        Cli cli = run(source);

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lastLine(cli.err())).contains("quality rule raw_orders_no_conflicting_keys (critical) failed: 2 of "
                + (lines.size() - 1) + " rows", "not published, readers keep the previous warehouse");
        assertThat(sha256(published)).isEqualTo(before);
        CheckResult conflict = result(lastRun(), "raw_orders_no_conflicting_keys");
        assertThat(conflict.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(conflict.sample()).hasSize(2);
        assertThat(conflict.sample().get(0)).containsEntry("_key", orderId).containsEntry("line", firstLine)
                .containsEntry("differs", "order_status=delivered").containsEntry("order_status", "delivered");
        assertThat(conflict.sample().get(1)).containsEntry("_key", orderId).containsEntry("line", repeatLine)
                .containsEntry("differs", "order_status=canceled").containsEntry("order_status", "canceled");
        assertThat(result(lastRun(), "raw_orders_no_exact_duplicate_lines").rowsFailed()).isZero();
    }

    @Test
    void an_items_file_with_every_line_twice_warns_with_the_lines_and_publishes_the_same_warehouse() throws Exception {
        long facts = factItems();
        Path source = copyOfSample("items-twice");
        Path items = source.resolve(ITEMS);
        List<String> data = dataLines(items);
        List<String> doubled = new ArrayList<>();
        doubled.add(header(items));
        data.forEach(line -> {
            doubled.add(line);
            doubled.add(line);
        });
        writeLines(items, doubled);
        try {
            Cli cli = run(source);

            assertThat(cli.exitCode()).as(cli.toString()).isZero();
            CheckResult exact = result(lastRun(), "raw_order_items_no_exact_duplicate_lines");
            // each data line i (file line i + 2) is repeated on the next line: half the lines repeat one
            assertThat(exact.status()).isEqualTo(CheckStatus.WARN);
            assertThat(exact.rowsChecked()).isEqualTo(2L * data.size());
            assertThat(exact.rowsFailed()).isEqualTo(data.size());
            assertThat(exact.sample()).isNotEmpty();
            for (Map<String, String> row : exact.sample()) {
                assertThat(Long.parseLong(row.get("line"))).isEqualTo(Long.parseLong(row.get("repeats_line")) + 1);
            }
            assertThat(result(lastRun(), "raw_order_items_no_conflicting_keys").status()).isEqualTo(CheckStatus.PASS);
            assertThat(factItems()).isEqualTo(facts);
        } finally {
            Cli again = run(sample);
            assertThat(again.exitCode()).as(again.toString()).isZero();
        }
    }

    @Test
    void a_closed_month_whose_revenue_moves_blocks_with_the_months_figures_unless_the_run_accepts_the_drift()
            throws Exception {
        String before = sha256(published);
        Path source = copyOfSample("price-in-a-closed-month");
        Map<String, String> monthOfDeliveredOrder = new HashMap<>();
        String newestMonth = "";
        for (String line : dataLines(source.resolve(ORDERS))) {
            String[] fields = line.split(",", -1);
            String month = unquoted(fields[3]).substring(0, 7);
            newestMonth = month.compareTo(newestMonth) > 0 ? month : newestMonth;
            if (unquoted(fields[2]).equals("delivered")) {
                monthOfDeliveredOrder.put(unquoted(fields[0]), month);
            }
        }
        Path items = source.resolve(ITEMS);
        List<String> lines = new ArrayList<>(Files.readAllLines(items, StandardCharsets.UTF_8));
        int index = 1;
        String month = null;
        while (month == null) {
            String candidate = monthOfDeliveredOrder.get(unquoted(lines.get(index).split(",", -1)[0]));
            if (candidate != null && candidate.compareTo(newestMonth) < 0) {
                month = candidate;
            } else {
                index++;
            }
        }
        String[] fields = lines.get(index).split(",", -1);
        BigDecimal delta = new BigDecimal("9999.00").subtract(new BigDecimal(unquoted(fields[5])));
        fields[5] = "9999.00";
        lines.set(index, String.join(",", fields));
        writeLines(items, lines);
        BigDecimal publishedRevenue = monthFigure(month, "revenue");
        BigDecimal publishedGmv = monthFigure(month, "gross_merchandise_value");

        try {
            Cli blocked = run(source);

            assertThat(blocked.exitCode()).as(blocked.toString()).isEqualTo(ExitCodes.RUN_FAILED);
            assertThat(lastLine(blocked.err())).contains("the build changes 2 figures of closed months of the published"
                    + " warehouse beyond 0.5 % or 1 (published_closed_months_unchanged): " + month + " revenue "
                    + publishedRevenue + " -> " + publishedRevenue.add(delta), "not published, readers keep the"
                    + " previous warehouse; use --accept-drift to publish it knowingly");
            assertThat(sha256(published)).isEqualTo(before);
            CheckResult drift = result(lastRun(), "published_closed_months_unchanged");
            assertThat(drift.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(drift.rowsFailed()).isEqualTo(2);
            assertThat(drift.sample()).containsExactly(
                    Map.of("month", month, "figure", "revenue", "published", publishedRevenue.toPlainString(),
                            "build", publishedRevenue.add(delta).toPlainString(), "change", delta.toPlainString(),
                            "change_percent", percent(delta, publishedRevenue)),
                    Map.of("month", month, "figure", "gross_merchandise_value", "published", publishedGmv.toPlainString(),
                            "build", publishedGmv.add(delta).toPlainString(), "change", delta.toPlainString(),
                            "change_percent", percent(delta, publishedGmv)));

            Cli accepted = run(source, "--accept-drift");

            assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
            assertThat(parameters(lastRun().id())).containsEntry("accept_drift", "true")
                    .doesNotContainKey("accept_volume_drop");
            CheckResult warned = result(lastRun(), "published_closed_months_unchanged");
            assertThat(warned.status()).isEqualTo(CheckStatus.WARN);
            assertThat(warned.sample()).allSatisfy(row -> assertThat(row).containsEntry("accepted_by", "--accept-drift"));
            assertThat(monthFigure(month, "revenue")).isEqualByComparingTo(publishedRevenue.add(delta));
            Cli report = Cli.run(EndToEndTest.args("quality", "report"));
            assertThat(report.out()).contains("published_closed_months_unchanged");
        } finally {
            Cli again = run(sample, "--accept-drift");
            assertThat(again.exitCode()).as(again.toString()).isZero();
        }
    }

    @Test
    void a_closed_month_moved_by_cancellations_of_its_open_orders_is_published_with_a_warning_that_lists_it()
            throws Exception {
        Path source = copyOfSample("cancellations-in-a-closed-month");
        Path orders = source.resolve(ORDERS);
        List<String> lines = new ArrayList<>(Files.readAllLines(orders, StandardCharsets.UTF_8));
        Map<String, List<Integer>> openByMonth = new HashMap<>();
        String newestMonth = "";
        for (int i = 1; i < lines.size(); i++) {
            String[] fields = lines.get(i).split(",", -1);
            String month = unquoted(fields[3]).substring(0, 7);
            newestMonth = month.compareTo(newestMonth) > 0 ? month : newestMonth;
            if (!List.of("delivered", "canceled", "unavailable").contains(unquoted(fields[2]))) {
                openByMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(i);
            }
        }
        String closed = newestMonth;
        Map.Entry<String, List<Integer>> month = openByMonth.entrySet().stream()
                .filter(entry -> entry.getKey().compareTo(closed) < 0)
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(List::size))).orElseThrow();
        assertThat(month.getValue()).as("open orders of a closed month of the sample").hasSizeGreaterThanOrEqualTo(2);
        for (int index : month.getValue()) {
            String[] fields = lines.get(index).split(",", -1);
            fields[2] = fields[2].replace(unquoted(fields[2]), "canceled");
            lines.set(index, String.join(",", fields));
        }
        writeLines(orders, lines);
        BigDecimal publishedOrders = monthFigure(month.getKey(), "orders");

        try {
            Cli published = run(source);

            assertThat(published.exitCode()).as(published.toString()).isZero();
            assertThat(parameters(lastRun().id())).doesNotContainKey("accept_drift");
            assertThat(result(lastRun(), "published_closed_months_unchanged").status()).isEqualTo(CheckStatus.PASS);
            CheckResult late = result(lastRun(), "published_closed_months_moved_by_late_changes");
            assertThat(late.status()).isEqualTo(CheckStatus.WARN);
            BigDecimal canceled = BigDecimal.valueOf(month.getValue().size());
            assertThat(late.sample()).contains(Map.of("month", month.getKey(), "figure", "orders",
                    "published", publishedOrders.toPlainString(),
                    "build", publishedOrders.subtract(canceled).toPlainString(),
                    "change", canceled.negate().toPlainString(), "change_percent", percent(canceled.negate(),
                            publishedOrders)));
            assertThat(late.sample()).extracting(row -> row.get("month")).containsOnly(month.getKey());
            assertThat(monthFigure(month.getKey(), "orders")).isEqualByComparingTo(publishedOrders.subtract(canceled));
        } finally {
            Cli again = run(sample);
            assertThat(again.exitCode()).as(again.toString()).isZero();
        }
    }

    // --------------------------------------------------------------------------------------------------------

    private static String percent(BigDecimal change, BigDecimal published) {
        return change.multiply(BigDecimal.valueOf(100)).divide(published, 2, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    private static BigDecimal monthFigure(String month, String figure) throws Exception {
        try (Connection c = TestStores.openWarehouse(published);
             PreparedStatement query = c.prepareStatement("select " + figure + " from mart.mart_executive_dashboard"
                     + " where period_grain = 'month' and strftime(period_start, '%Y-%m') = ?")) {
            query.setString(1, month);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as(month).isTrue();
                return rs.getBigDecimal(1);
            }
        }
    }

    private static long factItems() throws Exception {
        try (Connection c = TestStores.openWarehouse(published)) {
            return TestStores.count(c, "select count(*) from core.fact_order_items");
        }
    }

    private static Map<String, String> parameters(RunId run) throws Exception {
        Map<String, String> parameters = new HashMap<>();
        try (Connection c = DriverManager.getConnection(TestStores.postgres().jdbcUrl(), TestStores.postgres().user(),
                TestStores.postgres().password());
             PreparedStatement query = c.prepareStatement("select key, value from etl_orchestration.pipeline_runs,"
                     + " jsonb_each_text(parameters) where run_id = ?")) {
            query.setLong(1, run.value());
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    parameters.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return parameters;
    }

    private static int firstLineWith(List<String> lines, String text) {
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new IllegalStateException("no line with " + text);
    }

    private static String unquoted(String field) {
        return field.replace("\"", "");
    }

    private static String header(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
    }

    private static List<String> dataLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return List.copyOf(lines.subList(1, lines.size()));
    }

    private static void writeLines(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static CheckResult result(PipelineRun run, String rule) {
        return TestStores.ops().qualityResults().results(run.id()).stream()
                .filter(result -> result.rule().name().equals(rule)).findFirst().orElseThrow();
    }

    private static Cli run(Path source, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--source", source.toString(), "--warehouse",
                published.toString(), "--work-dir", work.toString()));
        args.addAll(List.of(options));
        return Cli.run(EndToEndTest.args(args.toArray(String[]::new)));
    }

    private static PipelineRun lastRun() {
        return TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Path copyOfSample(String name) throws IOException {
        return TestStores.copyOfSample(sample, work, name);
    }
}
