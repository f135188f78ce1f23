package org.olistdw.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.Money;

class RfmSegmentationTest {

    private static CustomerActivity activity(String person, String lastOrderDate, long orders, String revenue) {
        LocalDate last = LocalDate.parse(lastOrderDate);
        return new CustomerActivity(new CustomerUniqueId(person), last.minusDays(orders - 1), last, orders,
                Money.brl(revenue));
    }

    /*
     * Seven people, so people - 1 = 6 and score = min(5, 1 + (5 x worse) / 6):
     * worse 0 -> 1, 1 -> 1 + 5/6 = 1, 2 -> 1 + 10/6 = 2, 3 -> 1 + 15/6 = 3, 4 -> 1 + 20/6 = 4,
     * 5 -> 1 + 25/6 = 5, 6 -> min(5, 1 + 30/6 = 6) = 5.
     *
     * Reference date: latest last order 2018-08-30, plus one day = 2018-08-31.
     *
     * person  last order  recency days  orders  revenue
     * a       2018-08-30    1           1       100.00
     * b       2018-08-30    1           3       250.00
     * c       2018-08-01   30           1       100.00
     * d       2018-06-15   77           2        40.00
     * e       2018-01-10  233           1       500.00
     * f       2017-12-31  243           5       900.00
     * g       2018-08-15   16           1        75.50
     *
     * Recency, worse = people with more days: f 0, e 1, d 2, c 3, g 4, a 5, b 5 (a and b tie)
     *   -> scores f 1, e 1, d 2, c 3, g 4, a 5, b 5.
     * Frequency, worse = people with fewer orders: orders 1 (a, c, e, g) 0, d (2) 4, b (3) 5, f (5) 6
     *   -> scores a c e g 1, d 4, b 5, f 5.
     * Monetary, worse = people with less revenue: d 0, g 1, a 2, c 2 (a and c tie), b 4, e 5, f 6
     *   -> scores d 1, g 1, a 2, c 2, b 4, e 5, f 5.
     *
     * Segments (first rule that holds):
     * a 512: r >= 4 and f <= 2 -> new
     * b 554: r, f, m >= 4 -> champions
     * c 312: r = 3, f = 1 -> no rule holds -> potential
     * d 241: f >= 4 -> loyal
     * e 115: r <= 2 and f <= 2 -> hibernating
     * f 155: f >= 4 (r = 1, not a champion) -> loyal
     * g 411: r >= 4 and f <= 2 -> new
     */
    private static final List<CustomerActivity> SEVEN_PEOPLE = List.of(
            activity("a", "2018-08-30", 1, "100.00"),
            activity("b", "2018-08-30", 3, "250.00"),
            activity("c", "2018-08-01", 1, "100.00"),
            activity("d", "2018-06-15", 2, "40.00"),
            activity("e", "2018-01-10", 1, "500.00"),
            activity("f", "2017-12-31", 5, "900.00"),
            activity("g", "2018-08-15", 1, "75.50"));

    @Test
    void scores_and_segments_seven_people_as_computed_by_hand() {
        List<CustomerSegment> segments = RfmSegmentation.segmentAll(SEVEN_PEOPLE);

        assertThat(segments).extracting(segment -> segment.person().value())
                .containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(segments).extracting(CustomerSegment::rfmScore)
                .containsExactly("512", "554", "312", "241", "115", "155", "411");
        assertThat(segments).extracting(CustomerSegment::segment).containsExactly(
                RfmSegment.NEW, RfmSegment.CHAMPIONS, RfmSegment.POTENTIAL, RfmSegment.LOYAL,
                RfmSegment.HIBERNATING, RfmSegment.LOYAL, RfmSegment.NEW);
        assertThat(segments).extracting(CustomerSegment::recencyDays).containsExactly(1L, 1L, 30L, 77L, 233L, 243L, 16L);
        assertThat(segments).extracting(CustomerSegment::referenceDate).containsOnly(LocalDate.of(2018, 8, 31));
    }

    @Test
    void the_reference_date_is_the_day_after_the_latest_last_order() {
        RfmSegmentation.Fitter fitter = RfmSegmentation.fitter();
        SEVEN_PEOPLE.forEach(fitter::add);

        RfmSegmentation segmentation = fitter.fit();

        assertThat(fitter.people()).isEqualTo(7);
        assertThat(segmentation.people()).isEqualTo(7);
        assertThat(segmentation.referenceDate()).isEqualTo(LocalDate.of(2018, 8, 31));
    }

    @Test
    void equal_values_get_equal_scores() {
        // four people: 2 on 2018-05-01, 2 on 2018-05-02, all with 1 order and BRL 10.00;
        // people - 1 = 3; recency worse is 0 for the earlier pair (score 1) and 2 for the later pair
        // (1 + 10 / 3 = 4); everyone has 0 people with fewer orders or less revenue (score 1)
        List<CustomerSegment> segments = RfmSegmentation.segmentAll(List.of(
                activity("p1", "2018-05-01", 1, "10.00"),
                activity("p2", "2018-05-02", 1, "10.00"),
                activity("p3", "2018-05-01", 1, "10.00"),
                activity("p4", "2018-05-02", 1, "10.00")));

        assertThat(segments).extracting(CustomerSegment::rfmScore).containsExactly("111", "411", "111", "411");
    }

    @Test
    void a_single_person_scores_one_on_everything_and_hibernates() {
        // people = 1: every score is 1, and r <= 2 with f <= 2 is hibernating
        RfmSegmentation.Fitter fitter = RfmSegmentation.fitter();
        CustomerActivity only = activity("only", "2017-03-09", 4, "1234.56");
        fitter.add(only);

        CustomerSegment segment = fitter.fit().segment(only);

        assertThat(segment.rfmScore()).isEqualTo("111");
        assertThat(segment.segment()).isEqualTo(RfmSegment.HIBERNATING);
        assertThat(segment.referenceDate()).isEqualTo(LocalDate.of(2017, 3, 10));
        assertThat(segment.recencyDays()).isEqualTo(1);
    }

    @Test
    void an_activity_better_than_everyone_fitted_scores_five() {
        // not fitted: 7 fitted people are worse on each measure, so 1 + 35 / 6 = 6, capped at 5;
        // its last order is 2018-09-02, two days after the reference date 2018-08-31: recency -2 days
        RfmSegmentation segmentation = fitted(SEVEN_PEOPLE);

        CustomerSegment segment = segmentation.segment(activity("newcomer", "2018-09-02", 9, "5000.00"));

        assertThat(segment.rfmScore()).isEqualTo("555");
        assertThat(segment.segment()).isEqualTo(RfmSegment.CHAMPIONS);
        assertThat(segment.recencyDays()).isEqualTo(-2);
    }

    @Test
    void fitting_no_one_is_refused() {
        assertThatThrownBy(() -> RfmSegmentation.fitter().fit())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("RFM segmentation needs at least one person, was 0");
        assertThatThrownBy(() -> RfmSegmentation.segmentAll(List.of()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void revenue_in_two_currencies_does_not_mix() {
        RfmSegmentation.Fitter fitter = RfmSegmentation.fitter();
        fitter.add(activity("a", "2018-01-01", 1, "10.00"));
        CustomerActivity inDollars = new CustomerActivity(new CustomerUniqueId("b"), LocalDate.of(2018, 1, 1),
                LocalDate.of(2018, 1, 1), 1, new Money(new BigDecimal("10.00"), Currency.getInstance("USD")));

        assertThatThrownBy(() -> fitter.add(inDollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer b: revenue must be in BRL like everyone's, was USD 10.00");
    }

    @Test
    void a_fit_is_not_changed_by_people_added_afterwards() {
        RfmSegmentation.Fitter fitter = RfmSegmentation.fitter();
        fitter.add(activity("a", "2018-01-01", 1, "10.00"));
        RfmSegmentation first = fitter.fit();

        fitter.add(activity("b", "2018-02-01", 2, "20.00"));

        assertThat(first.people()).isEqualTo(1);
        assertThat(first.referenceDate()).isEqualTo(LocalDate.of(2018, 1, 2));
        assertThat(fitter.fit().people()).isEqualTo(2);
    }

    @Test
    void agrees_with_a_naive_count_of_worse_people_for_thousands_of_people() {
        Random random = new Random(20180831L);
        List<CustomerActivity> activities = new ArrayList<>();
        LocalDate firstDay = LocalDate.of(2016, 9, 4);
        for (int i = 0; i < 3000; i++) {
            LocalDate last = firstDay.plusDays(random.nextInt(720));
            long orders = 1 + random.nextInt(1 + random.nextInt(5));
            long cents = 500L * (1 + random.nextInt(400));
            activities.add(new CustomerActivity(new CustomerUniqueId("person-" + i), last, last, orders,
                    Money.brlCents(cents)));
        }

        List<CustomerSegment> segments = RfmSegmentation.segmentAll(activities);

        LocalDate reference = activities.stream().map(CustomerActivity::lastOrderDate).max(LocalDate::compareTo)
                .orElseThrow().plusDays(1);
        long people = activities.size();
        for (int i = 0; i < activities.size(); i++) {
            CustomerActivity person = activities.get(i);
            long lessRecent = 0;
            long fewerOrders = 0;
            long lessRevenue = 0;
            for (CustomerActivity other : activities) {
                lessRecent += other.lastOrderDate().isBefore(person.lastOrderDate()) ? 1 : 0;
                fewerOrders += other.orders() < person.orders() ? 1 : 0;
                lessRevenue += other.revenue().compareTo(person.revenue()) < 0 ? 1 : 0;
            }
            int r = naiveScore(lessRecent, people);
            int f = naiveScore(fewerOrders, people);
            int m = naiveScore(lessRevenue, people);
            CustomerSegment expected = new CustomerSegment(person.person(), reference,
                    ChronoUnit.DAYS.between(person.lastOrderDate(), reference), r, f, m, RfmSegment.of(r, f, m));
            assertThat(segments.get(i)).isEqualTo(expected);
        }
        assertThat(segments).extracting(CustomerSegment::segment).contains(RfmSegment.values());
    }

    private static int naiveScore(long worse, long people) {
        return people == 1 ? 1 : (int) Math.min(5, 1 + (5 * worse) / (people - 1));
    }

    private static RfmSegmentation fitted(List<CustomerActivity> activities) {
        RfmSegmentation.Fitter fitter = RfmSegmentation.fitter();
        activities.forEach(fitter::add);
        return fitter.fit();
    }
}
