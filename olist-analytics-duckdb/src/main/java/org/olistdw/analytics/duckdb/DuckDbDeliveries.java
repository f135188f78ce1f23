package org.olistdw.analytics.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.delivery.Deliveries;
import org.olistdw.domain.delivery.Delivery;
import org.olistdw.domain.shared.OrderId;

/**
 * Deliveries of a warehouse: one per order of {@code core.fact_orders} that has a purchase time, to the
 * state the order was shipped to. An order is delivered when it is in {@code core.fact_deliveries} (status
 * delivered with a delivered-customer date); any other order is not, whatever dates it carries.
 */
final class DuckDbDeliveries implements Deliveries {

    private static final String DELIVERIES = """
            select
                orders.order_id,
                orders.delivery_state,
                orders.order_purchase_timestamp,
                orders.order_delivered_carrier_date,
                orders.order_estimated_delivery_date,
                deliveries.order_id is not null as is_delivered,
                orders.order_delivered_customer_date
            from core.fact_orders as orders
            left join core.fact_deliveries as deliveries
                on orders.order_id = deliveries.order_id
            where orders.order_purchase_timestamp is not null
                %s
            order by orders.order_id
            """;

    private final DuckDBConnection connection;

    DuckDbDeliveries(DuckDBConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Optional<Delivery> findByOrder(OrderId orderId) {
        Objects.requireNonNull(orderId, "order id");
        try (Stream<Delivery> deliveries = read("and orders.order_id = ?", orderId.value())) {
            return deliveries.findFirst();
        }
    }

    @Override
    public Stream<Delivery> streamAll() {
        return read("");
    }

    private Stream<Delivery> read(String filter, Object... parameters) {
        DuckDbCursor deliveries = DuckDbCursor.open(connection, DELIVERIES.formatted(filter), parameters);
        return DuckDbStreams.of(List.of(deliveries),
                () -> deliveries.hasRow() ? deliveries.next(DeliveryRow::read).toDomain() : null);
    }

    /** An order of {@code core.fact_orders} and whether {@code core.fact_deliveries} has it. */
    private record DeliveryRow(String orderId, String state, LocalDateTime purchasedAt,
                               LocalDateTime handedToCarrierAt, LocalDateTime estimatedDeliveryAt,
                               boolean delivered, LocalDateTime deliveredAt) {

        static DeliveryRow read(ResultSet row) throws SQLException {
            return new DeliveryRow(row.getString("order_id"), row.getString("delivery_state"),
                    DuckDbCursor.timestamp(row, "order_purchase_timestamp"),
                    DuckDbCursor.timestamp(row, "order_delivered_carrier_date"),
                    DuckDbCursor.timestamp(row, "order_estimated_delivery_date"), row.getBoolean("is_delivered"),
                    DuckDbCursor.timestamp(row, "order_delivered_customer_date"));
        }

        Delivery toDomain() {
            return Delivery.reconstitute(new OrderId(orderId), DuckDbAddresses.stateOrNull(state), purchasedAt,
                    handedToCarrierAt, estimatedDeliveryAt, delivered ? deliveredAt : null);
        }
    }
}
