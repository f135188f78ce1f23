package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Bad input gets a clear error or a quarantine row, the failure is recorded in PostgreSQL, and the
 * previously published warehouse keeps answering queries.
 */
class BadInputTest {

    @TempDir
    static Path work;

    private static Path sample;
    private static Path published;
    private static long publishedItems;

    @BeforeAll
    static void publishAGoodWarehouse() throws Exception {
        sample = work.resolve("sample");
        published = work.resolve("published.duckdb");
        Samples.generate(0.005, 11, sample);
        Cli good = run(sample, published);
        assertThat(good.exitCode()).as(good.toString()).isZero();
        publishedItems = countItems(published);
        assertThat(publishedItems).isPositive();
    }

    @Test
    void a_missing_file_fails_the_run_naming_the_file_and_keeps_the_published_warehouse() throws Exception {
        Path source = copyOfSample("missing-file");
        Files.delete(source.resolve("olist_orders_dataset.csv"));

        Cli cli = run(source, published);

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lastLine(cli.err())).contains("failed", "missing source file olist_orders_dataset.csv");
        PipelineRun recorded = lastRun();
        assertThat(recorded.status()).isEqualTo(RunStatus.FAILED);
        assertThat(recorded.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("olist_orders_dataset.csv"));
        assertPublishedWarehouseUnchanged();
    }

    @Test
    void a_missing_directory_fails_the_run_with_one_line() throws Exception {
        Cli cli = run(work.resolve("no-such-dir"), published);

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lastLine(cli.err())).contains("source directory does not exist", "no-such-dir");
        assertThat(lastRun().status()).isEqualTo(RunStatus.FAILED);
        assertPublishedWarehouseUnchanged();
    }

    @Test
    void a_wrong_header_fails_the_run_naming_expected_and_found_columns() throws Exception {
        Path source = copyOfSample("wrong-header");
        Path items = source.resolve("olist_order_items_dataset.csv");
        List<String> lines = lines(items);
        lines.set(0, lines.get(0).replace("price", "prize"));
        write(items, lines);

        Cli cli = run(source, published);

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        String cause = lastLine(cli.err());
        assertThat(cause).contains("olist_order_items_dataset.csv", "missing columns [price]",
                "unexpected columns [prize]", "expected [order_id, order_item_id", "found [order_id, order_item_id");
        assertThat(lastRun().errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("missing columns [price]"));
        assertPublishedWarehouseUnchanged();
    }

    @Test
    void a_file_that_is_not_utf8_fails_the_run() throws Exception {
        Path source = copyOfSample("latin1");
        Path customers = source.resolve("olist_customers_dataset.csv");
        byte[] bytes = Files.readAllBytes(customers);
        byte[] broken = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, broken, 0, bytes.length);
        broken[bytes.length] = (byte) 0xE3; // 'ã' in ISO-8859-1, invalid on its own in UTF-8
        Files.write(customers, broken);

        Cli cli = run(source, published);

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lastLine(cli.err())).contains("olist_customers_dataset.csv is not valid UTF-8");
        assertPublishedWarehouseUnchanged();
    }

    @Test
    void a_truncated_line_is_quarantined_with_its_file_line_text_and_reason() throws Exception {
        Path source = copyOfSample("truncated");
        Path items = source.resolve("olist_order_items_dataset.csv");
        List<String> lines = lines(items);
        String original = lines.get(2);
        String truncated = String.join(",", List.of(original.split(",")).subList(0, 3));
        lines.set(2, truncated);
        write(items, lines);
        Path target = work.resolve("truncated.duckdb");

        Cli cli = run(source, target);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        assertThat(cli.out()).contains("1 quarantined");
        QuarantinedRow row = onlyQuarantinedRow();
        assertThat(row.sourceFile()).isEqualTo("olist_order_items_dataset.csv");
        assertThat(row.lineNumber()).isEqualTo(3);
        assertThat(row.rawText()).isEqualTo(truncated);
        assertThat(row.reason()).contains("expected 7 fields, found 3");
        DataLoad load = loadOf("olist_order_items_dataset.csv");
        long dataRows = lines.size() - 1;
        assertThat(load.rowsRead()).isEqualTo(dataRows);
        assertThat(load.rowsLoaded()).isEqualTo(dataRows - 1);
        assertThat(load.rowsQuarantined()).isOne();
        try (Connection c = TestStores.openWarehouse(target)) {
            assertThat(TestStores.count(c, "select count(*) from raw.order_items")).isEqualTo(dataRows - 1);
            assertThat(TestStores.count(c, "select count(*) from raw.quarantine where source_file = "
                    + "'olist_order_items_dataset.csv' and line_number = 3")).isOne();
        }
    }

    @Test
    void a_non_numeric_price_is_quarantined_naming_the_column_and_value() throws Exception {
        Path source = copyOfSample("bad-price");
        Path items = source.resolve("olist_order_items_dataset.csv");
        List<String> lines = lines(items);
        String[] fields = lines.get(4).split(",", -1);
        fields[5] = "125O"; // a letter O typed for a zero
        lines.set(4, String.join(",", fields));
        write(items, lines);

        Cli cli = run(source, work.resolve("bad-price.duckdb"));

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        QuarantinedRow row = onlyQuarantinedRow();
        assertThat(row.lineNumber()).isEqualTo(5);
        assertThat(row.reason()).contains("price", "not a number", "125O");
        assertThat(loadOf("olist_order_items_dataset.csv").rowsQuarantined()).isOne();
    }

    @Test
    void an_invalid_date_is_quarantined_naming_the_column() throws Exception {
        Path source = copyOfSample("bad-date");
        Path orders = source.resolve("olist_orders_dataset.csv");
        List<String> lines = lines(orders);
        String[] fields = lines.get(1).split(",", -1);
        fields[3] = "2017-13-45 10:00:00";
        lines.set(1, String.join(",", fields));
        write(orders, lines);

        Cli cli = run(source, work.resolve("bad-date.duckdb"));

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        QuarantinedRow row = onlyQuarantinedRow();
        assertThat(row.sourceFile()).isEqualTo("olist_orders_dataset.csv");
        assertThat(row.lineNumber()).isEqualTo(2);
        assertThat(row.reason()).contains("order_purchase_timestamp", "2017-13-45 10:00:00");
        DataLoad load = loadOf("olist_orders_dataset.csv");
        assertThat(load.rowsRead()).isEqualTo(load.rowsLoaded() + load.rowsQuarantined());
    }

    @Test
    void an_unreachable_postgres_gives_a_one_line_cause_and_exit_code_3() throws Exception {
        Cli cli = Cli.run("run", "--source", sample.toString(), "--warehouse", published.toString(),
                "--work-dir", work.toString(), "--ops-url", "jdbc:postgresql://127.0.0.1:1/olist",
                "--ops-user", "nobody", "--ops-password", "none");

        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
        assertThat(cli.err().strip().lines()).hasSize(1);
        assertThat(cli.err()).contains("127.0.0.1:1");
        assertPublishedWarehouseUnchanged();
    }

    @Test
    void a_stray_quote_and_a_nul_byte_in_reviews_cost_one_row_each_and_the_run_publishes_with_a_warning()
            throws Exception {
        Path source = copyOfSample("stray-quote");
        Path reviews = source.resolve("olist_order_reviews_dataset.csv");
        long originalRows = TestCsv.rows(reviews).size(); // an independent reading of the untouched file
        String stray = "stray01,order01,5,,\"a stray quote,2018-01-18 00:00:00,2018-01-18 21:46:59";
        String nul = "nul01,order02,4,,bad\u0000text,2018-01-18 00:00:00,2018-01-18 21:46:59";
        insertAfterHeader(reviews, stray + "\n" + nul + "\n");
        Path target = work.resolve("stray-quote.duckdb");

        Cli cli = run(source, target);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun recorded = lastRun();
        assertThat(recorded.status()).isEqualTo(RunStatus.SUCCESS);
        List<QuarantinedRow> rows = TestStores.ops().pipelineRuns().quarantine(recorded.id());
        assertThat(rows).containsExactly(
                new QuarantinedRow("olist_order_reviews_dataset.csv", 2, stray,
                        "review_comment_message: unterminated quoted field (the quote opens on line 2)"),
                new QuarantinedRow("olist_order_reviews_dataset.csv", 3, "nul01,order02,4,,bad\\0text,"
                        + "2018-01-18 00:00:00,2018-01-18 21:46:59",
                        "review_comment_message: contains a NUL byte (\\0) at column 4, was 'bad\\0text'"));
        DataLoad load = loadOf("olist_order_reviews_dataset.csv");
        assertThat(load.rowsRead()).isEqualTo(originalRows + 2);
        assertThat(load.rowsLoaded()).isEqualTo(originalRows);
        assertThat(load.rowsQuarantined()).isEqualTo(2);
        String share = String.format(java.util.Locale.ROOT, "%.2f", 200.0 / (originalRows + 2));
        assertThat(cli.out()).contains("warning: olist_order_reviews_dataset.csv: 2 of "
                + String.format(java.util.Locale.ROOT, "%,d", originalRows + 2) + " rows quarantined (" + share
                + " %, limit 1 %)");
        try (Connection c = TestStores.openWarehouse(target)) {
            assertThat(TestStores.count(c, "select count(*) from raw.order_reviews")).isEqualTo(originalRows);
        }
    }

    @Test
    void more_quarantined_rows_than_the_limit_fail_the_run_naming_the_file_the_share_and_the_first_reasons()
            throws Exception {
        Path source = copyOfSample("too-many-rejects");
        Path items = source.resolve("olist_order_items_dataset.csv");
        List<String> lines = lines(items);
        int garbage = 0;
        for (int i = lines.size() - 1; i >= 1; i -= 25) { // every 25th line: 4 % of the rows
            lines.set(i, "#garbage; \"" + i + " not a row");
            garbage++;
        }
        write(items, lines);
        long rows = lines.size() - 1;

        Cli failed = run(source, published, "--max-reject-percent", "3.5");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        String share = String.format(java.util.Locale.ROOT, "%.2f", 100.0 * garbage / rows);
        int firstLine = lines.size() - 1 - 25 * (garbage - 1) + 1; // the garbage line nearest the top, 1-based
        String of = garbage + " of " + String.format(java.util.Locale.ROOT, "%,d", rows);
        assertThat(lastLine(failed.err())).contains("olist_order_items_dataset.csv: " + of + " rows quarantined (" + share + " %, limit 3.5 %); first reasons: line " + firstLine + " ");
        PipelineRun recorded = lastRun();
        assertThat(recorded.status()).isEqualTo(RunStatus.FAILED);
        assertThat(recorded.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("limit 3.5 %"));
        assertPublishedWarehouseUnchanged();

        Cli allowed = run(source, work.resolve("too-many-rejects.duckdb"), "--max-reject-percent", "5");

        assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
        assertThat(allowed.out()).contains("warning: olist_order_items_dataset.csv: " + of + " rows quarantined (" + share + " %, limit 5 %)");
        assertThat(loadOf("olist_order_items_dataset.csv").rowsQuarantined()).isEqualTo(garbage);
    }

    @Test
    void a_reject_limit_outside_0_to_100_is_a_wrong_command_line() {
        Cli cli = run(sample, published, "--max-reject-percent", "150");

        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--max-reject-percent must be 0..100");
    }

    @Test
    void a_symbolic_link_loop_and_cr_only_line_ends_get_short_messages_of_their_own() throws Exception {
        Path looping = copyOfSample("symlink-loop");
        Path sellers = looping.resolve("olist_sellers_dataset.csv");
        Files.delete(sellers);
        Files.createSymbolicLink(sellers, looping.resolve("loop.csv"));
        Files.createSymbolicLink(looping.resolve("loop.csv"), sellers);

        Cli loop = run(looping, published);

        assertThat(loop.exitCode()).as(loop.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lastLine(loop.err())).contains("olist_sellers_dataset.csv in ", "is a symbolic link loop")
                .doesNotContain("missing");

        Path mac = copyOfSample("cr-only");
        Path orders = mac.resolve("olist_orders_dataset.csv");
        Files.writeString(orders, String.join("\r", lines(orders)));

        Cli cr = run(mac, published);

        assertThat(cr.exitCode()).as(cr.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        String cause = lastLine(cr.err());
        assertThat(cause).contains("olist_orders_dataset.csv", "CR-only line ends");
        assertThat(cause.length()).isLessThan(400);
        assertPublishedWarehouseUnchanged();
    }

    private static void insertAfterHeader(Path file, String text) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int headerEnd = 0;
        while (bytes[headerEnd] != '\n') {
            headerEnd++;
        }
        byte[] inserted = text.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bytes.length + inserted.length];
        System.arraycopy(bytes, 0, all, 0, headerEnd + 1);
        System.arraycopy(inserted, 0, all, headerEnd + 1, inserted.length);
        System.arraycopy(bytes, headerEnd + 1, all, headerEnd + 1 + inserted.length, bytes.length - headerEnd - 1);
        Files.write(file, all);
    }

    private static Cli run(Path source, Path warehouse, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--source", source.toString(), "--warehouse",
                warehouse.toString(), "--work-dir", work.toString()));
        args.addAll(List.of(more));
        return Cli.run(EndToEndTest.args(args.toArray(String[]::new)));
    }

    private static Cli run(Path source, Path warehouse) {
        return Cli.run(EndToEndTest.args("run", "--source", source.toString(), "--warehouse", warehouse.toString(),
                "--work-dir", work.toString()));
    }

    private static void assertPublishedWarehouseUnchanged() throws Exception {
        assertThat(countItems(published)).isEqualTo(publishedItems);
    }

    private static long countItems(Path file) throws Exception {
        try (Connection c = TestStores.openWarehouse(file)) {
            return TestStores.count(c, "select count(*) from core.fact_order_items");
        }
    }

    private static PipelineRun lastRun() {
        return TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    private static QuarantinedRow onlyQuarantinedRow() {
        PipelineRun run = lastRun();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        List<QuarantinedRow> rows = TestStores.ops().pipelineRuns().quarantine(run.id());
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static DataLoad loadOf(String file) {
        PipelineRuns runs = TestStores.ops().pipelineRuns();
        return runs.loads(lastRun().id()).stream().filter(l -> l.sourceFile().equals(file)).findFirst().orElseThrow();
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static Path copyOfSample(String name) throws IOException {
        return TestStores.copyOfSample(sample, work, name);
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    private static void write(Path file, List<String> lines) throws IOException {
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
