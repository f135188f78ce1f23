package org.olistdw.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.order.OrderRecord.ItemRecord;
import org.olistdw.domain.order.OrderRecord.PaymentRecord;
import org.olistdw.domain.order.OrderRecord.ReviewRecord;
import org.olistdw.domain.shared.DomainEvent;
import org.olistdw.domain.shared.Money;
import org.olistdw.domain.shared.OrderId;
import org.olistdw.domain.shared.ProductId;
import org.olistdw.domain.shared.SellerId;

/** Properties checked over thousands of generated cases, each run from a fixed seed so that a failure repeats. */
class OrderPropertyTest {

    private static final LocalDateTime BASE = LocalDateTime.of(2017, 10, 2, 10, 56, 33);
    private static final String[] STATUSES = {"created", "approved", "invoiced", "processing", "shipped", "delivered",
            "canceled", "unavailable", "delivered", "delivered", "canceled", "DELIVERED", " shipped ", "", null,
            "entregue", "cancelled", "deli\nvered"};
    private static final String[] PAYMENT_TYPES = {"credit_card", "boleto", "voucher", "debit_card", "not_defined",
            "credit_card", "pix", "", null, "Boleto"};
    private static final String[] ODD_AMOUNTS = {"1.005", "1E+2", "-0.00", "0", "0.001", "99999999.99"};

    @Test
    void reconstitution_never_throws_and_reports_each_rule_at_most_once() {
        Random random = new Random(1_234_567L);
        Set<OrderRule> seen = EnumSet.noneOf(OrderRule.class);
        for (int n = 0; n < 10_000; n++) {
            OrderRecord record = randomRecord(random, n);
            Order order;
            try {
                order = Order.reconstitute(record);
            } catch (RuntimeException e) {
                throw new AssertionError("reconstitute threw on " + record, e);
            }
            checkReconstituted(record, order);
            order.violations().forEach(violation -> seen.add(violation.rule()));
        }
        assertThat(seen).as("rules the generated records break").containsExactlyInAnyOrder(OrderRule.values());
    }

    private static void checkReconstituted(OrderRecord record, Order order) {
        OrderId id = new OrderId(record.orderId());
        List<RuleViolation> violations = order.violations();
        List<OrderRule> rules = violations.stream().map(RuleViolation::rule).toList();
        assertThat(rules).as("rules of %s", record).doesNotHaveDuplicates()
                .isSortedAccordingTo(Comparator.comparingInt(OrderRule::ordinal));
        assertThat(violations).allSatisfy(violation -> {
            assertThat(violation.orderId()).isEqualTo(id);
            assertThat(violation.detail()).isNotBlank().doesNotContain("\n").doesNotContain("\r");
        });

        Optional<OrderStatus> recorded = OrderStatus.find(record.status());
        assertThat(rules.contains(OrderRule.STATUS_ACCEPTED)).isEqualTo(recorded.isEmpty());
        recorded.ifPresent(status -> assertThat(order.status()).isEqualTo(status));

        List<Integer> numbers = record.items().stream().map(ItemRecord::itemNumber).sorted().toList();
        assertThat(rules.contains(OrderRule.ITEMS_NUMBERED_FROM_ONE))
                .isEqualTo(!numbers.equals(IntStream.rangeClosed(1, numbers.size()).boxed().toList()));
        boolean badPrice = record.items().stream().map(ItemRecord::price)
                .anyMatch(price -> price == null || price.stripTrailingZeros().scale() > 2 || price.signum() <= 0);
        assertThat(rules.contains(OrderRule.ITEM_PRICE_POSITIVE)).isEqualTo(badPrice);
        boolean badScore = record.reviews().stream().anyMatch(review -> review.score() < 1 || review.score() > 5);
        assertThat(rules.contains(OrderRule.REVIEW_SCORE_IN_RANGE)).isEqualTo(badScore);

        assertThat(order.items()).allSatisfy(item -> {
            assertThat(item.price().isPositive()).isTrue();
            assertThat(item.freight().isNegative()).isFalse();
        });
        assertThat(order.items()).extracting(OrderItem::itemNumber).isSorted();
        assertThat(order.payments()).extracting(Payment::sequential).isSorted();
        assertThat(order.payments()).allSatisfy(payment -> assertThat(payment.value().isNegative()).isFalse());
        assertThat(order.reviews()).extracting(Review::createdAt).isSorted();
        assertThat(order.paymentDifference()).isEqualTo(order.paymentsTotal().minus(order.itemsTotal()));

        List<DomainEvent> events = order.events();
        assertThat(events).first().isInstanceOf(OrderPlaced.class);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.occurredAt()).isNotNull();
            assertThat(event.aggregateId()).isEqualTo(record.orderId());
        });
    }

    @Test
    void a_command_that_throws_leaves_the_order_unchanged() {
        Random random = new Random(7_654_321L);
        int refusedByRule = 0;
        int refusedByLifecycle = 0;
        Set<OrderStatus> reached = EnumSet.noneOf(OrderStatus.class);
        for (int n = 0; n < 3_000; n++) {
            Order order = Order.place(new OrderId("o" + n), new CustomerId("c" + n), BASE, BASE.plusDays(20));
            LocalDateTime clock = BASE;
            for (int step = 0; step < 15; step++) {
                List<Object> before = OrderSnapshot.of(order);
                OrderStatus statusBefore = order.status();
                int eventsBefore = order.events().size();
                String command = randomCommand(random, order);
                clock = clock.plusMinutes(random.nextInt(60 * 24 * 2));
                LocalDateTime at = random.nextInt(5) == 0 ? clock.minusDays(1 + random.nextInt(3)) : clock;
                try {
                    run(command, at, random, order);
                } catch (OrderRuleBroken broken) {
                    refusedByRule++;
                    assertThat(broken.violation().orderId()).isEqualTo(order.id());
                    assertThat(OrderSnapshot.of(order)).as("after refused %s", command).isEqualTo(before);
                    continue;
                } catch (IllegalStateException refused) {
                    refusedByLifecycle++;
                    assertThat(OrderSnapshot.of(order)).as("after refused %s", command).isEqualTo(before);
                    continue;
                } catch (RuntimeException unexpected) {
                    fail(command + " threw " + unexpected);
                }
                assertThat(order.status() == statusBefore || statusBefore.canTransitionTo(order.status()))
                        .as("%s moved %s to %s", command, statusBefore, order.status()).isTrue();
                assertThat(order.events().size() - eventsBefore).isBetween(0, 1);
                assertThat(order.violations()).isEmpty();
                reached.add(order.status());
            }
        }
        assertThat(refusedByRule).isPositive();
        assertThat(refusedByLifecycle).isPositive();
        assertThat(reached).containsExactlyInAnyOrder(OrderStatus.values());
    }

    /** Mostly the next step of the lifecycle (so that orders get delivered), otherwise any command at all. */
    private static String randomCommand(Random random, Order order) {
        String[] commands = {"addItem", "addPayment", "approve", "invoice", "startProcessing", "ship", "deliver",
                "cancel", "markUnavailable", "submitReview"};
        if (random.nextInt(3) > 0) {
            switch (order.status()) {
                case CREATED -> {
                    return pick(random, "addItem", "addItem", "addPayment", "approve");
                }
                case APPROVED, PROCESSING -> {
                    return pick(random, "addItem", "invoice", "invoice", "startProcessing");
                }
                case INVOICED -> {
                    return "ship";
                }
                case SHIPPED -> {
                    return "deliver";
                }
                default -> {
                    return "submitReview";
                }
            }
        }
        return commands[random.nextInt(commands.length)];
    }

    private static void run(String command, LocalDateTime at, Random random, Order order) {
        switch (command) {
            case "addItem" -> order.addItem(new OrderItem(1 + random.nextInt(4), new ProductId("p1"),
                    new SellerId("s1"), null, Money.brlCents(1 + random.nextInt(50_000)),
                    Money.brlCents(random.nextInt(5_000))));
            case "addPayment" -> order.addPayment(new Payment(1 + random.nextInt(3), PaymentType.VOUCHER,
                    random.nextInt(4), Money.brlCents(random.nextInt(50_000))));
            case "approve" -> order.approve(at);
            case "invoice" -> order.invoice();
            case "startProcessing" -> order.startProcessing();
            case "ship" -> order.ship(at);
            case "deliver" -> order.deliver(at);
            case "cancel" -> order.cancel(at, "customer gave up");
            case "markUnavailable" -> order.markUnavailable(at);
            case "submitReview" -> order.submitReview(new Review("r" + random.nextInt(3),
                    new ReviewScore(1 + random.nextInt(5)), at, random.nextBoolean() ? null : at.plusDays(1)));
            default -> throw new IllegalArgumentException(command);
        }
    }

    // ------------------------------------------------------------ generated records

    private static OrderRecord randomRecord(Random random, int n) {
        List<ItemRecord> items = new ArrayList<>();
        int itemCount = random.nextInt(5);
        for (int i = 0; i < itemCount; i++) {
            int number = random.nextInt(10) < 8 ? i + 1 : random.nextInt(6) - 1;
            items.add(new ItemRecord(number, pick(random, "p1", "p2", "p3", null, ""), pick(random, "s1", "s2", null),
                    time(random), amount(random), amount(random)));
        }
        List<PaymentRecord> payments = new ArrayList<>();
        int paymentCount = random.nextInt(4);
        for (int i = 0; i < paymentCount; i++) {
            int sequential = random.nextInt(10) < 8 ? i + 1 : random.nextInt(4) - 1;
            payments.add(new PaymentRecord(sequential, pick(random, PAYMENT_TYPES), random.nextInt(27) - 2,
                    amount(random)));
        }
        List<ReviewRecord> reviews = new ArrayList<>();
        int reviewCount = random.nextInt(3);
        for (int i = 0; i < reviewCount; i++) {
            reviews.add(new ReviewRecord(pick(random, "r" + i, "r0", null, " "), random.nextInt(11) - 1,
                    time(random), time(random)));
        }
        return new OrderRecord("o" + n, pick(random, "c" + n, null, "", " "), pick(random, "u" + (n % 97), null, ""),
                pick(random, STATUSES), time(random), time(random), time(random), time(random), time(random),
                items, payments, reviews);
    }

    private static LocalDateTime time(Random random) {
        return random.nextInt(5) == 0 ? null : BASE.plusMinutes(random.nextInt(60 * 24 * 30) - 60 * 24 * 5);
    }

    private static BigDecimal amount(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return new BigDecimal(pick(random, ODD_AMOUNTS));
        }
        return BigDecimal.valueOf(random.nextInt(20_500) - 500, 2);
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
