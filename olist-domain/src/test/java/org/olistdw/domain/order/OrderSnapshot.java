package org.olistdw.domain.order;

import java.util.List;

/** Everything an order shows, as one comparable value: two equal snapshots mean nothing visible changed. */
final class OrderSnapshot {

    private OrderSnapshot() {
    }

    static List<Object> of(Order order) {
        return List.of(order.id(), order.customerId(), order.customerUniqueId(), order.status(),
                order.purchasedAt(), order.approvedAt(), order.handedToCarrierAt(), order.deliveredAt(),
                order.estimatedDeliveryAt(), order.items().toString(), order.payments().toString(),
                order.reviews().toString(), order.events(), order.violations());
    }
}
