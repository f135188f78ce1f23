package org.olistdw.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.OrderId;

class ShippingPerformanceTest {

    private static Delivery delivery(String order, BrazilianState destination, String purchased, String estimated,
                                     String delivered) {
        return Delivery.reconstitute(new OrderId(order), destination, at(purchased), null, at(estimated), at(delivered));
    }

    private static LocalDateTime at(String dateTime) {
        if (dateTime == null) {
            return null;
        }
        return dateTime.length() == 10 ? LocalDate.parse(dateTime).atTime(9, 0) : LocalDateTime.parse(dateTime);
    }

    /*
     * order  to   purchased   estimated   delivered         days  vs estimate  late?
     * d1     SP   2018-01-01  2018-01-10  2018-01-05          4     -5          on time
     * d2     SP   2018-01-01  2018-01-10  2018-01-10 18:00    9      0          on time
     * d3     SP   2018-01-02  2018-01-08  2018-01-12         10     +4          late
     * d4     RJ   2018-01-03  2018-01-20  2018-01-24         21     +4          late
     * d5     RJ   2018-01-03  -           2018-01-06          3      -          unknown
     * d6     -    2018-01-04  2018-01-15  2018-01-07          3     -8          on time
     * d7     SP   2018-01-05  2018-01-15  -                   not delivered: left out
     */
    private static final List<Delivery> DELIVERIES = List.of(
            delivery("d1", BrazilianState.SP, "2018-01-01", "2018-01-10", "2018-01-05"),
            delivery("d2", BrazilianState.SP, "2018-01-01", "2018-01-10", "2018-01-10T18:00"),
            delivery("d3", BrazilianState.SP, "2018-01-02", "2018-01-08", "2018-01-12"),
            delivery("d4", BrazilianState.RJ, "2018-01-03", "2018-01-20", "2018-01-24"),
            delivery("d5", BrazilianState.RJ, "2018-01-03", null, "2018-01-06"),
            delivery("d6", null, "2018-01-04", "2018-01-15", "2018-01-07"),
            delivery("d7", BrazilianState.SP, "2018-01-05", "2018-01-15", null));

    @Test
    void summarises_delivered_orders_as_computed_by_hand() {
        ShippingPerformance.Summary summary = ShippingPerformance.summarise(DELIVERIES);

        // delivered d1..d6 = 6; on time d1, d2, d6 = 3; late d3, d4 = 2; d5 has no estimate
        assertThat(summary.delivered()).isEqualTo(6);
        assertThat(summary.onTime()).isEqualTo(3);
        assertThat(summary.late()).isEqualTo(2);
        assertThat(summary.withoutEstimate()).isEqualTo(1);
        // on time / known lateness = 3 / 5 = 0.6000
        assertThat(summary.onTimeRate()).contains(new BigDecimal("0.6000"));
        // (4 + 9 + 10 + 21 + 3 + 3) / 6 = 50 / 6 = 8.333... -> 8.33
        assertThat(summary.averageDaysToDeliver()).contains(new BigDecimal("8.33"));
        // (-5 + 0 + 4 + 4 - 8) / 5 = -5 / 5 = -1.00
        assertThat(summary.averageDaysVersusEstimate()).contains(new BigDecimal("-1.00"));
        // days sorted 3, 3, 4, 9, 10, 21; rank ceil(0.9 x 6) = ceil(5.4) = 6 -> 21
        assertThat(summary.p90DaysToDeliver()).hasValue(21);
    }

    @Test
    void summarises_each_destination_state_leaving_out_unknown_destinations() {
        Map<BrazilianState, ShippingPerformance.Summary> byState = ShippingPerformance.byDestination(DELIVERIES);

        assertThat(byState).containsOnlyKeys(BrazilianState.RJ, BrazilianState.SP);

        // SP: d1, d2, d3 (d7 not delivered); on time 2, late 1: 2 / 3 = 0.66666 -> 0.6667;
        // days (4 + 9 + 10) / 3 = 7.666 -> 7.67; versus (-5 + 0 + 4) / 3 = -0.333 -> -0.33;
        // p90 rank ceil(2.7) = 3 of 4, 9, 10 -> 10
        ShippingPerformance.Summary sp = byState.get(BrazilianState.SP);
        assertThat(sp.delivered()).isEqualTo(3);
        assertThat(sp.onTime()).isEqualTo(2);
        assertThat(sp.late()).isEqualTo(1);
        assertThat(sp.onTimeRate()).contains(new BigDecimal("0.6667"));
        assertThat(sp.averageDaysToDeliver()).contains(new BigDecimal("7.67"));
        assertThat(sp.averageDaysVersusEstimate()).contains(new BigDecimal("-0.33"));
        assertThat(sp.p90DaysToDeliver()).hasValue(10);

        // RJ: d4 late, d5 unknown: 0 / 1 = 0.0000; days (21 + 3) / 2 = 12.00; versus 4 / 1 = 4.00;
        // p90 rank ceil(1.8) = 2 of 3, 21 -> 21
        ShippingPerformance.Summary rj = byState.get(BrazilianState.RJ);
        assertThat(rj.delivered()).isEqualTo(2);
        assertThat(rj.onTime()).isZero();
        assertThat(rj.late()).isEqualTo(1);
        assertThat(rj.onTimeRate()).contains(new BigDecimal("0.0000"));
        assertThat(rj.averageDaysToDeliver()).contains(new BigDecimal("12.00"));
        assertThat(rj.averageDaysVersusEstimate()).contains(new BigDecimal("4.00"));
        assertThat(rj.p90DaysToDeliver()).hasValue(21);
    }

    @Test
    void a_stream_gives_the_same_summary_as_a_list() {
        assertThat(ShippingPerformance.summarise(DELIVERIES.stream()))
                .isEqualTo(ShippingPerformance.summarise(DELIVERIES));
        assertThat(ShippingPerformance.byDestination(DELIVERIES.stream()))
                .isEqualTo(ShippingPerformance.byDestination(DELIVERIES));
    }

    @Test
    void nothing_delivered_leaves_every_measure_empty() {
        ShippingPerformance.Summary summary = ShippingPerformance.summarise(List.of(
                delivery("d7", BrazilianState.SP, "2018-01-05", "2018-01-15", null)));

        assertThat(summary.delivered()).isZero();
        assertThat(summary.onTimeRate()).isEmpty();
        assertThat(summary.averageDaysToDeliver()).isEmpty();
        assertThat(summary.averageDaysVersusEstimate()).isEmpty();
        assertThat(summary.p90DaysToDeliver()).isEmpty();
        assertThat(ShippingPerformance.byDestination(List.<Delivery>of())).isEmpty();
    }

    @Test
    void deliveries_without_an_estimate_leave_the_on_time_rate_empty() {
        // one delivery, 2 days, no estimate: no known lateness, nothing to compare with the estimate
        ShippingPerformance.Summary summary = ShippingPerformance.summarise(List.of(
                delivery("d", BrazilianState.MG, "2018-02-01", null, "2018-02-03")));

        assertThat(summary.delivered()).isEqualTo(1);
        assertThat(summary.onTimeRate()).isEmpty();
        assertThat(summary.averageDaysVersusEstimate()).isEmpty();
        assertThat(summary.averageDaysToDeliver()).contains(new BigDecimal("2.00"));
    }

    @Test
    void the_90th_percentile_is_the_nearest_rank() {
        // ten deliveries taking 1..10 days: rank ceil(0.9 x 10) = 9 -> 9 days;
        // eleven taking 1..11 days: rank ceil(0.9 x 11) = ceil(9.9) = 10 -> 10 days
        assertThat(ShippingPerformance.summarise(taking(10)).p90DaysToDeliver()).hasValue(9);
        assertThat(ShippingPerformance.summarise(taking(11)).p90DaysToDeliver()).hasValue(10);
        // a single delivery: rank ceil(0.9) = 1 -> its own days
        assertThat(ShippingPerformance.summarise(taking(1)).p90DaysToDeliver()).hasValue(1);
    }

    @Test
    void averages_round_half_away_from_zero() {
        // versus estimate -1, -1, 0: -2 / 3 = -0.666... -> -0.67; days 1, 1, 2: 4 / 3 = 1.333 -> 1.33
        // days 1 and 2: 3 / 2 = 1.5 -> 1.50
        ShippingPerformance.Summary summary = ShippingPerformance.summarise(List.of(
                delivery("a", BrazilianState.BA, "2018-05-01", "2018-05-03", "2018-05-02"),
                delivery("b", BrazilianState.BA, "2018-05-01", "2018-05-03", "2018-05-02"),
                delivery("c", BrazilianState.BA, "2018-05-01", "2018-05-03", "2018-05-03")));

        assertThat(summary.averageDaysVersusEstimate()).contains(new BigDecimal("-0.67"));
        assertThat(summary.averageDaysToDeliver()).contains(new BigDecimal("1.33"));
    }

    private static List<Delivery> taking(int count) {
        List<Delivery> deliveries = new ArrayList<>();
        for (int days = count; days >= 1; days--) {
            deliveries.add(delivery("o" + days, BrazilianState.PR, "2018-06-01",
                    null, LocalDate.of(2018, 6, 1).plusDays(days).toString()));
        }
        return deliveries;
    }
}
