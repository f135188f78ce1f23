package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The life of a published warehouse through the command line, on real DuckDB and PostgreSQL: three good publishes
 * and a bad one (a sample with about half the orders, which passes every gate) keeping three warehouses, the
 * listing, a rollback to the good figures, a refused rollback, and a foreign write-ahead log mended by a rollback.
 * The cases run in order, each starting from the state the one before left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VersionsAndRollbackTest {

    @TempDir
    static Path work;

    private static Path good;
    private static Path warehouse;
    private static Counts goodCounts;
    private static Counts halfCounts;
    private static final List<Long> published = new ArrayList<>();

    /** Orders, people with an order, and order items of a sample, from a reading of its files of our own. */
    record Counts(long orders, long customers, long orderItems) {

        static Counts of(Path sample) throws IOException {
            List<List<String>> orders = TestCsv.rows(sample.resolve(SourceTable.ORDERS.fileName()));
            List<List<String>> customers = TestCsv.rows(sample.resolve(SourceTable.CUSTOMERS.fileName()));
            List<List<String>> items = TestCsv.rows(sample.resolve(SourceTable.ORDER_ITEMS.fileName()));
            int orderId = SourceTable.ORDERS.header().indexOf("order_id");
            int orderCustomer = SourceTable.ORDERS.header().indexOf("customer_id");
            int customerId = SourceTable.CUSTOMERS.header().indexOf("customer_id");
            int person = SourceTable.CUSTOMERS.header().indexOf("customer_unique_id");
            Set<String> buyers = orders.stream().map(row -> row.get(orderCustomer)).collect(Collectors.toSet());
            return new Counts(orders.stream().map(row -> row.get(orderId)).distinct().count(),
                    customers.stream().filter(row -> buyers.contains(row.get(customerId)))
                            .map(row -> row.get(person)).distinct().count(),
                    items.size());
        }

        static Counts of(JsonNode version) {
            return new Counts(version.get("orders").asLong(), version.get("customers").asLong(),
                    version.get("orderItems").asLong());
        }

        static Counts ofWarehouse(Path file) throws Exception {
            try (Connection c = TestStores.openWarehouse(file)) {
                return new Counts(TestStores.count(c, "select count(*) from core.fact_orders"),
                        TestStores.count(c, "select count(distinct customer_unique_id) from core.fact_orders"
                                + " join core.dim_customer using (customer_key) where customer_key <> -1"),
                        TestStores.count(c, "select count(*) from core.fact_order_items"));
            }
        }
    }

    @BeforeAll
    static void publishThreeGoodRunsAndABadOne() throws Exception {
        good = Samples.generate(0.005, 11, work.resolve("good"));
        Path half = Samples.generate(0.0025, 11, work.resolve("half"));
        goodCounts = Counts.of(good);
        halfCounts = Counts.of(half);
        assertThat(halfCounts.orders()).isBetween(goodCounts.orders() / 3, goodCounts.orders() * 2 / 3);
        warehouse = work.resolve("warehouse.duckdb");
        for (Path sample : List.of(good, good, good, half)) {
            // the half sample is a bad publish let through knowingly: the volume and drift gates would stop it
            Cli run = sample == half
                    ? olist("run", "--source", sample.toString(), "--keep-versions", "3", "--accept-volume-drop",
                            "--accept-drift")
                    : olist("run", "--source", sample.toString(), "--keep-versions", "3", "--full");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            published.add(lastRun().id().value());
        }
    }

    private static Cli olist(String... command) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of("--work-dir", work.toString(), "--warehouse", work.resolve("warehouse.duckdb").toString()));
        if (!command[0].equals("versions")) {
            all.addAll(List.of(TestStores.opsArgs()));
        }
        return Cli.run(all.toArray(String[]::new));
    }

    private static PipelineRun lastRun() {
        return TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    private static List<String> kept() throws IOException {
        try (Stream<Path> files = Files.list(work.resolve("warehouse.duckdb.versions"))) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static long publishedRun() throws Exception {
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            return TestStores.count(c, "select run_id from raw.build");
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static List<String> lines(String text) {
        return text.lines().filter(line -> !line.isBlank()).toList();
    }

    /** The newest audit entry of a rollback: status, actor, from run, to run, path. */
    private static List<String> lastRollbackAudit() throws Exception {
        LocalPostgres pg = TestStores.postgres();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select status, details->>'actor', details->>'from_run',"
                     + " details->>'to_run', details->>'path', resource_type from security_audit.audit_logs"
                     + " where action = 'warehouse.rollback' order by log_id desc limit 1")) {
            assertThat(rs.next()).as("an audited rollback").isTrue();
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                row.add(rs.getString(i));
            }
            return row;
        }
    }

    @Test
    @Order(1)
    void four_publishes_keeping_three_leave_the_published_warehouse_and_the_two_it_replaced_named_by_run()
            throws Exception {
        assertThat(kept()).containsExactlyInAnyOrder("run-" + published.get(1) + ".duckdb",
                "run-" + published.get(2) + ".duckdb");
        assertThat(publishedRun()).isEqualTo(published.get(3));
        assertThat(Counts.ofWarehouse(warehouse)).isEqualTo(halfCounts);
    }

    @Test
    @Order(2)
    void versions_lists_the_published_warehouse_then_the_kept_ones_with_the_samples_counts() throws Exception {
        String before = sha256(warehouse);

        Cli json = olist("versions", "--json");
        Cli table = olist("versions");

        assertThat(json.exitCode()).as(json.toString()).isZero();
        JsonNode listed = new ObjectMapper().readTree(json.out());
        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).get("runId").asLong()).isEqualTo(published.get(3));
        assertThat(listed.get(0).get("current").asBoolean()).isTrue();
        assertThat(listed.get(0).get("file").asText()).isEqualTo(warehouse.toAbsolutePath().toString());
        assertThat(listed.get(0).get("sizeBytes").asLong()).isEqualTo(Files.size(warehouse));
        assertThat(Counts.of(listed.get(0))).isEqualTo(halfCounts);
        for (int i = 1; i <= 2; i++) {
            assertThat(listed.get(i).get("runId").asLong()).isEqualTo(published.get(3 - i));
            assertThat(listed.get(i).get("current").asBoolean()).isFalse();
            assertThat(Counts.of(listed.get(i))).isEqualTo(goodCounts);
            assertThat(listed.get(i).get("problem").isNull()).isTrue();
        }
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(lines(table.out())).hasSize(4);
        assertThat(lines(table.out()).get(1)).startsWith("*").contains(" " + published.get(3) + " ",
                Console.count(halfCounts.orders()), warehouse.toAbsolutePath().toString());
        assertThat(lines(table.out()).get(2)).startsWith(" ").contains(" " + published.get(2) + " ",
                Console.count(goodCounts.orderItems()));
        assertThat(sha256(warehouse)).as("listing opens the published warehouse read-only").isEqualTo(before);
    }

    @Test
    @Order(3)
    void a_rollback_after_a_bad_publish_restores_the_good_figures_keeps_the_bad_one_and_is_audited()
            throws Exception {
        Cli rollback = olist("rollback");

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(rollback.out()).contains("from run " + published.get(3) + " to run " + published.get(2));
        assertThat(publishedRun()).isEqualTo(published.get(2));
        assertThat(Counts.ofWarehouse(warehouse)).isEqualTo(goodCounts);
        assertThat(kept()).containsExactlyInAnyOrder("run-" + published.get(1) + ".duckdb",
                "run-" + published.get(3) + ".duckdb");
        assertThat(lastRollbackAudit()).containsExactly("success", System.getProperty("user.name"),
                published.get(3).toString(), published.get(2).toString(), warehouse.toAbsolutePath().toString(),
                "warehouse");
    }

    @Test
    @Order(4)
    void a_rollback_to_a_run_not_kept_is_refused_in_one_line_changes_nothing_and_is_audited_as_a_failure()
            throws Exception {
        String before = sha256(warehouse);

        Cli refused = olist("rollback", "--to", "999999");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(lines(refused.err())).hasSize(1);
        assertThat(refused.err()).contains("run 999999 is not a kept version of " + warehouse.toAbsolutePath(),
                "(kept: " + published.get(3) + ", " + published.get(1) + ")");
        assertThat(sha256(warehouse)).isEqualTo(before);
        assertThat(lastRollbackAudit().get(0)).isEqualTo("failure");
    }

    @Test
    @Order(5)
    void a_foreign_write_ahead_log_fails_versions_and_the_next_run_in_one_line_and_a_rollback_mends_it()
            throws Exception {
        Path log = work.resolve("warehouse.duckdb.wal");
        Path other = work.resolve("other.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + other); Statement s = c.createStatement()) {
            s.execute("create table notes (note varchar)");
            s.execute("checkpoint");
            s.execute("pragma disable_checkpoint_on_shutdown");
            s.execute("insert into notes values ('never checkpointed')");
        }
        Files.copy(work.resolve("other.duckdb.wal"), log);
        String publishedBefore = sha256(warehouse);
        String logBefore = sha256(log);

        Cli versions = olist("versions");
        Cli run = olist("run", "--source", good.toString());

        assertThat(versions.exitCode()).as(versions.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lines(versions.err())).singleElement().satisfies(line -> assertThat(line)
                .startsWith("olist: the published warehouse " + warehouse.toAbsolutePath() + " cannot be opened: ")
                .contains("Failure while replaying WAL").endsWith("roll back to a kept version with `olist rollback`"));
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        assertThat(lines(run.err()).get(lines(run.err()).size() - 1))
                .startsWith("olist: run " + lastRun().id() + " failed: ")
                .contains("the published warehouse " + warehouse.toAbsolutePath() + " cannot be opened: ",
                        "Failure while replaying WAL", "olist rollback");
        assertThat(run.err()).doesNotContain("Stack Trace", "\tat ");
        assertThat(lastRun().status()).isEqualTo(RunStatus.FAILED);
        assertThat(sha256(warehouse)).as("a failed run leaves the published file as it is").isEqualTo(publishedBefore);
        assertThat(sha256(log)).isEqualTo(logBefore);

        Cli rollback = olist("rollback");

        assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
        assertThat(log).doesNotExist();
        assertThat(publishedRun()).isEqualTo(published.get(1));
        assertThat(Counts.ofWarehouse(warehouse)).isEqualTo(goodCounts);
        assertThat(kept()).containsExactlyInAnyOrder("run-" + published.get(2) + ".duckdb",
                "run-" + published.get(3) + ".duckdb");
        assertThat(olist("versions").exitCode()).isZero();
    }

    @Test
    @Order(6)
    void keeping_fewer_than_one_warehouse_is_a_wrong_command_line() {
        Cli run = olist("run", "--source", good.toString(), "--keep-versions", "0");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--keep-versions must be at least 1");
    }
}
