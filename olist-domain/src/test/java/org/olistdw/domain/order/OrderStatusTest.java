package org.olistdw.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olistdw.domain.order.OrderStatus.APPROVED;
import static org.olistdw.domain.order.OrderStatus.CANCELED;
import static org.olistdw.domain.order.OrderStatus.CREATED;
import static org.olistdw.domain.order.OrderStatus.DELIVERED;
import static org.olistdw.domain.order.OrderStatus.INVOICED;
import static org.olistdw.domain.order.OrderStatus.PROCESSING;
import static org.olistdw.domain.order.OrderStatus.SHIPPED;
import static org.olistdw.domain.order.OrderStatus.UNAVAILABLE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    private static final Map<OrderStatus, Set<OrderStatus>> MARKETPLACE_TRANSITIONS = Map.of(
            CREATED, EnumSet.of(APPROVED, CANCELED, UNAVAILABLE),
            APPROVED, EnumSet.of(INVOICED, PROCESSING, CANCELED, UNAVAILABLE),
            PROCESSING, EnumSet.of(INVOICED, CANCELED, UNAVAILABLE),
            INVOICED, EnumSet.of(SHIPPED, CANCELED, UNAVAILABLE),
            SHIPPED, EnumSet.of(DELIVERED, CANCELED),
            DELIVERED, EnumSet.noneOf(OrderStatus.class),
            CANCELED, EnumSet.noneOf(OrderStatus.class),
            UNAVAILABLE, EnumSet.noneOf(OrderStatus.class));

    @Test
    void codes_are_written_in_lower_case_as_in_the_source() {
        assertThat(Arrays.stream(OrderStatus.values()).map(OrderStatus::code)).containsExactly(
                "created", "approved", "invoiced", "processing", "shipped", "delivered", "canceled", "unavailable");
    }

    @Test
    void reads_every_code_back() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.ofCode(status.code())).isEqualTo(status);
        }
        assertThat(OrderStatus.ofCode(" Delivered ")).isEqualTo(DELIVERED);
    }

    @Test
    void rejects_an_unknown_status_listing_the_accepted_ones() {
        assertThatThrownBy(() -> OrderStatus.ofCode("shipping"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order status must be one of created, approved, invoiced, processing, shipped, delivered, "
                        + "canceled, unavailable, was 'shipping'");
        assertThatThrownBy(() -> OrderStatus.ofCode(null)).hasMessageEndingWith("unavailable, was null");
        assertThatThrownBy(() -> OrderStatus.ofCode("cancelled")).hasMessageEndingWith("was 'cancelled'");
    }

    @Test
    void allows_exactly_the_marketplace_transitions() {
        for (OrderStatus from : OrderStatus.values()) {
            assertThat(from.allowedNext()).as("after %s", from).isEqualTo(MARKETPLACE_TRANSITIONS.get(from));
            for (OrderStatus to : OrderStatus.values()) {
                assertThat(from.canTransitionTo(to)).as("%s to %s", from, to)
                        .isEqualTo(MARKETPLACE_TRANSITIONS.get(from).contains(to));
            }
        }
    }

    @Test
    void delivered_canceled_and_unavailable_are_terminal() {
        assertThat(Arrays.stream(OrderStatus.values()).filter(OrderStatus::isTerminal))
                .containsExactly(DELIVERED, CANCELED, UNAVAILABLE);
    }

    @Test
    void a_shipped_order_can_still_be_canceled_but_not_marked_unavailable() {
        assertThat(SHIPPED.canTransitionTo(CANCELED)).isTrue();
        assertThat(SHIPPED.canTransitionTo(UNAVAILABLE)).isFalse();
        assertThat(APPROVED.canTransitionTo(SHIPPED)).isFalse();
    }

    @Test
    void the_allowed_next_statuses_cannot_be_changed() {
        assertThatThrownBy(() -> CREATED.allowedNext().add(DELIVERED)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void every_random_walk_ends_in_a_terminal_status_without_revisiting_one() {
        Random random = new Random(42L);
        Set<OrderStatus> reachedEnds = EnumSet.noneOf(OrderStatus.class);
        for (int walk = 0; walk < 10_000; walk++) {
            OrderStatus current = OrderStatus.values()[random.nextInt(OrderStatus.values().length)];
            List<OrderStatus> path = new ArrayList<>(List.of(current));
            while (!current.isTerminal()) {
                List<OrderStatus> next = List.copyOf(current.allowedNext());
                OrderStatus chosen = next.get(random.nextInt(next.size()));
                assertThat(current.canTransitionTo(chosen)).isTrue();
                assertThat(path).as("walk %s", path).doesNotContain(chosen);
                path.add(chosen);
                current = chosen;
            }
            assertThat(path.size()).isLessThanOrEqualTo(OrderStatus.values().length);
            assertThat(current.allowedNext()).isEmpty();
            reachedEnds.add(current);
        }
        assertThat(reachedEnds).containsExactlyInAnyOrder(DELIVERED, CANCELED, UNAVAILABLE);
    }
}
