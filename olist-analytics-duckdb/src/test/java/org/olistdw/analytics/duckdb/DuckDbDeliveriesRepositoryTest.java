package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.delivery.Deliveries;
import org.olistdw.domain.delivery.Delivery;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.OrderId;

/**
 * {@link DuckDbDeliveries} over the warehouse built from the hand-made star fixture: every one of the 30
 * orders has a purchase time, so each has a delivery, to the state of the customer id given with the order;
 * 21 are delivered (the 22 delivered orders but o16, which has no delivery date), o07 and o13 late.
 */
class DuckDbDeliveriesRepositoryTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;
    private static Deliveries deliveries;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
        deliveries = DuckDbRepositories.over(build.connection()).deliveries();
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    @Test
    void a_late_delivery_is_complete_and_late_by_calendar_days() {
        // o07,c07,delivered,2017-10-18 11:00:00,2017-10-18 11:20:00,2017-10-20 16:00:00,2017-11-14 10:00:00,
        // 2017-11-08 00:00:00; c07 is in brasilia/DF
        Delivery delivery = deliveries.findByOrder(new OrderId("o07")).orElseThrow();

        assertThat(delivery.orderId()).isEqualTo(new OrderId("o07"));
        assertThat(delivery.destination()).contains(BrazilianState.DF);
        assertThat(delivery.purchasedAt()).isEqualTo(at("2017-10-18T11:00"));
        assertThat(delivery.handedToCarrierAt()).contains(at("2017-10-20T16:00"));
        assertThat(delivery.deliveredAt()).contains(at("2017-11-14T10:00"));
        assertThat(delivery.estimatedDeliveryAt()).contains(at("2017-11-08T00:00"));
        assertThat(delivery.isDelivered()).isTrue();
        assertThat(delivery.isLate()).contains(true);
        // 2017-11-08 -> 2017-11-14: 6 days late; 2017-10-18 -> 2017-11-14: 27 days
        assertThat(delivery.daysVersusEstimate()).hasValue(6);
        assertThat(delivery.daysToDeliver()).hasValue(27);
        assertThat(delivery.events()).isEmpty();
    }

    @Test
    void an_on_time_delivery_is_not_late() {
        // o01: delivered 2017-09-12 16:20, promised 2017-09-25: 13 days early, 8 days after purchase on 2017-09-04
        Delivery delivery = deliveries.findByOrder(new OrderId("o01")).orElseThrow();

        assertThat(delivery.destination()).contains(BrazilianState.SP);
        assertThat(delivery.isLate()).contains(false);
        assertThat(delivery.daysVersusEstimate()).hasValue(-13);
        assertThat(delivery.daysToDeliver()).hasValue(8);
    }

    @Test
    void a_delivered_order_without_a_delivery_date_is_not_delivered() {
        // o16: delivered status, carrier 2018-01-24 09:00, no delivered-customer date
        Delivery delivery = deliveries.findByOrder(new OrderId("o16")).orElseThrow();

        assertThat(delivery.isDelivered()).isFalse();
        assertThat(delivery.handedToCarrierAt()).contains(at("2018-01-24T09:00"));
        assertThat(delivery.isLate()).isEmpty();
    }

    @Test
    void orders_on_their_way_or_canceled_are_not_delivered() {
        // o24 shipped: carrier 2018-03-22 10:00, to brasilia/DF; o04 canceled: never handed over
        Delivery shipped = deliveries.findByOrder(new OrderId("o24")).orElseThrow();
        assertThat(shipped.isDelivered()).isFalse();
        assertThat(shipped.handedToCarrierAt()).contains(at("2018-03-22T10:00"));
        assertThat(shipped.destination()).contains(BrazilianState.DF);

        Delivery canceled = deliveries.findByOrder(new OrderId("o04")).orElseThrow();
        assertThat(canceled.isDelivered()).isFalse();
        assertThat(canceled.handedToCarrierAt()).isEmpty();
        assertThat(canceled.estimatedDeliveryAt()).contains(at("2017-10-16T00:00"));
    }

    @Test
    void unknown_orders_find_nothing() {
        assertThat(deliveries.findByOrder(new OrderId("o99"))).isEmpty();
    }

    @Test
    void streaming_gives_every_purchased_order_once_by_id() {
        List<Delivery> streamed;
        try (Stream<Delivery> all = deliveries.streamAll()) {
            streamed = all.toList();
        }

        assertThat(streamed).extracting(delivery -> delivery.orderId().value())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).mapToObj(n -> String.format("o%02d", n))
                        .toList());
        assertThat(streamed).filteredOn(Delivery::isDelivered).hasSize(21);
        assertThat(streamed).filteredOn(delivery -> delivery.isLate().orElse(false))
                .extracting(delivery -> delivery.orderId().value()).containsExactly("o07", "o13");
        // c08's maceio/AL is unknown to the geolocation file, the order still goes to AL
        assertThat(streamed.get(7).destination()).contains(BrazilianState.AL);
    }

    private static LocalDateTime at(String isoMinute) {
        return LocalDateTime.parse(isoMinute);
    }
}
