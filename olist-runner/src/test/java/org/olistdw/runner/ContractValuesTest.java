package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunStatus;

/**
 * Values a staging cast could not read (a third decimal of money, a latitude beyond a double, a whole number beyond
 * 32 bits, a date with a separator and no time) are quarantined by the load with their line and reason; the run
 * does not fail on a cast.
 */
class ContractValuesTest {

    @TempDir
    Path work;

    @Test
    void values_staging_cannot_cast_are_quarantined_and_the_run_succeeds() throws Exception {
        Path source = work.resolve("sample");
        Samples.generate(0.005, 11, source);
        // line n of a file is lines.get(n - 1): these files have no quoted line breaks
        set(source.resolve("olist_order_items_dataset.csv"), 4, 5, "10.005");
        set(source.resolve("olist_order_items_dataset.csv"), 6, 1, "99999999999");
        set(source.resolve("olist_geolocation_dataset.csv"), 3, 1, "1e309");
        set(source.resolve("olist_orders_dataset.csv"), 5, 4, "2017-10-02T");
        set(source.resolve("olist_order_payments_dataset.csv"), 3, 3, "99999999999");

        Cli cli = Cli.run(EndToEndTest.args("run", "--source", source.toString(), "--warehouse",
                work.resolve("warehouse.duckdb").toString(), "--work-dir", work.toString()));

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = TestStores.ops().pipelineRuns().recent(1).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        List<QuarantinedRow> rows = TestStores.ops().pipelineRuns().quarantine(run.id()).stream()
                .sorted(Comparator.comparing(QuarantinedRow::sourceFile).thenComparing(QuarantinedRow::lineNumber))
                .toList();
        assertThat(rows).extracting(QuarantinedRow::sourceFile, QuarantinedRow::lineNumber).containsExactly(
                tuple("olist_geolocation_dataset.csv", 3L),
                tuple("olist_order_items_dataset.csv", 4L),
                tuple("olist_order_items_dataset.csv", 6L),
                tuple("olist_order_payments_dataset.csv", 3L),
                tuple("olist_orders_dataset.csv", 5L));
        assertThat(rows).extracting(QuarantinedRow::reason).containsExactly(
                "geolocation_lat: number out of range, was '1e309'",
                "price: not an amount (at most 10 integer digits and 2 decimals), was '10.005'",
                "order_item_id: whole number out of range, was '99999999999'",
                "payment_installments: whole number out of range, was '99999999999'",
                "order_approved_at: not a valid timestamp (expected YYYY-MM-DD HH:MM:SS), was '2017-10-02T'");
        for (QuarantinedRow row : rows) {
            List<String> lines = lines(source.resolve(row.sourceFile()));
            assertThat(row.rawText()).isEqualTo(lines.get((int) row.lineNumber() - 1));
        }
        for (DataLoad load : TestStores.ops().pipelineRuns().loads(run.id())) {
            assertThat(load.rowsRead()).as(load.sourceFile())
                    .isEqualTo(load.rowsLoaded() + load.rowsQuarantined());
        }
        try (Connection c = TestStores.openWarehouse(work.resolve("warehouse.duckdb"))) {
            assertThat(TestStores.count(c, "select count(*) from raw.quarantine")).isEqualTo(5);
        }
    }

    private static void set(Path file, int line, int field, String value) throws IOException {
        List<String> lines = lines(file);
        String[] fields = lines.get(line - 1).split(",", -1);
        fields[field] = value;
        lines.set(line - 1, String.join(",", fields));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static List<String> lines(Path file) throws IOException {
        return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    }
}
