package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.analytics.duckdb.DuckDbRepositories;
import org.olistdw.domain.customer.CustomerActivity;
import org.olistdw.domain.customer.CustomerSegment;
import org.olistdw.domain.customer.RfmSegmentation;
import org.olistdw.domain.delivery.Delivery;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.OrderRecord;
import org.olistdw.domain.order.OrderRecord.ItemRecord;
import org.olistdw.domain.order.OrderRecord.PaymentRecord;
import org.olistdw.domain.order.OrderRecord.ReviewRecord;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.Money;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The run validates every order through the domain's {@link Order} aggregate and segments every person
 * through its {@link RfmSegmentation}: on generated data, what the warehouse and the quality results hold is
 * exactly what calling the domain directly on an independent reading of the CSV files gives.
 */
class DomainValidationTest {

    private static final DateTimeFormatter SOURCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    static Path work;

    private static Path sample;
    private static Path warehouse;
    private static Cli run;
    private static PipelineRun recorded;
    private static final Map<SourceTable, List<List<String>>> csv = new EnumMap<>(SourceTable.class);

    @BeforeAll
    static void generateAndRun() throws Exception {
        sample = work.resolve("sample");
        warehouse = work.resolve("warehouse.duckdb");
        Samples.generate(0.02, 11, sample);
        for (SourceTable table : SourceTable.values()) {
            csv.put(table, TestCsv.rows(sample.resolve(table.fileName())));
        }
        run = Cli.run(EndToEndTest.args("run", "--source", sample.toString(), "--warehouse", warehouse.toString(),
                "--work-dir", work.toString()));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        recorded = TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    @Test
    void every_violation_recorded_by_the_run_is_what_the_aggregate_finds_when_called_directly() throws Exception {
        Set<List<String>> direct = new HashSet<>();
        for (OrderRecord record : ordersFromTheCsvFiles().values()) {
            Order order = Order.reconstitute(record);
            order.violations().forEach(v -> direct.add(List.of(v.rule().code(), v.orderId().value(), v.detail())));
        }

        Set<List<String>> stored = new HashSet<>();
        long rowsStored = 0;
        try (Connection c = TestStores.openWarehouse(warehouse); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select rule, order_id, detail, severity from domain.order_violations")) {
            while (rows.next()) {
                stored.add(List.of(rows.getString(1), rows.getString(2), rows.getString(3)));
                assertThat(rows.getString(4)).isEqualTo(OrderRule.ofCode(rows.getString(1)).severity().code());
                rowsStored++;
            }
        }

        assertThat(stored).isEqualTo(direct);
        // the run validates its orders in parts side by side: no order is validated twice
        assertThat(rowsStored).isEqualTo(direct.size());
        // the generator plants these quirks of the real data in every sample, however small
        assertThat(stored.stream().map(v -> v.get(0))).contains(
                OrderRule.DELIVERED_HAS_DELIVERY_DATE.code(), OrderRule.CARRIER_NOT_BEFORE_PURCHASE.code(),
                OrderRule.PAYMENTS_MATCH_ITEMS_AND_FREIGHT.code());
    }

    @Test
    void each_order_rule_is_one_quality_result_counting_its_recorded_violations_out_of_every_order() throws Exception {
        Map<String, Long> recordedPerRule = new HashMap<>();
        long orders;
        try (Connection c = TestStores.openWarehouse(warehouse)) {
            orders = TestStores.count(c, "select count(*) from core.fact_orders");
            try (Statement s = c.createStatement();
                 ResultSet rows = s.executeQuery("select rule, count(*) from domain.order_violations group by rule")) {
                while (rows.next()) {
                    recordedPerRule.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        List<CheckResult> results = TestStores.ops().qualityResults().results(recorded.id());

        assertThat(orders).isEqualTo(csv.get(SourceTable.ORDERS).size());
        for (OrderRule rule : OrderRule.values()) {
            CheckResult result = results.stream().filter(r -> r.rule().name().equals(rule.code())).findFirst()
                    .orElseThrow(() -> new AssertionError("no quality result for " + rule.code()));
            assertThat(result.rowsChecked()).as(rule.code()).isEqualTo(orders);
            assertThat(result.rowsFailed()).as(rule.code()).isEqualTo(recordedPerRule.getOrDefault(rule.code(), 0L));
        }
        assertThat(run.out()).contains("validation: " + Console.count(orders) + " orders through the domain model");
    }

    @Test
    void the_customer_segments_of_the_mart_are_the_domain_service_applied_to_the_csv_files() throws Exception {
        List<CustomerActivity> activities = activitiesFromTheCsvFiles();
        Map<String, String> expected = new TreeMap<>();
        for (CustomerSegment segment : RfmSegmentation.segmentAll(activities)) {
            expected.put(segment.person().value(), segment.rfmScore() + " " + segment.segment().code() + " "
                    + segment.recencyDays());
        }

        Map<String, String> stored = new TreeMap<>();
        try (Connection c = TestStores.openWarehouse(warehouse); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select customer_unique_id, rfm_score, rfm_segment, recency_days"
                     + " from mart.mart_customer_analytics")) {
            while (rows.next()) {
                stored.put(rows.getString(1), rows.getString(2) + " " + rows.getString(3) + " " + rows.getLong(4));
            }
        }

        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void the_aggregates_read_back_from_the_warehouse_agree_with_its_revenue_and_lateness_flags() throws Exception {
        Map<String, Boolean> countsAsRevenue = new HashMap<>();
        Map<String, Boolean> late = new HashMap<>();
        try (Connection c = TestStores.openWarehouse(warehouse); Statement s = c.createStatement()) {
            try (ResultSet rows = s.executeQuery("select order_id, counts_as_revenue from core.fact_orders")) {
                while (rows.next()) {
                    countsAsRevenue.put(rows.getString(1), rows.getBoolean(2));
                }
            }
            try (ResultSet rows = s.executeQuery("select order_id, is_late from core.fact_deliveries")) {
                while (rows.next()) {
                    late.put(rows.getString(1), (Boolean) rows.getObject(2));
                }
            }
        }

        Map<String, Boolean> aggregateRevenue = new HashMap<>();
        Map<String, Boolean> aggregateLate = new HashMap<>();
        try (DuckDbRepositories repositories = DuckDbRepositories.open(warehouse)) {
            try (Stream<Order> orders = repositories.orders().streamAll()) {
                orders.forEach(order -> aggregateRevenue.put(order.id().value(), order.countsAsRevenue()));
            }
            try (Stream<Delivery> deliveries = repositories.deliveries().streamAll()) {
                deliveries.filter(Delivery::isDelivered)
                        .forEach(d -> aggregateLate.put(d.orderId().value(), d.isLate().orElse(null)));
            }
        }

        assertThat(aggregateRevenue).hasSize(csv.get(SourceTable.ORDERS).size()).isEqualTo(countsAsRevenue);
        assertThat(aggregateLate).isNotEmpty().isEqualTo(late);
        assertThat(late.values()).contains(true, false);
    }

    // --------------------------------------------------------------------------------------------------------

    /** Every order of the orders file with its items, payments and reviews, read from the CSV files. */
    private static Map<String, OrderRecord> ordersFromTheCsvFiles() {
        Map<String, String> personOfCustomer = personOfCustomer();
        Map<String, List<ItemRecord>> items = new HashMap<>();
        for (List<String> row : csv.get(SourceTable.ORDER_ITEMS)) {
            items.computeIfAbsent(field(SourceTable.ORDER_ITEMS, row, "order_id"), k -> new ArrayList<>()).add(
                    new ItemRecord(Integer.parseInt(field(SourceTable.ORDER_ITEMS, row, "order_item_id")),
                            field(SourceTable.ORDER_ITEMS, row, "product_id"),
                            field(SourceTable.ORDER_ITEMS, row, "seller_id"),
                            time(field(SourceTable.ORDER_ITEMS, row, "shipping_limit_date")),
                            new BigDecimal(field(SourceTable.ORDER_ITEMS, row, "price")),
                            new BigDecimal(field(SourceTable.ORDER_ITEMS, row, "freight_value"))));
        }
        Map<String, List<PaymentRecord>> payments = new HashMap<>();
        for (List<String> row : csv.get(SourceTable.ORDER_PAYMENTS)) {
            payments.computeIfAbsent(field(SourceTable.ORDER_PAYMENTS, row, "order_id"), k -> new ArrayList<>()).add(
                    new PaymentRecord(Integer.parseInt(field(SourceTable.ORDER_PAYMENTS, row, "payment_sequential")),
                            field(SourceTable.ORDER_PAYMENTS, row, "payment_type"),
                            Integer.parseInt(field(SourceTable.ORDER_PAYMENTS, row, "payment_installments")),
                            new BigDecimal(field(SourceTable.ORDER_PAYMENTS, row, "payment_value"))));
        }
        Map<String, List<ReviewRecord>> reviews = new HashMap<>();
        for (List<String> row : csv.get(SourceTable.ORDER_REVIEWS)) {
            reviews.computeIfAbsent(field(SourceTable.ORDER_REVIEWS, row, "order_id"), k -> new ArrayList<>()).add(
                    new ReviewRecord(field(SourceTable.ORDER_REVIEWS, row, "review_id"),
                            Integer.parseInt(field(SourceTable.ORDER_REVIEWS, row, "review_score")),
                            time(field(SourceTable.ORDER_REVIEWS, row, "review_creation_date")),
                            time(field(SourceTable.ORDER_REVIEWS, row, "review_answer_timestamp"))));
        }
        Map<String, OrderRecord> orders = new HashMap<>();
        for (List<String> row : csv.get(SourceTable.ORDERS)) {
            String id = field(SourceTable.ORDERS, row, "order_id");
            String customer = field(SourceTable.ORDERS, row, "customer_id");
            orders.put(id, new OrderRecord(id, customer, personOfCustomer.get(customer),
                    field(SourceTable.ORDERS, row, "order_status"),
                    time(field(SourceTable.ORDERS, row, "order_purchase_timestamp")),
                    time(field(SourceTable.ORDERS, row, "order_approved_at")),
                    time(field(SourceTable.ORDERS, row, "order_delivered_carrier_date")),
                    time(field(SourceTable.ORDERS, row, "order_delivered_customer_date")),
                    time(field(SourceTable.ORDERS, row, "order_estimated_delivery_date")),
                    items.getOrDefault(id, List.of()), payments.getOrDefault(id, List.of()),
                    reviews.getOrDefault(id, List.of())));
        }
        return orders;
    }

    /**
     * Every person with an order that counts as revenue (status neither canceled nor unavailable, at least
     * one item): first and last purchase dates, orders, prices + freight — read from the CSV files.
     */
    private static List<CustomerActivity> activitiesFromTheCsvFiles() {
        Map<String, String> personOfCustomer = personOfCustomer();
        Map<String, BigDecimal> totals = new HashMap<>();
        for (List<String> row : csv.get(SourceTable.ORDER_ITEMS)) {
            totals.merge(field(SourceTable.ORDER_ITEMS, row, "order_id"),
                    new BigDecimal(field(SourceTable.ORDER_ITEMS, row, "price"))
                            .add(new BigDecimal(field(SourceTable.ORDER_ITEMS, row, "freight_value"))), BigDecimal::add);
        }
        record Person(LocalDate first, LocalDate last, long orders, BigDecimal revenue) {
        }
        Map<String, Person> people = new TreeMap<>();
        for (List<String> row : csv.get(SourceTable.ORDERS)) {
            String id = field(SourceTable.ORDERS, row, "order_id");
            String status = field(SourceTable.ORDERS, row, "order_status");
            if (status.equals("canceled") || status.equals("unavailable") || !totals.containsKey(id)) {
                continue;
            }
            LocalDate day = time(field(SourceTable.ORDERS, row, "order_purchase_timestamp")).toLocalDate();
            Person one = new Person(day, day, 1, totals.get(id));
            people.merge(personOfCustomer.get(field(SourceTable.ORDERS, row, "customer_id")), one,
                    (a, b) -> new Person(a.first().isBefore(b.first()) ? a.first() : b.first(),
                            a.last().isAfter(b.last()) ? a.last() : b.last(), a.orders() + b.orders(),
                            a.revenue().add(b.revenue())));
        }
        List<CustomerActivity> activities = new ArrayList<>();
        people.forEach((person, p) -> activities.add(new CustomerActivity(new CustomerUniqueId(person), p.first(),
                p.last(), p.orders(), Money.brl(p.revenue()))));
        return activities;
    }

    private static Map<String, String> personOfCustomer() {
        Map<String, String> person = new HashMap<>();
        for (List<String> row : csv.get(SourceTable.CUSTOMERS)) {
            person.putIfAbsent(field(SourceTable.CUSTOMERS, row, "customer_id"),
                    field(SourceTable.CUSTOMERS, row, "customer_unique_id"));
        }
        return person;
    }

    private static String field(SourceTable table, List<String> row, String column) {
        String value = row.get(table.header().indexOf(column));
        return value.isEmpty() ? null : value;
    }

    private static LocalDateTime time(String text) {
        return text == null ? null : LocalDateTime.parse(text, SOURCE_TIME);
    }
}
