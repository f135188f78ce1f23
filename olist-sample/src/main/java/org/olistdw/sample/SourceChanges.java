package org.olistdw.sample;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.olistdw.pipeline.source.CsvRecords;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The next state of a directory of the nine source files, as a marketplace moves on between two runs: new orders
 * arrive with their items, payments, reviews and customer rows; old orders change (a shipped order is delivered,
 * an open one is canceled); reviews arrive late or are edited; some buyers come back, some of them from a new
 * address. Nothing is deleted. Files nothing touches (products, sellers, geolocation, translation) are copied
 * byte for byte; in the others every row keeps its text except the changed ones, and new rows are appended.
 *
 * <p>Works on any directory of the nine files that meets the source contracts (generated or the published
 * dataset). New rows copy the shape of existing ones:
 * <ul>
 *   <li>a <b>new order</b> copies a delivered order (its items, payments and reviews too) with fresh ids, every
 *       timestamp moved forward by whole days so that it is bought after the newest order of the source;</li>
 *   <li>its <b>customer row</b> has a fresh {@code customer_id}; of every four new orders, two come from new
 *       people at the copied order's address, one from the copied order's person again (a repeat buyer), one
 *       from that person at another state's address (a move: their newest order carries the new address);</li>
 *   <li>a third of the <b>changed orders</b> change status (shipped → delivered five days after the carrier
 *       took it; invoiced, processing, approved or created → canceled), a third receive a review written three
 *       weeks after delivery, a third have their first review's score changed (an order without a review
 *       receives one instead).</li>
 * </ul>
 * Fresh ids are derived from the seed and the source's newest purchase time, so applying the changes again to
 * their own output gives new ids. The same source, plan and seed give the same bytes.
 */
public final class SourceChanges {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_RECORD_BYTES = 1 << 20;
    private static final int BUFFER_BYTES = 1 << 16;
    private static final Set<String> OPEN = Set.of("invoiced", "processing", "approved", "created");
    private static final int ORDER_ID = 0;
    private static final int CUSTOMER_ID = 1;
    private static final int STATUS = 2;
    private static final int PURCHASE = 3;
    private static final int CARRIER = 5;
    private static final int DELIVERED = 6;
    private static final int ESTIMATED = 7;

    /**
     * What to change.
     *
     * @param newOrdersPercent     new orders, as a percentage of the source's orders (0 to 100)
     * @param changedOrdersPercent old orders that change, as a percentage of the source's orders (0 to 100)
     * @param seed                 any number; the same seed gives the same changes
     */
    public record Plan(double newOrdersPercent, double changedOrdersPercent, long seed) {
        /** @throws IllegalArgumentException when a percentage is not between 0 and 100 */
        public Plan {
            if (!(newOrdersPercent >= 0 && newOrdersPercent <= 100)) {
                throw new IllegalArgumentException("new orders must be 0 to 100 %, was " + newOrdersPercent);
            }
            if (!(changedOrdersPercent >= 0 && changedOrdersPercent <= 100)) {
                throw new IllegalArgumentException("changed orders must be 0 to 100 %, was " + changedOrdersPercent);
            }
        }
    }

    /**
     * What was changed.
     *
     * @param newOrders       orders added
     * @param delivered       shipped orders now delivered
     * @param canceled        open orders now canceled
     * @param reviewsAdded    reviews added to old orders
     * @param reviewsEdited   old reviews whose score changed
     * @param repeatBuyers    new orders placed by a person of the source at their address
     * @param moves           new orders placed by a person of the source from another state
     * @param rowsPerFile     data rows of each file rewritten (orders, items, payments, reviews, customers); the other
     *                        four are byte-for-byte copies
     */
    public record Summary(long newOrders, long delivered, long canceled, long reviewsAdded, long reviewsEdited,
                          long repeatBuyers, long moves, Map<SourceTable, Long> rowsPerFile) {
        public Summary {
            rowsPerFile = Map.copyOf(rowsPerFile);
        }
    }

    private final Path from;
    private final Path to;
    private final Plan plan;
    private final Map<SourceTable, Long> rows = new LinkedHashMap<>();
    /** Mixed from the seed and the source's newest purchase, so that changes of changes get new ids. */
    private long idBase;

    private SourceChanges(Path from, Path to, Plan plan) {
        this.from = from;
        this.to = to;
        this.plan = plan;
    }

    /**
     * Writes the changed state of {@code from} into {@code to} (created if needed; its files of the same names are
     * replaced).
     *
     * @throws IOException              when a file cannot be read or written
     * @throws IllegalArgumentException when {@code from} and {@code to} are the same directory, or a source row
     *                                  does not have its file's fields
     */
    public static Summary apply(Path from, Path to, Plan plan) throws IOException {
        Objects.requireNonNull(plan, "plan");
        if (Files.isSameFile(from, Files.createDirectories(to))) {
            throw new IllegalArgumentException("the changes must go to another directory than " + from);
        }
        return new SourceChanges(from, to, plan).write();
    }

    private Summary write() throws IOException {
        for (SourceTable table : List.of(SourceTable.PRODUCTS, SourceTable.SELLERS, SourceTable.GEOLOCATION,
                SourceTable.CATEGORY_TRANSLATION)) {
            Files.copy(from.resolve(table.fileName()), to.resolve(table.fileName()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        OrderScan scan = scanOrders();
        long orders = scan.count;
        idBase = Seeds.mix(plan.seed() * 31 + scan.newest.hashCode());
        SplittableRandom random = new SplittableRandom(idBase);
        int newOrders = share(orders, plan.newOrdersPercent());
        int changed = share(orders, plan.changedOrdersPercent());
        Set<Integer> taken = new HashSet<>();
        int[] templates = new int[newOrders];
        for (int k = 0; k < newOrders; k++) {
            templates[k] = scan.delivered.isEmpty() ? -1 : scan.delivered.get(random.nextInt(scan.delivered.size()));
        }
        if (newOrders > 0 && scan.delivered.isEmpty()) {
            throw new IllegalArgumentException("the source has no delivered order to model new orders on");
        }
        Map<Integer, String> statusChanges = new HashMap<>();
        int statusTotal = changed / 3;
        int delivered = pickStatusChanges(scan.shipped, (statusTotal + 1) / 2, "delivered", random, taken,
                statusChanges);
        int canceled = pickStatusChanges(scan.open, statusTotal - delivered, "canceled", random, taken,
                statusChanges);
        int reviewChanges = changed - delivered - canceled;
        List<Integer> reviewed = pickDistinct(scan.delivered, reviewChanges, random, taken);
        Set<Integer> addReview = new HashSet<>(reviewed.subList(0, reviewed.size() / 2));
        Set<Integer> editReview = new HashSet<>(reviewed.subList(reviewed.size() / 2, reviewed.size()));

        NewOrders fresh = writeOrders(scan, templates, statusChanges, addReview, editReview);
        copyWithNewRows(SourceTable.ORDER_ITEMS, fresh, 4);
        copyWithNewRows(SourceTable.ORDER_PAYMENTS, fresh, -1);
        long[] reviews = writeReviews(fresh);
        long[] customers = writeCustomers(fresh, random, Math.max(1, orders / 2_000));
        return new Summary(newOrders, delivered, canceled, reviews[0], reviews[1], customers[0], customers[1], rows);
    }

    private static int share(long count, double percent) {
        return (int) Math.min(count, Math.round(count * percent / 100));
    }

    /** What the first pass over the orders file finds: record ordinals by status and the newest purchase. */
    private static final class OrderScan {
        long count;
        String newest = "";
        final List<Integer> delivered = new ArrayList<>();
        final List<Integer> shipped = new ArrayList<>();
        final List<Integer> open = new ArrayList<>();
    }

    private OrderScan scanOrders() throws IOException {
        OrderScan scan = new OrderScan();
        forEachRecord(SourceTable.ORDERS, (ordinal, raw) -> {
            Row row = Row.parse(raw, SourceTable.ORDERS);
            String status = row.get(STATUS);
            if (status.equals("delivered") && !row.get(DELIVERED).isEmpty()) {
                scan.delivered.add(ordinal);
            } else if (status.equals("shipped") && !row.get(CARRIER).isEmpty()) {
                scan.shipped.add(ordinal);
            } else if (OPEN.contains(status)) {
                scan.open.add(ordinal);
            }
            if (row.get(PURCHASE).compareTo(scan.newest) > 0) {
                scan.newest = row.get(PURCHASE);
            }
            scan.count++;
        });
        if (scan.count == 0) {
            throw new IllegalArgumentException("the orders file of " + from + " has no rows");
        }
        return scan;
    }

    private static int pickStatusChanges(List<Integer> candidates, int wanted, String status, SplittableRandom random,
                                          Set<Integer> taken, Map<Integer, String> changes) {
        List<Integer> picked = pickDistinct(candidates, Math.max(0, wanted), random, taken);
        picked.forEach(ordinal -> changes.put(ordinal, status));
        return picked.size();
    }

    private static List<Integer> pickDistinct(List<Integer> candidates, int wanted, SplittableRandom random,
                                              Set<Integer> taken) {
        List<Integer> free = new ArrayList<>(candidates);
        free.removeAll(taken);
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < wanted && !free.isEmpty()) {
            int at = random.nextInt(free.size());
            int ordinal = free.get(at);
            free.set(at, free.get(free.size() - 1));
            free.remove(free.size() - 1);
            picked.add(ordinal);
            taken.add(ordinal);
        }
        return picked;
    }

    /**
     * One new order: the order it copies and that order's customer id, its own ids, and how many days its times
     * are moved forward.
     */
    private record NewOrder(String templateId, String templateCustomerId, String orderId, String customerId,
                            long shiftDays) {
    }

    /** The new orders, and the old orders whose reviews change, as the other files need them. */
    private static final class NewOrders {
        /** In the order they are appended. */
        final List<NewOrder> orders = new ArrayList<>();
        /** Old orders that receive a review, in file order. */
        final Set<String> addReview = new LinkedHashSet<>();
        /** Old orders whose first review's score changes. */
        final Set<String> editReview = new LinkedHashSet<>();
        /** The delivery time of the old orders of both sets: a late review is written three weeks after it. */
        final Map<String, LocalDateTime> delivered = new HashMap<>();

        Set<String> templateIds() {
            Set<String> ids = new HashSet<>();
            orders.forEach(order -> ids.add(order.templateId()));
            return ids;
        }
    }

    private NewOrders writeOrders(OrderScan scan, int[] templates, Map<Integer, String> statusChanges,
                                  Set<Integer> addReview, Set<Integer> editReview) throws IOException {
        Map<Integer, Row> templateRows = new HashMap<>();
        Set<Integer> wanted = new HashSet<>();
        for (int t : templates) {
            wanted.add(t);
        }
        NewOrders fresh = new NewOrders();
        try (Output out = new Output(SourceTable.ORDERS)) {
            forEachRecord(SourceTable.ORDERS, (ordinal, raw) -> {
                String status = statusChanges.get(ordinal);
                boolean needed = wanted.contains(ordinal) || addReview.contains(ordinal)
                        || editReview.contains(ordinal);
                if (status == null && !needed) {
                    out.raw(raw);
                    return;
                }
                Row row = Row.parse(raw, SourceTable.ORDERS);
                if (wanted.contains(ordinal)) {
                    templateRows.put(ordinal, row);
                }
                if (addReview.contains(ordinal)) {
                    fresh.addReview.add(row.get(ORDER_ID));
                }
                if (editReview.contains(ordinal)) {
                    fresh.editReview.add(row.get(ORDER_ID));
                }
                if (addReview.contains(ordinal) || editReview.contains(ordinal)) {
                    fresh.delivered.put(row.get(ORDER_ID), time(row.get(DELIVERED)));
                }
                if (status == null) {
                    out.raw(raw);
                } else {
                    Row changed = row.with(STATUS, status);
                    if (status.equals("delivered")) {
                        LocalDateTime arrived = time(row.get(CARRIER)).plusDays(5);
                        changed = changed.with(DELIVERED, TIMESTAMP.format(arrived));
                    }
                    out.row(changed);
                }
            });
            LocalDateTime newest = time(scan.newest);
            for (int k = 0; k < templates.length; k++) {
                Row template = templateRows.get(templates[k]);
                long days = ChronoUnit.DAYS.between(time(template.get(PURCHASE)).toLocalDate(),
                        newest.toLocalDate()) + 1 + k % 7;
                String orderId = freshId(1, k);
                String customerId = freshId(2, k);
                fresh.orders.add(new NewOrder(template.get(ORDER_ID), template.get(CUSTOMER_ID), orderId, customerId,
                        days));
                Row row = template.with(ORDER_ID, orderId).with(CUSTOMER_ID, customerId);
                for (int column = PURCHASE; column <= ESTIMATED; column++) {
                    row = row.shifted(column, days);
                }
                out.row(row);
            }
        }
        return fresh;
    }

    /** Copies items or payments and appends the copied orders' rows for the new orders. */
    private void copyWithNewRows(SourceTable table, NewOrders fresh, int timestampColumn) throws IOException {
        Set<String> templateIds = fresh.templateIds();
        Map<String, List<Row>> byOrder = new HashMap<>();
        try (Output out = new Output(table)) {
            forEachRecord(table, (ordinal, raw) -> {
                out.raw(raw);
                String orderId = Row.firstField(raw);
                if (templateIds.contains(orderId)) {
                    byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(Row.parse(raw, table));
                }
            });
            for (NewOrder order : fresh.orders) {
                for (Row row : byOrder.getOrDefault(order.templateId(), List.of())) {
                    Row copy = row.with(0, order.orderId());
                    out.row(timestampColumn < 0 ? copy : copy.shifted(timestampColumn, order.shiftDays()));
                }
            }
        }
    }

    /** Copies the reviews, edits some, and appends the reviews of the new orders and the late ones. */
    private long[] writeReviews(NewOrders fresh) throws IOException {
        SourceTable table = SourceTable.ORDER_REVIEWS;
        Set<String> templateIds = fresh.templateIds();
        Map<String, List<Row>> byOrder = new HashMap<>();
        Set<String> toEdit = new HashSet<>(fresh.editReview);
        long[] counts = new long[2];
        try (Output out = new Output(table)) {
            forEachRecord(table, (ordinal, raw) -> {
                Row row = Row.parse(raw, table);
                String orderId = row.get(1);
                if (templateIds.contains(orderId)) {
                    byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(row);
                }
                if (toEdit.remove(orderId)) {
                    int score = Integer.parseInt(row.get(2));
                    out.row(row.with(2, Integer.toString(score >= 4 ? 1 : 5)));
                    counts[1]++;
                } else {
                    out.raw(raw);
                }
            });
            for (int k = 0; k < fresh.orders.size(); k++) {
                NewOrder order = fresh.orders.get(k);
                int j = 0;
                for (Row row : byOrder.getOrDefault(order.templateId(), List.of())) {
                    out.row(row.with(0, freshId(3, 4L * k + j++)).with(1, order.orderId())
                            .shifted(5, order.shiftDays()).shifted(6, order.shiftDays()));
                }
            }
            List<String> late = new ArrayList<>(fresh.addReview);
            for (String orderId : fresh.editReview) {
                if (toEdit.contains(orderId)) {
                    late.add(orderId); // no review to edit: the order receives its first one instead
                }
            }
            long n = 0;
            for (String orderId : late) {
                LocalDateTime created = fresh.delivered.get(orderId).toLocalDate().atStartOfDay().plusDays(21);
                out.row(new Row(new String[] {freshId(4, n), orderId, Integer.toString(1 + (int) (n % 5)), "",
                    "", TIMESTAMP.format(created), TIMESTAMP.format(created.plusHours(30 + n % 17))},
                    new boolean[] {true, true, false, false, false, false, false}));
                n++;
            }
            counts[0] = n;
        }
        return counts;
    }

    /** Copies the customers and appends a row for each new order: new people, repeat buyers and moves. */
    private long[] writeCustomers(NewOrders fresh, SplittableRandom random, long addressStep) throws IOException {
        SourceTable table = SourceTable.CUSTOMERS;
        Set<String> templateCustomers = new HashSet<>();
        fresh.orders.forEach(order -> templateCustomers.add(order.templateCustomerId()));
        Map<String, Row> byId = new HashMap<>();
        List<Row> addresses = new ArrayList<>();
        try (Output out = new Output(table)) {
            forEachRecord(table, (ordinal, raw) -> {
                out.raw(raw);
                String customerId = Row.firstField(raw);
                boolean template = templateCustomers.contains(customerId);
                boolean address = ordinal % addressStep == 0 && addresses.size() < 2_000;
                if (template || address) {
                    Row row = Row.parse(raw, table);
                    if (template) {
                        byId.put(customerId, row);
                    }
                    if (address) {
                        addresses.add(row);
                    }
                }
            });
            long repeat = 0;
            long moves = 0;
            for (int k = 0; k < fresh.orders.size(); k++) {
                NewOrder order = fresh.orders.get(k);
                Row row = byId.get(order.templateCustomerId());
                if (row == null) {
                    throw new IllegalArgumentException("order " + order.templateId() + " has no customer row in " + from);
                }
                row = row.with(0, order.customerId());
                switch (k % 4) {
                    case 2 -> repeat++;
                    case 3 -> {
                        Row elsewhere = addressOutside(row.get(4), addresses, random);
                        if (elsewhere != null) {
                            row = row.with(2, elsewhere.get(2)).with(3, elsewhere.get(3)).with(4, elsewhere.get(4));
                            moves++;
                        } else {
                            repeat++;
                        }
                    }
                    default -> row = row.with(1, freshId(5, k));
                }
                out.row(row);
            }
            return new long[] {repeat, moves};
        }
    }

    private static Row addressOutside(String state, List<Row> addresses, SplittableRandom random) {
        if (addresses.isEmpty()) {
            return null;
        }
        int start = random.nextInt(addresses.size());
        for (int i = 0; i < addresses.size(); i++) {
            Row candidate = addresses.get((start + i) % addresses.size());
            if (!candidate.get(4).equals(state)) {
                return candidate;
            }
        }
        return null;
    }

    /** A 32-digit hexadecimal id, distinct per kind and index, seed and source state. */
    private String freshId(int kind, long index) {
        long base = idBase ^ Seeds.mix(kind * 0x9E3779B97F4A7C15L + index);
        return String.format("%016x%016x", Seeds.mix(base ^ 0x5851F42D4C957F2DL),
                Seeds.mix(base ^ 0x14057B7EF767814FL));
    }

    private static LocalDateTime time(String text) {
        return LocalDateTime.parse(text, TIMESTAMP);
    }

    @FunctionalInterface
    private interface RecordAction {
        void accept(int ordinal, String raw) throws IOException;
    }

    private void forEachRecord(SourceTable table, RecordAction action) throws IOException {
        try (InputStream in = Files.newInputStream(from.resolve(table.fileName()));
             CsvRecords records = new CsvRecords(in, table.header().size(), MAX_RECORD_BYTES, BUFFER_BYTES)) {
            int ordinal = 0;
            while (records.next()) {
                if (records.isBlank()) {
                    continue;
                }
                if (records.malformation() != null || records.fieldCount() != table.header().size()) {
                    throw new IllegalArgumentException(table.fileName() + " line " + records.line()
                            + ": not a row of the source contract");
                }
                action.accept(ordinal++, records.rawText());
            }
        }
    }

    /** A file being written: the source's header line, then records, each ended by a line feed. */
    private final class Output implements AutoCloseable {
        private final SourceTable table;
        private final BufferedWriter writer;
        private long count;

        Output(SourceTable table) throws IOException {
            this.table = table;
            String header;
            try (BufferedReader reader = Files.newBufferedReader(from.resolve(table.fileName()),
                    StandardCharsets.UTF_8)) {
                header = reader.readLine();
            }
            this.writer = Files.newBufferedWriter(to.resolve(table.fileName()), StandardCharsets.UTF_8);
            writer.write(header == null ? "" : header);
            writer.write('\n');
        }

        void raw(String text) throws IOException {
            writer.write(text);
            writer.write('\n');
            count++;
        }

        void row(Row row) throws IOException {
            raw(row.format());
        }

        @Override
        public void close() throws IOException {
            writer.close();
            rows.put(table, count);
        }
    }

    /** One record's fields, unquoted, and which of them the file quoted. */
    record Row(String[] values, boolean[] quoted) {

        static Row parse(String raw, SourceTable table) {
            List<String> values = new ArrayList<>();
            List<Boolean> quoted = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            while (true) {
                field.setLength(0);
                boolean isQuoted = i < raw.length() && raw.charAt(i) == '"';
                if (isQuoted) {
                    i++;
                    while (i < raw.length()) {
                        char c = raw.charAt(i++);
                        if (c == '"') {
                            if (i < raw.length() && raw.charAt(i) == '"') {
                                field.append('"');
                                i++;
                            } else {
                                break;
                            }
                        } else {
                            field.append(c);
                        }
                    }
                } else {
                    while (i < raw.length() && raw.charAt(i) != ',') {
                        field.append(raw.charAt(i++));
                    }
                }
                values.add(field.toString());
                quoted.add(isQuoted);
                if (i >= raw.length()) {
                    break;
                }
                i++; // the comma
            }
            if (values.size() != table.header().size()) {
                throw new IllegalArgumentException(table.fileName() + ": a row with " + values.size()
                        + " fields, expected " + table.header().size());
            }
            boolean[] flags = new boolean[quoted.size()];
            for (int k = 0; k < flags.length; k++) {
                flags[k] = quoted.get(k);
            }
            return new Row(values.toArray(String[]::new), flags);
        }

        /** The first field of a record, unquoted (ids hold no quotes or commas). */
        static String firstField(String raw) {
            int comma = raw.indexOf(',');
            String first = comma < 0 ? raw : raw.substring(0, comma);
            return first.length() >= 2 && first.charAt(0) == '"' ? first.substring(1, first.length() - 1) : first;
        }

        String get(int column) {
            return values[column];
        }

        Row with(int column, String value) {
            String[] copy = values.clone();
            copy[column] = value;
            return new Row(copy, quoted);
        }

        /** The row with a timestamp column moved by whole days (an empty one stays empty). */
        Row shifted(int column, long days) {
            return values[column].isEmpty() ? this
                    : with(column, TIMESTAMP.format(LocalDateTime.parse(values[column], TIMESTAMP).plusDays(days)));
        }

        String format() {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < values.length; k++) {
                if (k > 0) {
                    text.append(',');
                }
                String value = values[k];
                boolean quote = quoted[k] && !value.isEmpty() || value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                        || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
                if (quote) {
                    text.append('"').append(value.replace("\"", "\"\"")).append('"');
                } else {
                    text.append(value);
                }
            }
            return text.toString();
        }
    }
}
