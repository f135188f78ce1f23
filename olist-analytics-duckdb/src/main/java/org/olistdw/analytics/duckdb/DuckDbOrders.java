package org.olistdw.analytics.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.OrderRecord;
import org.olistdw.domain.order.OrderRecord.ItemRecord;
import org.olistdw.domain.order.OrderRecord.PaymentRecord;
import org.olistdw.domain.order.OrderRecord.ReviewRecord;
import org.olistdw.domain.order.Orders;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.OrderId;

/**
 * Orders of a warehouse, each rebuilt from the core star schema and replayed through
 * {@link Order#reconstitute(OrderRecord)}: the order from {@code core.fact_orders} (the person behind its
 * customer id through {@code core.dim_customer}), its items from {@code core.fact_order_items}, payments
 * from {@code core.fact_payments} and reviews from {@code core.fact_reviews}. Items, payments and reviews
 * whose order is missing from the orders file belong to no order.
 *
 * <p>The four tables are read by four cursors sorted by order id and merged, so that one order is in memory
 * at a time however many the warehouse holds: DuckDB sorts (spilling to disk beyond its memory limit) and
 * streams each result chunk by chunk.
 */
final class DuckDbOrders implements Orders {

    private static final String ORDERS = """
            select
                encode(orders.order_id) as order_id,
                encode(orders.customer_id) as customer_id,
                encode(case when orders.customer_key <> -1 then customers.customer_unique_id end)
                    as customer_unique_id,
                encode(orders.order_status) as order_status,
                orders.order_purchase_timestamp,
                orders.order_approved_at,
                orders.order_delivered_carrier_date,
                orders.order_delivered_customer_date,
                orders.order_estimated_delivery_date
            from core.fact_orders as orders
            left join core.dim_customer as customers
                on orders.customer_key = customers.customer_key
            where %s
            order by orders.order_id
            """;

    private static final String ITEMS = """
            select
                encode(order_id) as order_id,
                order_item_id,
                encode(product_id) as product_id,
                encode(seller_id) as seller_id,
                shipping_limit_date,
                price,
                freight_value
            from core.fact_order_items
            where not is_order_missing
                and %s
            order by order_id, order_item_id
            """;

    private static final String PAYMENTS = """
            select
                encode(order_id) as order_id,
                payment_sequential,
                encode(payment_type) as payment_type,
                payment_installments,
                payment_value
            from core.fact_payments
            where not is_order_missing
                and %s
            order by order_id, payment_sequential
            """;

    private static final String REVIEWS = """
            select
                encode(order_id) as order_id,
                encode(review_id) as review_id,
                review_score,
                review_creation_date,
                review_answer_timestamp
            from core.fact_reviews
            where not is_order_missing
                and %s
            order by order_id, review_creation_date, review_id
            """;

    /** Every order. */
    private static final String ALL = "true";

    /** The orders that the run's changed keys touch. */
    private static final String AFFECTED =
            "order_id in (select order_id from raw.affected_orders where not lines_only)";

    /** The order whose id is the parameter. */
    private static final String ONE_ORDER = "order_id = ?";

    /** The orders placed under any version of the person whose id is the parameter. */
    private static final String ORDERS_OF_PERSON = """
            order_id in (
                select person_orders.order_id
                from core.fact_orders as person_orders
                join core.dim_customer as people
                    on person_orders.customer_key = people.customer_key
                where people.customer_unique_id = ?
                    and person_orders.customer_key <> -1
            )""";

    /** Purchase time, then id. */
    private static final Comparator<Order> PURCHASE_ORDER = Comparator.comparing(Order::purchasedAt)
            .thenComparing(order -> order.id().value(), DuckDbCursor::compareKeys);

    private final DuckDBConnection connection;

    /**
     * The tables {@link #streamAll()} reads, found by DuckDB's parser in its queries, so that a step streaming
     * every order declares exactly what it reads.
     */
    static Set<String> tablesRead(Connection parser) {
        Set<String> tables = new TreeSet<>();
        for (String query : List.of(ORDERS, ITEMS, PAYMENTS, REVIEWS)) {
            tables.addAll(SqlReferences.of(parser, query.formatted(ALL)));
        }
        return tables;
    }

    DuckDbOrders(DuckDBConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        Objects.requireNonNull(id, "order id");
        try (Stream<Order> orders = read(ONE_ORDER, id.value())) {
            return orders.findFirst();
        }
    }

    @Override
    public List<Order> findByCustomer(CustomerUniqueId person) {
        Objects.requireNonNull(person, "customer unique id");
        try (Stream<Order> orders = read(ORDERS_OF_PERSON, person.value())) {
            return orders.sorted(PURCHASE_ORDER).toList();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Holds four cursors, each on a connection of its own duplicated from the warehouse's: closing the
     * stream closes them.
     */
    @Override
    public Stream<Order> streamAll() {
        return read(ALL);
    }

    /**
     * The orders of part {@code part} of {@code parts}, as {@link #streamAll()} streams every order: an order
     * belongs to the part its id's hash falls in, so the parts hold every order once and can be read side by side.
     */
    Stream<Order> streamPart(int part, int parts) {
        return read(inPart(ALL, part, parts));
    }

    /**
     * The orders of {@code raw.affected_orders}, those the run's changed keys touch, in part {@code part} of
     * {@code parts}, as {@link #streamPart} streams every order of a part.
     */
    Stream<Order> streamAffected(int part, int parts) {
        return read(inPart(AFFECTED, part, parts));
    }

    /** {@code orderFilter}, and the order's id in part {@code part} of {@code parts}. */
    private static String inPart(String orderFilter, int part, int parts) {
        if (parts < 1 || part < 0 || part >= parts) {
            throw new IllegalArgumentException("part " + part + " of " + parts + " does not exist");
        }
        return parts == 1 ? orderFilter : "(" + orderFilter + ") and hash(order_id) % " + parts + " = " + part;
    }

    /** The orders that {@code orderFilter} (a condition on {@code order_id}) keeps, by id. */
    private Stream<Order> read(String orderFilter, Object... parameters) {
        List<DuckDbCursor> cursors = DuckDbStreams.openAll(connection,
                List.of(ORDERS.formatted(orderFilter), ITEMS.formatted(orderFilter),
                        PAYMENTS.formatted(orderFilter), REVIEWS.formatted(orderFilter)),
                parameters);
        DuckDbCursor orders = cursors.get(0);
        DuckDbCursor items = cursors.get(1);
        DuckDbCursor payments = cursors.get(2);
        DuckDbCursor reviews = cursors.get(3);
        Supplier<Order> next = () -> {
            if (!orders.hasRow()) {
                return null;
            }
            String orderId = orders.key();
            OrderRow order = orders.next(row -> OrderRow.read(orderId, row));
            return order.toDomain(items.take(order.orderId(), DuckDbOrders::item),
                    payments.take(order.orderId(), DuckDbOrders::payment),
                    reviews.take(order.orderId(), DuckDbOrders::review));
        };
        return DuckDbStreams.of(cursors, next);
    }

    /** A row of {@link #ITEMS}, read by position. */
    private static ItemRecord item(ResultSet row) throws SQLException {
        return new ItemRecord(row.getInt(2), DuckDbCursor.text(row, 3), DuckDbCursor.text(row, 4),
                DuckDbCursor.timestamp(row, 5),
                DuckDbCursor.decimal(row, 6), DuckDbCursor.decimal(row, 7));
    }

    /** A row of {@link #PAYMENTS}, read by position. */
    private static PaymentRecord payment(ResultSet row) throws SQLException {
        return new PaymentRecord(row.getInt(2), DuckDbCursor.text(row, 3), row.getInt(4), DuckDbCursor.decimal(row, 5));
    }

    /** A row of {@link #REVIEWS}, read by position. */
    private static ReviewRecord review(ResultSet row) throws SQLException {
        return new ReviewRecord(DuckDbCursor.text(row, 2), row.getInt(3), DuckDbCursor.timestamp(row, 4),
                DuckDbCursor.timestamp(row, 5));
    }

    /** A row of {@code core.fact_orders} with the person behind its customer id. */
    private record OrderRow(String orderId, String customerId, String customerUniqueId, String status,
                            LocalDateTime purchasedAt, LocalDateTime approvedAt, LocalDateTime handedToCarrierAt,
                            LocalDateTime deliveredAt, LocalDateTime estimatedDeliveryAt) {

        /** A row of {@link #ORDERS} whose first column is {@code orderId}, read by position. */
        static OrderRow read(String orderId, ResultSet row) throws SQLException {
            return new OrderRow(orderId, DuckDbCursor.text(row, 2), DuckDbCursor.text(row, 3),
                    DuckDbCursor.text(row, 4), DuckDbCursor.timestamp(row, 5), DuckDbCursor.timestamp(row, 6),
                    DuckDbCursor.timestamp(row, 7), DuckDbCursor.timestamp(row, 8), DuckDbCursor.timestamp(row, 9));
        }

        /** The order replayed from this row and the lines of its items, payments and reviews. */
        Order toDomain(List<ItemRecord> items, List<PaymentRecord> payments, List<ReviewRecord> reviews) {
            return Order.reconstitute(new OrderRecord(orderId, customerId, customerUniqueId, status, purchasedAt,
                    approvedAt, handedToCarrierAt, deliveredAt, estimatedDeliveryAt, items, payments, reviews));
        }
    }
}
