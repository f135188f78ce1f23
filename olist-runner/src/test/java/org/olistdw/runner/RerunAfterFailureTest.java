package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunStatus;

/**
 * A rerun after a failed run: the failed build is kept, and the files that did not change since the failed run
 * are carried over from it, the others from the published warehouse or read again. Checked end to end on a tiny
 * generated sample: published, then a run that fails on a repeated order id while its payments file differs from
 * the published one, then the rerun with the orders repaired.
 */
class RerunAfterFailureTest {

    private static final String ORDERS = "olist_orders_dataset.csv";
    private static final String PAYMENTS = "olist_order_payments_dataset.csv";

    @TempDir
    Path work;

    @Test
    void files_unchanged_since_the_failed_run_are_carried_over_from_its_kept_build() throws Exception {
        Path published = work.resolve("warehouse.duckdb");
        Path kept = work.resolve("warehouse.duckdb.failed");
        Path sample = Samples.generate(0.005, 43, work.resolve("sample"));
        Cli first = run(sample, published);
        assertThat(first.exitCode()).as(first.toString()).isZero();
        RunId publishedRun = lastRun().id();

        // the payments file changes (one payment in two installments instead of one) and an order id repeats
        Path broken = TestStores.copyOfSample(sample, work, "broken");
        List<String> payments = new ArrayList<>(Files.readAllLines(broken.resolve(PAYMENTS), StandardCharsets.UTF_8));
        int payment = 1;
        while (!payments.get(payment).split(",", -1)[3].replace("\"", "").equals("1")) {
            payment++;
        }
        String[] fields = payments.get(payment).split(",", -1);
        fields[3] = fields[3].replace("1", "2");
        payments.set(payment, String.join(",", fields));
        Files.write(broken.resolve(PAYMENTS), payments, StandardCharsets.UTF_8);
        String paymentOrder = fields[0].replace("\"", "");
        List<String> orders = new ArrayList<>(Files.readAllLines(broken.resolve(ORDERS), StandardCharsets.UTF_8));
        orders.add(orders.get(1).replace("delivered", "canceled").replace("shipped", "canceled"));
        Files.write(broken.resolve(ORDERS), orders, StandardCharsets.UTF_8);

        Cli failed = run(broken, published);
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        RunId failedRun = lastRun().id();
        assertThat(lastRun().status()).isEqualTo(RunStatus.FAILED);
        assertThat(kept).as("the failed build is kept").exists();
        assertThat(carriedFrom(failedRun)).as("the failed run read the two changed files, carried the others")
                .containsEntry(ORDERS, "read").containsEntry(PAYMENTS, "read")
                .containsEntry("olist_order_items_dataset.csv", publishedRun.toString());

        // the orders are repaired: the same bytes as published; the payments are as the failed run loaded them
        Path repaired = TestStores.copyOfSample(broken, work, "repaired");
        Files.copy(sample.resolve(ORDERS), repaired.resolve(ORDERS), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Cli rerun = run(repaired, published);
        assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
        RunId rerunId = lastRun().id();
        Map<String, String> from = carriedFrom(rerunId);
        assertThat(from).as("nothing read again").doesNotContainValue("read").hasSize(9)
                .containsEntry(PAYMENTS, failedRun.toString()).containsEntry(ORDERS, publishedRun.toString());
        assertThat(rerun.out()).contains("run " + rerunId + " succeeded", "(9 unchanged files carried over: 8 from run "
                + publishedRun + ", 1 from run " + failedRun + ")");
        assertThat(kept).as("a published build ends the kept failed one").doesNotExist();

        try (Connection c = TestStores.openWarehouse(published)) {
            assertThat(TestStores.count(c, "select max(payment_installments) from core.fact_payments"
                    + " where order_id = '" + paymentOrder + "' and payment_sequential = " + fields[1].replace("\"", "")))
                    .as("the payment as the repaired source gives it").isEqualTo(2);
            assertThat(TestStores.count(c, "select count(*) from core.fact_payments"))
                    .isEqualTo(payments.size() - 1L);
            assertThat(TestStores.count(c, "select count(*) from core.fact_orders")).isEqualTo(orders.size() - 2L);
            assertThat(TestStores.count(c, "select count(distinct _run_id) from raw.order_payments"))
                    .as("the lineage names the run that read the payments").isEqualTo(1);
            assertThat(TestStores.count(c, "select min(_run_id) from raw.order_payments")).isEqualTo(failedRun.value());
        }
    }

    /** Per file of a run: the run its load was carried over from, or "read". */
    private static Map<String, String> carriedFrom(RunId run) {
        Map<String, String> from = new TreeMap<>();
        for (DataLoad load : TestStores.ops().pipelineRuns().loads(run)) {
            from.put(load.sourceFile(), load.carriedOverFrom().map(RunId::toString).orElse("read"));
        }
        return from;
    }

    private static PipelineRun lastRun() {
        return TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    private Cli run(Path source, Path published) {
        return Cli.run(EndToEndTest.args("run", "--source", source.toString(), "--warehouse", published.toString(),
                "--work-dir", work.toString()));
    }
}
