package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.KeyChanges;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The keys a run touches: a small sample, then a copy edited by hand, where each file's new, changed and gone keys
 * are known, run one after the other into one warehouse against a real PostgreSQL and a real DuckDB.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeysTouchedTest {

    private static final String NEW_ORDER = "00000000000000000000000000000a01";
    private static final String NEW_CUSTOMER = "00000000000000000000000000000c01";
    /** A review on one line, without a title or a comment. */
    private static final Pattern PLAIN_REVIEW = Pattern.compile(
            "^\"([0-9a-f]{32})\",\"([0-9a-f]{32})\",([1-5]),,,[^,\"]*,[^,\"]*$");

    @TempDir
    static Path work;

    private static Path sample;
    private static Path edited;
    private static Path warehouse;
    private static PipelineRuns runs;
    /** The orders whose rows the edits change or remove, besides the new one. */
    private static final Set<String> touchedOrders = new HashSet<>();

    @BeforeAll
    static void prepare() throws Exception {
        sample = work.resolve("sample");
        Samples.generate(0.01, 23, sample);
        edited = TestStores.copyOfSample(sample, work, "edited");
        warehouse = work.resolve("warehouse.duckdb");
        runs = TestStores.ops().pipelineRuns();

        // orders: one new (a copy of the first order under a new id and customer), one whose estimated delivery
        // date moves: 1 new, 1 changed
        List<String> orders = lines(SourceTable.ORDERS);
        String[] firstOrder = orders.get(1).split(",", -1);
        String template = firstOrder[0];
        String templateCustomer = firstOrder[1];
        String[] moved = orders.get(2).split(",", -1);
        touchedOrders.add(moved[0]);
        moved[7] = "2031-01-01 00:00:00";
        orders.set(2, String.join(",", moved));
        firstOrder[0] = NEW_ORDER;
        firstOrder[1] = NEW_CUSTOMER;
        orders.add(String.join(",", firstOrder));
        write(SourceTable.ORDERS, orders);

        // items: the new order's item: 1 new
        List<String> items = lines(SourceTable.ORDER_ITEMS);
        String item = items.stream().filter(line -> line.startsWith(template + ",1,")).findFirst().orElseThrow();
        items.add(item.replace(template, NEW_ORDER));
        write(SourceTable.ORDER_ITEMS, items);

        // payments: the new order's payment, and another order's installments changed: 1 new, 1 changed
        List<String> payments = lines(SourceTable.ORDER_PAYMENTS);
        String payment = payments.stream().filter(line -> line.startsWith(template + ",1,")).findFirst().orElseThrow();
        payments.add(payment.replace(template, NEW_ORDER));
        int paid = firstLineOf(payments, line -> !touchedOrders.contains(order(line)) && !line.startsWith(template));
        String[] fields = payments.get(paid).split(",", -1);
        touchedOrders.add(fields[0]);
        fields[3] = Integer.toString(Integer.parseInt(fields[3]) + 1);
        payments.set(paid, String.join(",", fields));
        write(SourceTable.ORDER_PAYMENTS, payments);

        // reviews: one removed, one whose score changes: 1 changed, 1 gone (reviews whose id is used once)
        List<String> reviews = lines(SourceTable.ORDER_REVIEWS);
        Map<String, Long> reviewIds = new java.util.HashMap<>();
        reviews.stream().skip(1).forEach(line -> reviewIds.merge(line.substring(0, Math.min(34, line.length())), 1L,
                Long::sum));
        java.util.function.Predicate<String> plain = line -> {
            var m = PLAIN_REVIEW.matcher(line);
            return m.matches() && !touchedOrders.contains(m.group(2)) && !m.group(2).equals(template)
                    && reviewIds.get(line.substring(0, 34)) == 1;
        };
        int rescored = firstLineOf(reviews, plain);
        var scored = PLAIN_REVIEW.matcher(reviews.get(rescored));
        assertThat(scored.matches()).isTrue();
        touchedOrders.add(scored.group(2));
        int score = Integer.parseInt(scored.group(3));
        String rescoredLine = reviews.get(rescored);
        reviews.remove(rescored);
        int removed = firstLineOf(reviews, plain);
        var gone = PLAIN_REVIEW.matcher(reviews.get(removed));
        assertThat(gone.matches()).isTrue();
        touchedOrders.add(gone.group(2));
        // edited in place: the other lines keep their bytes (line breaks inside comments included)
        Path file = edited.resolve(SourceTable.ORDER_REVIEWS.fileName());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        text = replaceLine(text, rescoredLine, rescoredLine.replaceFirst("\"," + score + ",",
                "\"," + (score % 5 + 1) + ","));
        text = replaceLine(text, reviews.get(removed) + "\n", "");
        Files.writeString(file, text, StandardCharsets.UTF_8);

        // customers: the new order's customer: 1 new
        List<String> customers = lines(SourceTable.CUSTOMERS);
        String customer = customers.stream().filter(line -> line.startsWith("\"" + templateCustomer + "\""))
                .findFirst().orElseThrow();
        customers.add(customer.replace(templateCustomer, NEW_CUSTOMER));
        write(SourceTable.CUSTOMERS, customers);

        touchedOrders.add(NEW_ORDER);
        assertThat(touchedOrders).as("five different orders").hasSize(5);
    }

    private static String replaceLine(String text, String line, String replacement) {
        assertThat(text.indexOf(line)).as(line).isEqualTo(text.lastIndexOf(line)).isNotNegative();
        return text.replace(line, replacement);
    }

    private static String order(String line) {
        return line.substring(0, line.indexOf(','));
    }

    private static int firstLineOf(List<String> lines, java.util.function.Predicate<String> test) {
        for (int i = 1; i < lines.size(); i++) {
            if (test.test(lines.get(i))) {
                return i;
            }
        }
        throw new IllegalStateException("no line found");
    }

    private static List<String> lines(SourceTable table) throws IOException {
        return new ArrayList<>(Files.readAllLines(edited.resolve(table.fileName()), StandardCharsets.UTF_8));
    }

    private static void write(SourceTable table, List<String> lines) throws IOException {
        Files.writeString(edited.resolve(table.fileName()), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    private static Cli run(Path source, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--source", source.toString(), "--warehouse",
                warehouse.toString(), "--work-dir", work.toString(), "--accept-drift"));
        args.addAll(List.of(options));
        return Cli.run(EndToEndTest.args(args.toArray(String[]::new)));
    }

    private static PipelineRun latest() {
        return runs.recent(1).get(0);
    }

    private static JsonNode runsJson() throws Exception {
        Cli cli = Cli.run(EndToEndTest.args("runs", "--json", "--limit", "1", "--work-dir", work.toString()));
        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        return new ObjectMapper().readTree(cli.out()).get(0);
    }

    @Test
    @Order(1)
    void a_full_run_compares_no_key() throws Exception {
        Cli cli = run(sample);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = latest();
        assertThat(runs.mode(run.id())).contains(RunMode.FULL);
        assertThat(runs.keyChanges(run.id())).isEmpty();
        assertThat(runs.ordersAffected(run.id())).isEmpty();
        assertThat(cli.out()).doesNotContain("keys touched");
        JsonNode listed = runsJson();
        assertThat(listed.get("keysTouched").isNull()).isTrue();
        assertThat(listed.get("ordersAffected").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void a_run_over_the_edited_copy_counts_the_keys_each_changed_file_touches() throws Exception {
        Cli cli = run(edited);

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = latest();
        assertThat(runs.mode(run.id())).contains(RunMode.INCREMENTAL);
        assertThat(runs.keyChanges(run.id())).containsOnly(
                Map.entry(SourceTable.ORDERS.fileName(), new KeyChanges(1, 1, 0)),
                Map.entry(SourceTable.ORDER_ITEMS.fileName(), new KeyChanges(1, 0, 0)),
                Map.entry(SourceTable.ORDER_PAYMENTS.fileName(), new KeyChanges(1, 1, 0)),
                Map.entry(SourceTable.ORDER_REVIEWS.fileName(), new KeyChanges(0, 1, 1)),
                Map.entry(SourceTable.CUSTOMERS.fileName(), new KeyChanges(1, 0, 0)));
        assertThat(runs.ordersAffected(run.id())).contains(5L);
        assertThat(cli.out()).contains("keys touched: 8 (4 new, 3 changed, 1 gone) in 5 changed files, 5 orders "
                + "affected");
        JsonNode listed = runsJson();
        assertThat(listed.get("keysTouched").asLong()).isEqualTo(8);
        assertThat(listed.get("ordersAffected").asLong()).isEqualTo(5);
        Cli table = Cli.run(EndToEndTest.args("runs", "--limit", "1", "--work-dir", work.toString()));
        assertThat(table.out()).contains("keys/orders").contains("8/5");
    }

    @Test
    @Order(3)
    void a_forced_full_run_compares_no_key() {
        Cli cli = run(edited, "--full");

        assertThat(cli.exitCode()).as(cli.toString()).isZero();
        PipelineRun run = latest();
        assertThat(runs.mode(run.id())).contains(RunMode.FULL);
        assertThat(runs.keyChanges(run.id())).isEmpty();
        assertThat(runs.ordersAffected(run.id())).isEmpty();
    }
}
