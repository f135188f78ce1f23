package org.olistdw.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.OrderId;

class DeliveryTest {

    private static final OrderId ORDER = new OrderId("e481f51cbdc54678b7cc49136f2d6af7");
    private static final LocalDateTime PURCHASED = LocalDateTime.of(2017, 10, 2, 10, 56, 33);
    private static final LocalDateTime ESTIMATED = LocalDateTime.of(2017, 10, 18, 0, 0);
    private static final LocalDateTime HANDED_OVER = LocalDateTime.of(2017, 10, 4, 19, 55);

    private static Delivery dispatched() {
        Delivery delivery = Delivery.dispatch(ORDER, BrazilianState.SP, PURCHASED, ESTIMATED);
        delivery.pullEvents();
        return delivery;
    }

    @Test
    void dispatching_records_the_purchase_and_the_promise() {
        Delivery delivery = Delivery.dispatch(ORDER, BrazilianState.SP, PURCHASED, ESTIMATED);

        assertThat(delivery.orderId()).isEqualTo(ORDER);
        assertThat(delivery.destination()).contains(BrazilianState.SP);
        assertThat(delivery.isDelivered()).isFalse();
        assertThat(delivery.isLate()).isEmpty();
        assertThat(delivery.daysToDeliver()).isEmpty();
        assertThat(delivery.events()).containsExactly(new DeliveryDispatched(ORDER, Optional.of(BrazilianState.SP),
                Optional.of(ESTIMATED), PURCHASED));
    }

    @Test
    void delivered_on_the_estimated_day_at_any_hour_is_on_time() {
        Delivery delivery = dispatched();
        delivery.handToCarrier(HANDED_OVER);

        delivery.complete(LocalDateTime.of(2017, 10, 18, 23, 59, 59));

        assertThat(delivery.isLate()).contains(false);
        assertThat(delivery.daysVersusEstimate()).hasValue(0);
        assertThat(delivery.pullEvents()).containsExactly(new DeliveryHandedToCarrier(ORDER, HANDED_OVER),
                new DeliveryCompleted(ORDER, LocalDateTime.of(2017, 10, 18, 23, 59, 59)));
    }

    @Test
    void delivered_a_minute_into_the_next_day_is_one_day_late() {
        // estimate 2017-10-18 23:30, delivered 2017-10-19 00:01: 31 minutes later, but on the next calendar day
        Delivery delivery = Delivery.dispatch(ORDER, BrazilianState.SP, PURCHASED, LocalDateTime.of(2017, 10, 18, 23, 30));
        delivery.pullEvents();
        LocalDateTime delivered = LocalDateTime.of(2017, 10, 19, 0, 1);

        delivery.complete(delivered);

        assertThat(delivery.isLate()).contains(true);
        assertThat(delivery.daysVersusEstimate()).hasValue(1);
        assertThat(delivery.events()).containsExactly(new DeliveryCompleted(ORDER, delivered),
                new DeliveryCompletedLate(ORDER, delivered, LocalDateTime.of(2017, 10, 18, 23, 30), 1));
    }

    @Test
    void late_delivery_records_the_days_late_once() {
        // estimate 2017-10-18, delivered 2017-10-25: 7 calendar days late
        Delivery delivery = dispatched();
        LocalDateTime delivered = LocalDateTime.of(2017, 10, 25, 8, 0);

        delivery.complete(delivered);

        assertThat(delivery.events()).filteredOn(DeliveryCompletedLate.class::isInstance)
                .containsExactly(new DeliveryCompletedLate(ORDER, delivered, ESTIMATED, 7));
        assertThat(delivery.events()).filteredOn(DeliveryCompleted.class::isInstance).hasSize(1);
    }

    @Test
    void early_delivery_counts_negative_days_versus_estimate() {
        // purchased 2017-10-02, delivered 2017-10-10, estimated 2017-10-18: 8 days to deliver, 8 days early
        Delivery delivery = dispatched();

        delivery.complete(LocalDateTime.of(2017, 10, 10, 21, 25, 13));

        assertThat(delivery.daysToDeliver()).hasValue(8);
        assertThat(delivery.daysVersusEstimate()).hasValue(-8);
        assertThat(delivery.isLate()).contains(false);
    }

    @Test
    void days_to_deliver_count_calendar_days_not_hours() {
        // purchased 23:50, delivered 20 minutes later on the next day: 1 calendar day
        Delivery delivery = Delivery.dispatch(ORDER, null, LocalDateTime.of(2018, 1, 1, 23, 50), null);

        delivery.complete(LocalDateTime.of(2018, 1, 2, 0, 10));

        assertThat(delivery.daysToDeliver()).hasValue(1);
    }

    @Test
    void lateness_is_unknown_without_an_estimate() {
        Delivery delivery = Delivery.dispatch(ORDER, null, PURCHASED, null);
        delivery.pullEvents();

        delivery.complete(LocalDateTime.of(2017, 12, 1, 9, 0));

        assertThat(delivery.destination()).isEmpty();
        assertThat(delivery.isLate()).isEmpty();
        assertThat(delivery.daysVersusEstimate()).isEmpty();
        assertThat(delivery.events()).containsExactly(new DeliveryCompleted(ORDER, LocalDateTime.of(2017, 12, 1, 9, 0)));
    }

    @Test
    void cannot_be_handed_to_the_carrier_before_the_purchase() {
        Delivery delivery = dispatched();

        assertThatThrownBy(() -> delivery.handToCarrier(PURCHASED.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order e481f51cbdc54678b7cc49136f2d6af7 cannot be handed to the carrier at "
                        + "2017-10-02T10:56:32, before its purchase at 2017-10-02T10:56:33");
        assertThat(delivery.handedToCarrierAt()).isEmpty();
    }

    @Test
    void is_handed_to_the_carrier_once() {
        Delivery delivery = dispatched();
        delivery.handToCarrier(HANDED_OVER);

        assertThatThrownBy(() -> delivery.handToCarrier(HANDED_OVER.plusDays(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was already handed to the carrier at 2017-10-04T19:55");
        assertThat(delivery.handedToCarrierAt()).contains(HANDED_OVER);
    }

    @Test
    void cannot_be_delivered_before_the_carrier_took_it() {
        Delivery delivery = dispatched();
        delivery.handToCarrier(HANDED_OVER);

        assertThatThrownBy(() -> delivery.complete(HANDED_OVER.minusHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the carrier took it at 2017-10-04T19:55");
        assertThat(delivery.isDelivered()).isFalse();
    }

    @Test
    void cannot_be_delivered_before_the_purchase() {
        Delivery delivery = dispatched();

        assertThatThrownBy(() -> delivery.complete(PURCHASED.minusDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before its purchase");
    }

    @Test
    void is_delivered_once_and_not_handed_over_afterwards() {
        Delivery delivery = dispatched();
        delivery.complete(HANDED_OVER);

        assertThatThrownBy(() -> delivery.complete(HANDED_OVER.plusDays(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was already delivered at 2017-10-04T19:55");
        assertThatThrownBy(() -> delivery.handToCarrier(HANDED_OVER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be handed to the carrier afterwards");
        assertThat(delivery.deliveredAt()).contains(HANDED_OVER);
    }

    @Test
    void a_rebuilt_delivery_keeps_times_out_of_order_and_measures_them() {
        // the carrier took it a day before the purchase, as some source orders have it;
        // purchased 2018-03-10, estimated 2018-03-20, delivered 2018-03-21: 11 days, 1 day late
        Delivery delivery = Delivery.reconstitute(ORDER, BrazilianState.RJ, LocalDateTime.of(2018, 3, 10, 12, 0),
                LocalDateTime.of(2018, 3, 9, 12, 0), LocalDateTime.of(2018, 3, 20, 0, 0),
                LocalDateTime.of(2018, 3, 21, 16, 0));

        assertThat(delivery.events()).isEmpty();
        assertThat(delivery.daysToDeliver()).hasValue(11);
        assertThat(delivery.isLate()).contains(true);
        assertThat(delivery.daysVersusEstimate()).hasValue(1);
    }

    @Test
    void deliveries_are_equal_by_order() {
        assertThat(Delivery.reconstitute(ORDER, null, PURCHASED, null, null, null))
                .isEqualTo(dispatched())
                .hasSameHashCodeAs(dispatched());
        assertThat(new DeliveryCompleted(ORDER, PURCHASED).aggregateId()).isEqualTo("e481f51cbdc54678b7cc49136f2d6af7");
    }

    @Test
    void a_late_event_is_at_least_one_day_late() {
        assertThatThrownBy(() -> new DeliveryCompletedLate(ORDER, ESTIMATED, ESTIMATED, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order e481f51cbdc54678b7cc49136f2d6af7: days late must be at least 1, was 0");
    }
}
