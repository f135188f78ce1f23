package org.olistdw.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.ColumnType;
import org.olistdw.pipeline.source.SourceTable;

/** One sample at scale 0.1, read back and checked against the contract and the shape of the real data. */
class SampleDataShapeTest {

    private static final double SCALE = 0.1;

    @TempDir
    static Path dir;

    private static GeneratedSample sample;

    @BeforeAll
    static void generate() throws IOException {
        sample = GeneratedSample.generate(SCALE, 20_240_601L, dir);
    }

    private static List<List<String>> rows(SourceTable table) {
        return sample.rows(table);
    }

    private static List<String> column(SourceTable table, String name) {
        return sample.column(table, name);
    }

    private static Set<String> distinct(SourceTable table, String name) {
        return sample.distinct(table, name);
    }

    private static double share(long part, long whole) {
        return (double) part / whole;
    }

    // --- the contract ---------------------------------------------------------------------------------

    @Test
    void headers_are_the_contract_headers_modulo_quotes_and_bom() throws IOException {
        for (SourceTable table : SourceTable.values()) {
            String text = sample.text(table);
            String firstLine = text.substring(0, text.indexOf('\n')).replace("\r", "");
            assertThat(firstLine.replace("\"", "").replace("\uFEFF", "")).as(table.fileName()).isEqualTo(table.headerLine());
            assertThat(sample.header(table)).as(table.fileName()).isEqualTo(table.header());
        }
    }

    @Test
    void headers_are_quoted_in_every_file_but_the_translations() throws IOException {
        for (SourceTable table : SourceTable.values()) {
            assertThat(sample.text(table).startsWith("\"")).as(table.fileName())
                    .isEqualTo(table != SourceTable.CATEGORY_TRANSLATION);
        }
    }

    @Test
    void ids_are_quoted_in_some_files_and_bare_in_others_with_one_rule_per_file() throws IOException {
        assertThat(secondLine(SourceTable.ORDER_REVIEWS)).matches("\"[0-9a-f]{32}\",\"[0-9a-f]{32}\",[1-5],.*");
        assertThat(secondLine(SourceTable.CUSTOMERS)).matches("(\"[^\"]+\",){4}\"[A-Z]{2}\"");
        assertThat(secondLine(SourceTable.ORDERS)).matches("[0-9a-f]{32},[0-9a-f]{32},[a-z]+,.*");
        assertThat(secondLine(SourceTable.ORDER_ITEMS)).matches("[0-9a-f]{32},1,[0-9a-f]{32},[0-9a-f]{32},.*");
        assertThat(secondLine(SourceTable.GEOLOCATION)).matches("\"\\d{5}\",-?[0-9.]+,-?[0-9.]+,[^\"]+,[A-Z]{2}");
    }

    private static String secondLine(SourceTable table) throws IOException {
        return sample.text(table).lines().skip(1).findFirst().orElseThrow();
    }

    @Test
    void every_row_of_every_file_satisfies_the_source_contract() {
        List<String> problems = new java.util.ArrayList<>();
        for (SourceTable table : SourceTable.values()) {
            for (List<String> row : rows(table)) {
                table.problemWith(row).ifPresent(problem -> problems.add(table.fileName() + ": " + problem + " in " + row));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void row_counts_are_within_five_percent_of_the_scaled_real_counts() {
        Map<SourceTable, Long> real = Map.of(
                SourceTable.ORDERS, 99_441L, SourceTable.ORDER_ITEMS, 112_650L, SourceTable.ORDER_PAYMENTS, 103_886L,
                SourceTable.ORDER_REVIEWS, 99_224L, SourceTable.CUSTOMERS, 99_441L, SourceTable.PRODUCTS, 32_951L,
                SourceTable.SELLERS, 3_095L, SourceTable.GEOLOCATION, 1_000_163L);
        real.forEach((table, count) -> assertThat((double) rows(table).size()).as(table.fileName())
                .isCloseTo(count * SCALE, within(count * SCALE * 0.05)));
        assertThat(rows(SourceTable.CATEGORY_TRANSLATION)).hasSize(71);
        assertThat(sample.summary.rowsPerFile().get(SourceTable.ORDERS)).isEqualTo(rows(SourceTable.ORDERS).size());
    }

    @Test
    void ids_are_32_lowercase_hex_digits() {
        for (String id : column(SourceTable.ORDER_ITEMS, "order_id")) {
            assertThat(id).matches("[0-9a-f]{32}");
        }
        assertThat(column(SourceTable.ORDER_REVIEWS, "review_id")).allMatch(id -> id.matches("[0-9a-f]{32}"));
        assertThat(column(SourceTable.CUSTOMERS, "customer_unique_id")).allMatch(id -> id.matches("[0-9a-f]{32}"));
    }

    @Test
    void money_has_two_decimals_and_timestamps_have_seconds() {
        assertThat(column(SourceTable.ORDER_ITEMS, "price")).allMatch(v -> v.matches("\\d+\\.\\d\\d"));
        assertThat(column(SourceTable.ORDER_ITEMS, "freight_value")).allMatch(v -> v.matches("\\d+\\.\\d\\d"));
        assertThat(column(SourceTable.ORDER_PAYMENTS, "payment_value")).allMatch(v -> v.matches("\\d+\\.\\d\\d"));
        assertThat(column(SourceTable.ORDERS, "order_purchase_timestamp"))
                .allMatch(v -> v.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
    }

    // --- keys join like the real ones ---------------------------------------------------------------------

    /** The keys of {@code children} that are not among {@code parents} (set difference, not AssertJ's quadratic containsAll). */
    private static Set<String> orphans(Set<String> children, Set<String> parents) {
        Set<String> orphans = new HashSet<>(children);
        orphans.removeAll(parents);
        return orphans;
    }

    @Test
    void every_item_points_to_an_existing_order_product_and_seller() {
        assertThat(orphans(distinct(SourceTable.ORDER_ITEMS, "order_id"), distinct(SourceTable.ORDERS, "order_id"))).isEmpty();
        assertThat(orphans(distinct(SourceTable.ORDER_ITEMS, "product_id"), distinct(SourceTable.PRODUCTS, "product_id"))).isEmpty();
        assertThat(orphans(distinct(SourceTable.ORDER_ITEMS, "seller_id"), distinct(SourceTable.SELLERS, "seller_id"))).isEmpty();
    }

    @Test
    void every_product_and_every_seller_is_sold_like_in_the_real_data() {
        assertThat(distinct(SourceTable.ORDER_ITEMS, "product_id")).isEqualTo(distinct(SourceTable.PRODUCTS, "product_id"));
        assertThat(distinct(SourceTable.ORDER_ITEMS, "seller_id")).isEqualTo(distinct(SourceTable.SELLERS, "seller_id"));
    }

    @Test
    void each_order_has_exactly_one_customer_row_and_each_customer_row_one_order() {
        List<String> orderCustomers = column(SourceTable.ORDERS, "customer_id");
        List<String> customers = column(SourceTable.CUSTOMERS, "customer_id");
        assertThat(new HashSet<>(orderCustomers)).hasSameSizeAs(orderCustomers);
        assertThat(new HashSet<>(customers)).hasSameSizeAs(customers).isEqualTo(new HashSet<>(orderCustomers));
        assertThat(distinct(SourceTable.ORDERS, "order_id")).hasSize(rows(SourceTable.ORDERS).size());
        assertThat(distinct(SourceTable.PRODUCTS, "product_id")).hasSize(rows(SourceTable.PRODUCTS).size());
        assertThat(distinct(SourceTable.SELLERS, "seller_id")).hasSize(rows(SourceTable.SELLERS).size());
    }

    @Test
    void payments_and_reviews_point_to_existing_orders() {
        Set<String> orders = distinct(SourceTable.ORDERS, "order_id");
        assertThat(orphans(distinct(SourceTable.ORDER_PAYMENTS, "order_id"), orders)).isEmpty();
        assertThat(orphans(distinct(SourceTable.ORDER_REVIEWS, "order_id"), orders)).isEmpty();
    }

    @Test
    void customer_and_seller_zip_prefixes_are_mostly_in_geolocation_but_a_few_are_not() {
        Set<String> geolocated = distinct(SourceTable.GEOLOCATION, "geolocation_zip_code_prefix");
        List<String> customerZips = column(SourceTable.CUSTOMERS, "customer_zip_code_prefix");
        long missing = customerZips.stream().filter(z -> !geolocated.contains(z)).count();
        assertThat(missing).isPositive();
        assertThat(share(missing, customerZips.size())).isLessThan(0.01);
        assertThat(column(SourceTable.SELLERS, "seller_zip_code_prefix").stream().filter(geolocated::contains).count())
                .isGreaterThan(rows(SourceTable.SELLERS).size() * 98L / 100);
    }

    // --- the quirks -------------------------------------------------------------------------------------------

    @Test
    void some_orders_have_no_items_and_most_of_those_are_canceled_or_unavailable() {
        Set<String> withItems = distinct(SourceTable.ORDER_ITEMS, "order_id");
        List<List<String>> without = rows(SourceTable.ORDERS).stream().filter(o -> !withItems.contains(o.get(0))).toList();
        assertThat(share(without.size(), rows(SourceTable.ORDERS).size())).isBetween(0.004, 0.012);
        long canceledOrUnavailable = without.stream().filter(o -> o.get(2).equals("canceled") || o.get(2).equals("unavailable")).count();
        assertThat(share(canceledOrUnavailable, without.size())).isGreaterThan(0.9);
    }

    @Test
    void order_statuses_follow_the_real_mix() {
        Map<String, Long> statuses = column(SourceTable.ORDERS, "order_status").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(statuses.keySet()).isSubsetOf("delivered", "shipped", "canceled", "unavailable", "invoiced",
                "processing", "created", "approved");
        assertThat(statuses.keySet()).contains("delivered", "shipped", "canceled", "unavailable", "invoiced", "processing");
        assertThat(share(statuses.get("delivered"), rows(SourceTable.ORDERS).size())).isBetween(0.95, 0.98);
    }

    @Test
    void timestamps_are_empty_where_the_status_implies_and_sometimes_out_of_order() {
        int late = 0;
        int delivered = 0;
        int carrierBeforeApproval = 0;
        int deliveredWithoutDate = 0;
        for (List<String> o : rows(SourceTable.ORDERS)) {
            String status = o.get(2);
            LocalDateTime purchase = ColumnType.parseTimestamp(o.get(3));
            assertThat(purchase).isBetween(LocalDateTime.of(2016, 9, 1, 0, 0), LocalDateTime.of(2018, 10, 31, 0, 0));
            if (!status.equals("delivered") && !status.equals("canceled")) {
                assertThat(o.get(6)).as("delivery date of a %s order", status).isEmpty();
            }
            if (status.equals("created")) {
                assertThat(o.get(4)).isEmpty();
            }
            if (!o.get(4).isEmpty() && !o.get(5).isEmpty()
                    && ColumnType.parseTimestamp(o.get(5)).isBefore(ColumnType.parseTimestamp(o.get(4)))) {
                carrierBeforeApproval++;
            }
            if (status.equals("delivered")) {
                delivered++;
                if (o.get(6).isEmpty()) {
                    deliveredWithoutDate++;
                } else if (ColumnType.parseTimestamp(o.get(6)).isAfter(ColumnType.parseTimestamp(o.get(7)))) {
                    late++;
                }
            }
        }
        assertThat(share(late, delivered)).isBetween(0.06, 0.10);
        assertThat(carrierBeforeApproval).isPositive();
        assertThat(deliveredWithoutDate).isPositive();
        assertThat(column(SourceTable.ORDER_ITEMS, "shipping_limit_date")).anyMatch(d -> d.startsWith("2020-"));
    }

    @Test
    void payments_have_the_real_types_installments_and_quirks() {
        List<String> types = column(SourceTable.ORDER_PAYMENTS, "payment_type");
        long creditCards = types.stream().filter("credit_card"::equals).count();
        long boletos = types.stream().filter("boleto"::equals).count();
        assertThat(share(creditCards, types.size())).isBetween(0.70, 0.78);
        assertThat(share(boletos, types.size())).isBetween(0.16, 0.22);
        assertThat(types).contains("voucher", "debit_card", "not_defined");
        assertThat(column(SourceTable.ORDER_PAYMENTS, "payment_installments").stream().mapToInt(Integer::parseInt))
                .allMatch(n -> n >= 0 && n <= 24).contains(0);
        assertThat(column(SourceTable.ORDER_PAYMENTS, "payment_sequential")).contains("29");
        assertThat(column(SourceTable.ORDER_PAYMENTS, "payment_value")).contains("0.00");
        // scale 0.1 of the one real order without payment, rounded up to one so the quirk is there
        assertThat(distinct(SourceTable.ORDER_PAYMENTS, "order_id")).hasSize(rows(SourceTable.ORDERS).size() - 1);
    }

    @Test
    void for_about_eighteen_percent_of_orders_the_payments_differ_from_items_plus_freight() {
        Map<String, Long> due = new HashMap<>();
        for (List<String> item : rows(SourceTable.ORDER_ITEMS)) {
            due.merge(item.get(0), cents(item.get(5)) + cents(item.get(6)), Long::sum);
        }
        Map<String, Long> paid = new HashMap<>();
        for (List<String> payment : rows(SourceTable.ORDER_PAYMENTS)) {
            paid.merge(payment.get(0), cents(payment.get(4)), Long::sum);
        }
        long differing = due.entrySet().stream().filter(e -> !e.getValue().equals(paid.get(e.getKey()))).count();
        assertThat(share(differing, due.size())).isBetween(0.15, 0.21);
    }

    private static long cents(String money) {
        return Math.round(Double.parseDouble(money) * 100);
    }

    @Test
    void review_comments_span_lines_and_hold_commas_doubled_quotes_and_accents() throws IOException {
        List<String> messages = column(SourceTable.ORDER_REVIEWS, "review_comment_message");
        assertThat(messages).anyMatch(m -> m.contains("\r\n"));
        assertThat(messages).anyMatch(m -> m.contains("\n") && !m.contains("\r"));
        assertThat(messages).anyMatch(m -> m.contains(","));
        assertThat(messages).anyMatch(m -> m.contains("\""));
        assertThat(messages).anyMatch(m -> m.matches("(?s).*[ãáâçéêíóôõú].*"));
        assertThat(sample.text(SourceTable.ORDER_REVIEWS)).contains("\"\"");
        long withoutMessage = messages.stream().filter(String::isEmpty).count();
        assertThat(share(withoutMessage, messages.size())).isBetween(0.45, 0.65);
        long withoutTitle = column(SourceTable.ORDER_REVIEWS, "review_comment_title").stream().filter(String::isEmpty).count();
        assertThat(share(withoutTitle, messages.size())).isGreaterThan(0.8);
        assertThat(column(SourceTable.ORDER_REVIEWS, "review_creation_date")).allMatch(d -> d.endsWith(" 00:00:00"));
    }

    @Test
    void some_review_ids_repeat_across_orders_and_some_orders_have_several_reviews() {
        Map<String, Set<String>> ordersByReview = new HashMap<>();
        Map<String, Integer> reviewsByOrder = new HashMap<>();
        for (List<String> review : rows(SourceTable.ORDER_REVIEWS)) {
            ordersByReview.computeIfAbsent(review.get(0), k -> new HashSet<>()).add(review.get(1));
            reviewsByOrder.merge(review.get(1), 1, Integer::sum);
        }
        long repeated = ordersByReview.values().stream().filter(orders -> orders.size() > 1).count();
        assertThat(repeated).isBetween(50L, 120L);
        assertThat(reviewsByOrder.values()).contains(2, 3);
        assertThat(reviewsByOrder).hasSizeLessThan(rows(SourceTable.ORDERS).size());
    }

    @Test
    void the_translation_file_has_a_bom_crlf_line_ends_no_final_newline_and_lacks_two_used_categories() throws IOException {
        byte[] bytes = Files.readAllBytes(sample.file(SourceTable.CATEGORY_TRANSLATION));
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.replace("\r\n", "")).doesNotContain("\n", "\r");
        assertThat(text.split("\r\n")).hasSize(72);
        assertThat(text).doesNotEndWith("\n");

        Set<String> translated = distinct(SourceTable.CATEGORY_TRANSLATION, "product_category_name");
        Set<String> used = distinct(SourceTable.PRODUCTS, "product_category_name");
        assertThat(used).contains(Categories.PC_GAMER, Categories.KITCHEN_PORTABLES).hasSize(73 + 1);
        used.remove("");
        used.removeAll(translated);
        assertThat(used).containsExactlyInAnyOrder(Categories.PC_GAMER, Categories.KITCHEN_PORTABLES);
        assertThat(translated).contains("beleza_saude", "cama_mesa_banho");
        assertThat(rows(SourceTable.CATEGORY_TRANSLATION)).contains(List.of("cama_mesa_banho", "bed_bath_table"));
    }

    @Test
    void zip_prefixes_are_five_digits_keeping_their_leading_zeros() throws IOException {
        for (String zip : column(SourceTable.CUSTOMERS, "customer_zip_code_prefix")) {
            assertThat(zip).matches("\\d{5}");
        }
        assertThat(column(SourceTable.SELLERS, "seller_zip_code_prefix")).allMatch(z -> z.matches("\\d{5}")).anyMatch(z -> z.startsWith("0"));
        assertThat(column(SourceTable.GEOLOCATION, "geolocation_zip_code_prefix")).allMatch(z -> z.matches("\\d{5}")).anyMatch(z -> z.startsWith("0"));
        assertThat(sample.text(SourceTable.CUSTOMERS)).contains(",\"0");
    }

    @Test
    void states_are_valid_and_sao_paulo_dominates() {
        Set<String> states = Set.of("AC", "AL", "AP", "AM", "BA", "CE", "DF", "ES", "GO", "MA", "MT", "MS", "MG", "PA",
                "PB", "PR", "PE", "PI", "RJ", "RN", "RS", "RO", "RR", "SC", "SP", "SE", "TO");
        List<String> customerStates = column(SourceTable.CUSTOMERS, "customer_state");
        assertThat(states).containsAll(new HashSet<>(customerStates)).containsAll(distinct(SourceTable.SELLERS, "seller_state"))
                .containsAll(distinct(SourceTable.GEOLOCATION, "geolocation_state"));
        assertThat(share(customerStates.stream().filter("SP"::equals).count(), customerStates.size())).isBetween(0.38, 0.46);
    }

    @Test
    void some_products_have_no_category_and_then_no_name_description_or_photos() {
        List<List<String>> uncategorised = rows(SourceTable.PRODUCTS).stream().filter(p -> p.get(1).isEmpty()).toList();
        assertThat(uncategorised).hasSize(61);
        assertThat(uncategorised).allMatch(p -> p.get(2).isEmpty() && p.get(3).isEmpty() && p.get(4).isEmpty());
        assertThat(column(SourceTable.PRODUCTS, "product_weight_g")).contains("", "0");
        assertThat(rows(SourceTable.PRODUCTS).stream().filter(p -> p.get(5).isEmpty()))
                .allMatch(p -> p.get(6).isEmpty() && p.get(7).isEmpty() && p.get(8).isEmpty());
    }

    @Test
    void some_people_bought_more_than_once() {
        Map<String, Long> ordersPerPerson = column(SourceTable.CUSTOMERS, "customer_unique_id").stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long repeat = ordersPerPerson.values().stream().filter(n -> n > 1).count();
        assertThat(ordersPerPerson).hasSize(9_610);
        assertThat(share(repeat, ordersPerPerson.size())).isBetween(0.02, 0.05);
    }

    @Test
    void geolocation_has_many_rows_per_prefix_duplicates_two_spellings_and_a_few_points_abroad() {
        List<List<String>> geolocation = rows(SourceTable.GEOLOCATION);
        assertThat(share(geolocation.size() - new HashSet<>(geolocation).size(), geolocation.size())).isBetween(0.15, 0.35);
        Map<String, Set<String>> spellings = new HashMap<>();
        for (List<String> row : geolocation) {
            spellings.computeIfAbsent(row.get(0), k -> new HashSet<>()).add(row.get(3));
        }
        assertThat(spellings.values()).anyMatch(s -> s.contains("são paulo") && s.contains("sao paulo"));
        assertThat((double) geolocation.size() / spellings.size()).isGreaterThan(20);
        assertThat(geolocation).anyMatch(row -> Double.parseDouble(row.get(1)) > 6);
    }

    @Test
    void some_seller_cities_are_dirty() {
        assertThat(column(SourceTable.SELLERS, "seller_city")).anyMatch(c -> c.contains("/") || c.contains(" - ") || c.matches("\\d+"));
    }
}
