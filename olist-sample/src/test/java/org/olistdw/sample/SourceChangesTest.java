package org.olistdw.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceTable;

/** {@link SourceChanges} on ten hand-written orders, with every expected value worked out by hand. */
class SourceChangesTest {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final String ORDERS = """
            "order_id","customer_id","order_status","order_purchase_timestamp","order_approved_at",\
            "order_delivered_carrier_date","order_delivered_customer_date","order_estimated_delivery_date"
            o1,c1,delivered,2018-01-10 10:00:00,2018-01-10 10:10:00,2018-01-11 09:00:00,2018-01-15 12:00:00,2018-01-25 00:00:00
            o2,c2,delivered,2018-01-20 11:00:00,2018-01-20 11:30:00,2018-01-22 08:00:00,2018-01-27 16:00:00,2018-02-05 00:00:00
            o3,c3,delivered,2018-02-01 09:15:00,2018-02-01 09:20:00,2018-02-02 10:00:00,2018-02-06 18:30:00,2018-02-20 00:00:00
            o4,c4,delivered,2018-02-10 20:00:00,,2018-02-12 07:00:00,2018-02-16 10:00:00,2018-02-28 00:00:00
            o5,c5,delivered,2018-02-25 13:45:00,2018-02-25 14:00:00,2018-02-26 15:00:00,2018-03-03 11:00:00,2018-03-15 00:00:00
            o6,c6,delivered,2018-03-05 08:00:00,2018-03-05 08:05:00,2018-03-06 09:00:00,2018-03-10 14:00:00,2018-03-25 00:00:00
            o7,c7,shipped,2018-03-01 10:00:00,2018-03-01 10:30:00,2018-03-02 10:00:00,,2018-03-20 00:00:00
            o8,c8,shipped,2018-03-03 09:00:00,2018-03-03 09:30:00,2018-03-04 11:00:00,,2018-03-22 00:00:00
            o9,c9,processing,2018-03-15 12:00:00,2018-03-15 12:10:00,,,2018-04-02 00:00:00
            o10,c10,processing,2018-03-20 15:00:00,2018-03-20 15:10:00,,,2018-04-08 00:00:00
            """;

    private static final String ITEMS = """
            "order_id","order_item_id","product_id","seller_id","shipping_limit_date","price","freight_value"
            o1,1,p1,s1,2018-01-15 10:10:00,10.00,2.50
            o2,1,p1,s1,2018-01-25 11:30:00,10.00,2.50
            o2,2,p2,s1,2018-01-25 11:30:00,99.90,15.10
            o3,1,p2,s1,2018-02-05 09:20:00,99.90,15.10
            o4,1,p1,s1,2018-02-15 20:00:00,10.00,2.50
            o5,1,p2,s1,2018-03-01 14:00:00,99.90,15.10
            o6,1,p1,s1,2018-03-09 08:05:00,10.00,2.50
            o7,1,p1,s1,2018-03-05 10:30:00,10.00,2.50
            o8,1,p2,s1,2018-03-07 09:30:00,99.90,15.10
            o9,1,p1,s1,2018-03-19 12:10:00,10.00,2.50
            o10,1,p2,s1,2018-03-24 15:10:00,99.90,15.10
            """;

    private static final String PAYMENTS = """
            "order_id","payment_sequential","payment_type","payment_installments","payment_value"
            o1,1,credit_card,1,12.50
            o2,1,boleto,1,127.50
            o3,1,credit_card,3,115.00
            o4,1,voucher,1,12.50
            o5,1,credit_card,2,115.00
            o6,1,debit_card,1,12.50
            o7,1,credit_card,1,12.50
            o8,1,credit_card,1,115.00
            o9,1,boleto,1,12.50
            o10,1,credit_card,1,115.00
            """;

    private static final String REVIEWS = """
            "review_id","order_id","review_score","review_comment_title","review_comment_message",\
            "review_creation_date","review_answer_timestamp"
            "r1","o1",5,,,2018-01-16 00:00:00,2018-01-17 10:00:00
            "r2","o2",4,,"chegou bem, obrigado",2018-01-28 00:00:00,2018-01-29 09:00:00
            "r3","o3",1,"ruim","veio ""quebrado""
            e atrasado",2018-02-07 00:00:00,2018-02-08 12:00:00
            "r4","o4",5,,,2018-02-17 00:00:00,2018-02-18 08:00:00
            "r5","o5",3,,,2018-03-04 00:00:00,2018-03-05 11:00:00
            "r6","o6",5,,,2018-03-11 00:00:00,2018-03-12 13:00:00
            """;

    private static final String CUSTOMERS = """
            "customer_id","customer_unique_id","customer_zip_code_prefix","customer_city","customer_state"
            "c1","u1","01001","sao paulo","SP"
            "c2","u2","20040","rio de janeiro","RJ"
            "c3","u1","01001","sao paulo","SP"
            "c4","u4","30110","belo horizonte","MG"
            "c5","u5","01310","sao paulo","SP"
            "c6","u6","20040","rio de janeiro","RJ"
            "c7","u7","80010","curitiba","PR"
            "c8","u8","01001","sao paulo","SP"
            "c9","u9","40010","salvador","BA"
            "c10","u10","90010","porto alegre","RS"
            """;

    @TempDir
    Path dir;

    private Path source;

    @BeforeEach
    void writeSource() throws IOException {
        source = Files.createDirectories(dir.resolve("day-0"));
        write(SourceTable.ORDERS, ORDERS);
        write(SourceTable.ORDER_ITEMS, ITEMS);
        write(SourceTable.ORDER_PAYMENTS, PAYMENTS);
        write(SourceTable.ORDER_REVIEWS, REVIEWS);
        write(SourceTable.CUSTOMERS, CUSTOMERS);
        write(SourceTable.PRODUCTS, """
                "product_id","product_category_name","product_name_lenght","product_description_lenght",\
                "product_photos_qty","product_weight_g","product_length_cm","product_height_cm","product_width_cm"
                p1,beleza_saude,40,300,1,500,20,10,15
                p2,informatica_acessorios,50,900,2,1200,30,20,25
                """);
        write(SourceTable.SELLERS, """
                "seller_id","seller_zip_code_prefix","seller_city","seller_state"
                s1,13023,campinas,SP
                """);
        write(SourceTable.GEOLOCATION, """
                "geolocation_zip_code_prefix","geolocation_lat","geolocation_lng","geolocation_city","geolocation_state"
                "01001",-23.55,-46.63,sao paulo,SP
                """);
        Files.write(source.resolve(SourceTable.CATEGORY_TRANSLATION.fileName()),
                "\uFEFFproduct_category_name,product_category_name_english\r\nbeleza_saude,health_beauty"
                        .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void new_orders_copy_delivered_ones_after_the_newest_purchase_and_old_orders_change() throws IOException {
        Path next = dir.resolve("day-1");

        SourceChanges.Summary summary = SourceChanges.apply(source, next, new SourceChanges.Plan(40, 30, 7));

        // 40 % of 10 orders are 4 new ones; 30 % are 3 changed: one status change (a third, rounded down, from the
        // shipped orders first), one review added and one edited.
        assertThat(summary.newOrders()).isEqualTo(4);
        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(summary.canceled()).isZero();
        assertThat(summary.reviewsAdded()).isEqualTo(1);
        assertThat(summary.reviewsEdited()).isEqualTo(1);
        // New orders 0 and 1 come from new people, 2 from the copied order's person, 3 from them elsewhere.
        assertThat(summary.repeatBuyers()).isEqualTo(1);
        assertThat(summary.moves()).isEqualTo(1);
        for (SourceTable untouched : List.of(SourceTable.PRODUCTS, SourceTable.SELLERS, SourceTable.GEOLOCATION,
                SourceTable.CATEGORY_TRANSLATION)) {
            assertThat(Files.readAllBytes(next.resolve(untouched.fileName())))
                    .isEqualTo(Files.readAllBytes(source.resolve(untouched.fileName())));
        }

        List<String> orders = lines(next, SourceTable.ORDERS);
        List<String> before = lines(source, SourceTable.ORDERS);
        assertThat(orders).hasSize(1 + 14);
        // One of the two shipped orders is delivered five days after the carrier took it; nothing else changes.
        List<String> changed = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            if (!orders.get(i).equals(before.get(i))) {
                changed.add(orders.get(i));
            }
        }
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0)).isIn(
                "o7,c7,delivered,2018-03-01 10:00:00,2018-03-01 10:30:00,2018-03-02 10:00:00,2018-03-07 10:00:00,"
                        + "2018-03-20 00:00:00",
                "o8,c8,delivered,2018-03-03 09:00:00,2018-03-03 09:30:00,2018-03-04 11:00:00,2018-03-09 11:00:00,"
                        + "2018-03-22 00:00:00");

        // New order k is bought 1 + k days after the newest purchase (2018-03-20), every time moved alike.
        Map<String, String[]> old = byId(before.subList(1, before.size()));
        List<String[]> added = fields(orders.subList(11, 15));
        Map<String, String> templateOf = new HashMap<>();
        for (int k = 0; k < 4; k++) {
            String[] order = added.get(k);
            assertThat(order[0]).matches("[0-9a-f]{32}");
            assertThat(order[1]).matches("[0-9a-f]{32}");
            assertThat(LocalDate.parse(order[3].substring(0, 10))).isEqualTo(LocalDate.of(2018, 3, 21 + k));
            String[] template = old.values().stream()
                    .filter(o -> o[2].equals("delivered") && o[3].substring(10).equals(order[3].substring(10))
                            && shiftOf(o[3], order[3]) == shiftOf(o[6], order[6]))
                    .findFirst().orElseThrow();
            long days = shiftOf(template[3], order[3]);
            for (int column = 3; column <= 7; column++) {
                assertThat(order[column].isEmpty()).isEqualTo(template[column].isEmpty());
                if (!order[column].isEmpty()) {
                    assertThat(shiftOf(template[column], order[column])).as("column %d", column).isEqualTo(days);
                }
            }
            assertThat(order[2]).isEqualTo("delivered");
            templateOf.put(order[0], template[0]);
        }

        // Each new order has its template's items and payments, under its own id, shipping limits moved alike.
        List<String> items = lines(next, SourceTable.ORDER_ITEMS);
        assertThat(items.subList(0, 12)).isEqualTo(lines(source, SourceTable.ORDER_ITEMS));
        for (String[] item : fields(items.subList(12, items.size()))) {
            String template = templateOf.get(item[0]);
            assertThat(template).isNotNull();
            String[] original = fields(lines(source, SourceTable.ORDER_ITEMS)).stream()
                    .filter(i -> i[0].equals(template) && i[1].equals(item[1])).findFirst().orElseThrow();
            assertThat(List.of(item[2], item[3], item[5], item[6]))
                    .isEqualTo(List.of(original[2], original[3], original[5], original[6]));
        }
        long expectedItems = templateOf.values().stream().mapToLong(t -> t.equals("o2") ? 2 : 1).sum();
        assertThat(items).hasSize(12 + (int) expectedItems);
        assertThat(lines(next, SourceTable.ORDER_PAYMENTS)).hasSize(11 + 4);

        // Reviews: one old review's score changed (5 or 4 to 1, 3 or less to 5), a late one added three weeks
        // after its order's delivery, and each new order's copied review.
        List<String> reviews = records(next, SourceTable.ORDER_REVIEWS);
        List<String> oldReviews = records(source, SourceTable.ORDER_REVIEWS);
        assertThat(reviews).hasSize(7 + 4 + 1);
        int edited = 0;
        for (int i = 1; i < 7; i++) {
            if (!reviews.get(i).equals(oldReviews.get(i))) {
                edited++;
                String[] was = parse(oldReviews.get(i));
                String[] now = parse(reviews.get(i));
                assertThat(now[2]).isEqualTo(Integer.parseInt(was[2]) >= 4 ? "1" : "5");
                now[2] = was[2];
                assertThat(now).isEqualTo(was);
            }
        }
        assertThat(edited).isEqualTo(1);
        String[] late = parse(reviews.get(reviews.size() - 1));
        String[] lateOrder = old.get(late[1]);
        assertThat(lateOrder[2]).isEqualTo("delivered");
        assertThat(late[5]).isEqualTo(LocalDate.parse(lateOrder[6].substring(0, 10)).plusDays(21) + " 00:00:00");
        assertThat(late[0]).matches("[0-9a-f]{32}");
        // The multi-line review text, with its doubled quotes, keeps its bytes.
        assertThat(Files.readString(next.resolve(SourceTable.ORDER_REVIEWS.fileName())))
                .contains("\"veio \"\"quebrado\"\"\ne atrasado\"");

        // Customers: one row per new order, under the new customer id.
        List<String[]> customers = fields(lines(next, SourceTable.CUSTOMERS));
        Map<String, String[]> oldCustomers = byId(lines(source, SourceTable.CUSTOMERS).subList(1, 11));
        assertThat(customers).hasSize(1 + 14);
        for (int k = 0; k < 4; k++) {
            String[] customer = customers.get(11 + k);
            assertThat(customer[0]).isEqualTo(added.get(k)[1]);
            String[] template = oldCustomers.get(old.get(templateOf.get(added.get(k)[0]))[1]);
            switch (k) {
                case 0, 1 -> {
                    assertThat(customer[1]).matches("[0-9a-f]{32}");
                    assertThat(List.of(customer).subList(2, 5)).isEqualTo(List.of(template).subList(2, 5));
                }
                case 2 -> assertThat(List.of(customer).subList(1, 5)).isEqualTo(List.of(template).subList(1, 5));
                default -> {
                    assertThat(customer[1]).isEqualTo(template[1]);
                    assertThat(customer[4]).isNotEqualTo(template[4]);
                }
            }
        }
        assertThat(summary.rowsPerFile()).containsEntry(SourceTable.ORDERS, 14L)
                .containsEntry(SourceTable.ORDER_REVIEWS, 11L).containsEntry(SourceTable.CUSTOMERS, 14L);
    }

    @Test
    void the_same_source_plan_and_seed_give_the_same_bytes_and_changes_of_changes_get_new_ids() throws IOException {
        SourceChanges.Plan plan = new SourceChanges.Plan(40, 30, 7);
        SourceChanges.apply(source, dir.resolve("a"), plan);
        SourceChanges.apply(source, dir.resolve("b"), plan);
        SourceChanges.apply(dir.resolve("a"), dir.resolve("a2"), plan);

        for (SourceTable table : SourceTable.values()) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(table.fileName())))
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(table.fileName())));
        }
        List<String> first = lines(dir.resolve("a"), SourceTable.ORDERS);
        List<String> second = lines(dir.resolve("a2"), SourceTable.ORDERS);
        assertThat(second).hasSize(first.size() + 6); // 40 % of 14 orders
        List<String> firstIds = fields(first.subList(1, first.size())).stream().map(o -> o[0]).toList();
        assertThat(fields(second.subList(first.size(), second.size()))).extracting(o -> o[0])
                .doesNotContainAnyElementsOf(firstIds).doesNotHaveDuplicates();
    }

    @Test
    void nothing_to_change_copies_every_file_and_a_bad_plan_is_refused() throws IOException {
        SourceChanges.Summary summary = SourceChanges.apply(source, dir.resolve("same"),
                new SourceChanges.Plan(0, 0, 1));

        assertThat(summary.newOrders()).isZero();
        for (SourceTable table : SourceTable.values()) {
            assertThat(Files.readAllBytes(dir.resolve("same").resolve(table.fileName())))
                    .isEqualTo(Files.readAllBytes(source.resolve(table.fileName())));
        }
        assertThatThrownBy(() -> new SourceChanges.Plan(101, 0, 1)).hasMessageContaining("0 to 100");
        assertThatThrownBy(() -> SourceChanges.apply(source, source, new SourceChanges.Plan(1, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another directory");
    }

    private void write(SourceTable table, String text) throws IOException {
        Files.writeString(source.resolve(table.fileName()), text, StandardCharsets.UTF_8);
    }

    private static List<String> lines(Path dir, SourceTable table) throws IOException {
        return Files.readAllLines(dir.resolve(table.fileName()), StandardCharsets.UTF_8);
    }

    /** Records of a file whose quoted fields may span lines, header first. */
    private static List<String> records(Path dir, SourceTable table) throws IOException {
        List<String> records = new ArrayList<>();
        StringBuilder open = null;
        for (String line : lines(dir, table)) {
            if (open != null) {
                open.append('\n').append(line);
            } else {
                open = new StringBuilder(line);
            }
            if (open.chars().filter(c -> c == '"').count() % 2 == 0) {
                records.add(open.toString());
                open = null;
            }
        }
        return records;
    }

    private static String[] parse(String record) {
        return SourceChanges.Row.parse(record, SourceTable.ORDER_REVIEWS).values();
    }

    private static List<String[]> fields(List<String> lines) {
        return lines.stream().map(line -> line.replace("\"", "").split(",", -1)).toList();
    }

    private static Map<String, String[]> byId(List<String> lines) {
        Map<String, String[]> rows = new HashMap<>();
        fields(lines).forEach(row -> rows.put(row[0], row));
        return rows;
    }

    private static long shiftOf(String from, String to) {
        return ChronoUnit.DAYS.between(LocalDateTime.parse(from, TIMESTAMP), LocalDateTime.parse(to, TIMESTAMP));
    }
}
