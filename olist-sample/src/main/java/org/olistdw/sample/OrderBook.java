package org.olistdw.sample;

import static org.olistdw.sample.Timeline.DAY;
import static org.olistdw.sample.Timeline.HOUR;
import static org.olistdw.sample.Timeline.NONE;

import java.util.Locale;
import java.util.SplittableRandom;
import org.olistdw.sample.Marketplace.Product;
import org.olistdw.sample.Seeds.Designated;
import org.olistdw.sample.Seeds.Kind;
import org.olistdw.sample.Seeds.Permutation;

/**
 * Orders and everything hanging off them (items, payments, reviews, the customer) derived from the order
 * index alone, each aspect from its own random stream, so that each file can be written in its own pass
 * by regenerating only what it needs. Nothing is remembered between orders.
 *
 * <p>Two bijections over the order indexes give the guarantees the real data has: every product is the
 * first item of exactly one order (so every product, and through it every seller, is sold), and every
 * person ({@code customer_unique_id}) places at least one order; the remaining orders go to random people,
 * which makes the repeat buyers.
 */
final class OrderBook {

    /** The real order statuses. */
    enum Status {
        DELIVERED, SHIPPED, CANCELED, UNAVAILABLE, INVOICED, PROCESSING, CREATED, APPROVED;

        private final String text = name().toLowerCase(Locale.ROOT);

        String text() {
            return text;
        }
    }

    /** One order's header: timestamps in seconds, {@link Timeline#NONE} when absent. */
    record Order(long index, Status status, long purchase, long approved, long carrier, long delivered,
            long estimated, int itemCount, long coveredProduct) {

        boolean late() {
            return delivered != NONE && delivered >= estimated;
        }
    }

    /** One order item. */
    record Item(long product, long seller, long shippingLimit, long priceCents, long freightCents) {
    }

    /** One payment row. */
    record Payment(String type, int installments, long valueCents) {
    }

    /** One review row; {@code idIndex} keys the review id (shared by the two orders of a shared review). */
    record Review(long idIndex, int score, String title, String message, long created, long answered) {
    }

    /** Where a person lives: a zip prefix index into {@link ZipPrefixes}. */
    record Person(long index, int zipPrefix) {
    }

    // Real shares: 775 of 99,441 orders have no items; a third of the orders carry a "covered" product and
    // always have items, so the others lack items a little more often.
    private static final double NO_ITEMS = 775.0 / 99_441 / (1 - 32_951.0 / 99_441);
    private static final Status[] STATUSES = Status.values();
    private static final double[] STATUS_WITH_ITEMS = Draws.cumulative(96_470, 1_106, 461, 6, 312, 301, 0, 2);
    private static final double[] STATUS_WITHOUT_ITEMS = Draws.cumulative(0, 1, 164, 603, 2, 0, 5, 0);
    private static final double[] ITEM_COUNT = Draws.cumulative(
            0, 88_863, 7_516, 1_322, 505, 204, 198, 22, 8, 0, 8, 4, 5, 1, 2, 2, 0, 0, 0, 0, 2, 1);
    private static final double[] MULTI_PAYMENT_COUNT = Draws.cumulative(
            0, 0, 780, 100, 45, 25, 15, 12, 8, 5, 4, 3, 3);
    private static final double[] INSTALLMENTS = Draws.cumulative(
            0, 25_455, 12_413, 10_461, 7_098, 5_239, 3_920, 1_626, 4_268, 644, 5_328, 23, 133, 16, 15, 74, 5, 8,
            27, 0, 17, 3, 1, 1, 18);
    private static final double MULTI_PAYMENT = 0.0285;
    private static final double MISMATCHED_TOTAL = 0.18;
    private static final double NO_REVIEW = 768.0 / 99_441;
    private static final double TWO_REVIEWS = 547.0 / 99_441;
    private static final double SHARED_REVIEW_PAIR = 800.0 / (99_441 / 2.0);
    private static final double MISSING_PREFIX = 278.0 / 99_441;

    private final Seeds seeds;
    private final SampleSize size;
    private final Marketplace marketplace;
    private final ZipPrefixes zips;
    private final Permutation productCover;
    private final Permutation personCover;
    private final Designated withoutPayment;
    private final Designated manyPayments;
    private final Designated undefinedPayment;
    private final Designated zeroInstallments;
    private final Designated shippingLimitIn2020;
    private final Designated deliveredWithoutDate;
    private final Designated deliveredWithoutApproval;
    private final Designated carrierBeforePurchase;
    private final Designated threeReviews;

    OrderBook(Seeds seeds, SampleSize size, Marketplace marketplace, ZipPrefixes zips) {
        this.seeds = seeds;
        this.size = size;
        this.marketplace = marketplace;
        this.zips = zips;
        long n = size.orders();
        this.productCover = seeds.permutation("product cover", n);
        this.personCover = seeds.permutation("person cover", n);
        this.withoutPayment = seeds.designated("order without payment", n, size.rare(1));
        this.manyPayments = seeds.designated("order with 29 payments", n, size.rare(1));
        this.undefinedPayment = seeds.designated("not_defined payment", n, size.rare(3));
        this.zeroInstallments = seeds.designated("zero installments", n, size.rare(2));
        this.shippingLimitIn2020 = seeds.designated("shipping limit in 2020", n, size.rare(4));
        this.deliveredWithoutDate = seeds.designated("delivered without delivery date", n, size.rare(8));
        this.deliveredWithoutApproval = seeds.designated("delivered without approval", n, size.rare(14));
        this.carrierBeforePurchase = seeds.designated("carrier before purchase", n, size.rare(166));
        this.threeReviews = seeds.designated("order with three reviews", n, size.rare(4));
    }

    long orders() {
        return size.orders();
    }

    Order order(long i) {
        SplittableRandom random = seeds.random(Kind.ORDER, i);
        long covered = productCover.apply(i);
        long coveredProduct = covered < marketplace.products() ? covered : -1;
        boolean forcedDelivered = deliveredWithoutDate.contains(i) || deliveredWithoutApproval.contains(i);
        boolean hasItems = coveredProduct >= 0 || forcedDelivered || random.nextDouble() >= NO_ITEMS;
        long purchase = Timeline.purchase(random);
        Status status = STATUSES[Draws.pick(hasItems ? STATUS_WITH_ITEMS : STATUS_WITHOUT_ITEMS,
                random.nextDouble())];
        if (forcedDelivered) {
            status = Status.DELIVERED;
        } else if (purchase >= Timeline.TAIL_START && hasItems) {
            status = Status.CANCELED;
        }
        int itemCount = hasItems ? Math.max(1, Draws.pick(ITEM_COUNT, random.nextDouble())) : 0;

        long approved = purchase + approvalDelay(random);
        if (status == Status.CREATED || deliveredWithoutApproval.contains(i)
                || (status == Status.CANCELED && random.nextDouble() < 0.14)) {
            approved = NONE;
        }
        long estimated = Timeline.midnight(purchase)
                + DAY * (12 + random.nextInt(25) + (random.nextDouble() < 0.05 ? 10 + random.nextInt(30) : 0));

        long carrier = NONE;
        boolean picked = status == Status.DELIVERED || status == Status.SHIPPED
                || (status == Status.CANCELED && approved != NONE && random.nextDouble() < 0.12);
        if (picked && purchase < Timeline.TAIL_START) {
            long base = approved != NONE ? approved : purchase;
            double days = Draws.logNormal(random, StrictMath.log(2.0), 0.8);
            carrier = base + Math.max(2 * HOUR, Math.min(60 * DAY, (long) (days * DAY)));
            if (carrierBeforePurchase.contains(i)) {
                carrier = purchase - Timeline.between(random, HOUR, 3 * DAY);
            } else if (approved != NONE && random.nextDouble() < 0.012) {
                carrier = approved - (long) ((approved - purchase) * random.nextDouble(0.1, 1.0));
            }
            carrier = Math.min(carrier, Timeline.END);
        }

        long delivered = NONE;
        boolean arrived = status == Status.DELIVERED
                || (status == Status.CANCELED && carrier != NONE && random.nextDouble() < 0.05);
        if (arrived && !deliveredWithoutDate.contains(i)) {
            long from = carrier != NONE ? carrier : approved != NONE ? approved : purchase;
            if (random.nextDouble() < 0.079) {
                double lateDays = Draws.logNormal(random, 1.6, 0.9);
                delivered = estimated + DAY * (long) Math.min(180, lateDays) + random.nextLong(DAY);
            } else if (estimated - from > 12 * HOUR) {
                long window = estimated - from - 6 * HOUR;
                double u = random.nextDouble();
                delivered = from + 6 * HOUR + (long) (window * u * u);
            } else {
                delivered = from + Timeline.between(random, 6 * HOUR, 3 * DAY);
            }
            delivered = Math.min(delivered, Timeline.END);
        }
        return new Order(i, status, purchase, approved, carrier, delivered, estimated, itemCount, coveredProduct);
    }

    private static long approvalDelay(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.55) {
            return Timeline.between(random, 60, 1_800);
        } else if (u < 0.85) {
            return Timeline.between(random, 1_800, DAY);
        }
        return Timeline.between(random, DAY, 4 * DAY);
    }

    Item[] items(Order order) {
        Item[] items = new Item[order.itemCount()];
        if (items.length == 0) {
            return items;
        }
        SplittableRandom random = seeds.random(Kind.ORDER_ITEMS, order.index());
        long base = order.approved() != NONE ? order.approved() : order.purchase();
        long shippingLimit = base + Timeline.between(random, 2 * DAY, 7 * DAY);
        if (shippingLimitIn2020.contains(order.index())) {
            shippingLimit = Timeline.seconds(java.time.LocalDateTime.of(2020, 1, 1, 0, 0))
                    + Timeline.between(random, 0, 100 * DAY);
        }
        for (int k = 0; k < items.length; k++) {
            if (k > 0 && random.nextDouble() < 0.55) {
                items[k] = items[k - 1];
                continue;
            }
            boolean covering = k == 0 && order.coveredProduct() >= 0;
            Product product = marketplace.product(covering ? order.coveredProduct() : marketplace.popularProduct(random));
            long seller = !covering && random.nextDouble() < 0.03 ? marketplace.popularSeller(random) : product.mainSeller();
            long price = product.priceCents();
            if (random.nextDouble() < 0.1) {
                price = Math.max(85, Math.round(price * random.nextDouble(0.85, 1.15)));
            }
            long freight = random.nextDouble() < 0.0035 ? 0
                    : Math.round(product.freightCents() * random.nextDouble(0.75, 1.35));
            items[k] = new Item(product.index(), seller, shippingLimit, price, freight);
        }
        return items;
    }

    Payment[] payments(Order order, Item[] items) {
        long i = order.index();
        if (withoutPayment.contains(i)) {
            return new Payment[0];
        }
        SplittableRandom random = seeds.random(Kind.ORDER_PAYMENTS, i);
        long total = 0;
        for (Item item : items) {
            total += item.priceCents() + item.freightCents();
        }
        if (items.length == 0) {
            total = Math.max(100, Math.round(Draws.logNormal(random, 4.9, 0.8) * 100));
        }
        if (undefinedPayment.contains(i)) {
            return new Payment[] {new Payment("not_defined", 1, 0)};
        }

        String[] types;
        if (manyPayments.contains(i)) {
            types = new String[29];
            java.util.Arrays.fill(types, "voucher");
        } else if (random.nextDouble() < MULTI_PAYMENT) {
            types = new String[Draws.pick(MULTI_PAYMENT_COUNT, random.nextDouble())];
            for (int k = 0; k < types.length; k++) {
                types[k] = random.nextDouble() < 0.55 ? "voucher" : "credit_card";
            }
        } else {
            double u = random.nextDouble();
            types = new String[] {u < 0.7612 ? "credit_card" : u < 0.966 ? "boleto" : u < 0.984 ? "voucher" : "debit_card"};
        }
        if (zeroInstallments.contains(i)) {
            types[0] = "credit_card";
        }
        int[] installments = new int[types.length];
        boolean interest = false;
        for (int k = 0; k < types.length; k++) {
            installments[k] = types[k].equals("credit_card") ? Draws.pick(INSTALLMENTS, random.nextDouble()) : 1;
            interest |= installments[k] > 1;
        }
        if (zeroInstallments.contains(i)) {
            installments[0] = 0;
        }

        if (random.nextDouble() < MISMATCHED_TOTAL) {
            long delta = interest
                    ? Math.round(total * random.nextDouble(0.01, 0.12))
                    : Math.round(total * random.nextDouble(-0.10, 0.10));
            total = Math.max(0, total + (delta == 0 ? 1 : delta));
        }

        Payment[] payments = new Payment[types.length];
        long remaining = total;
        for (int k = 0; k < types.length; k++) {
            long value;
            if (k == types.length - 1) {
                value = remaining;
            } else if (types[k].equals("voucher") && random.nextDouble() < 0.004) {
                value = 0;
            } else {
                value = (long) (remaining * random.nextDouble(0.2, 0.8));
            }
            remaining -= value;
            payments[k] = new Payment(types[k], installments[k], value);
        }
        return payments;
    }

    Review[] reviews(Order order) {
        long i = order.index();
        boolean shared = sharesReviewWithNeighbour(i);
        SplittableRandom random = seeds.random(Kind.ORDER_REVIEWS, i);
        double u = random.nextDouble();
        int count = u < NO_REVIEW ? 0 : u < NO_REVIEW + TWO_REVIEWS ? 2 : 1;
        if (threeReviews.contains(i)) {
            count = 3;
        } else if (shared) {
            count = Math.max(count, 1);
        }
        Review[] reviews = new Review[count];
        for (int k = 0; k < count; k++) {
            if (k == 0 && shared && i % 2 == 1) {
                reviews[k] = reviews(order(i - 1))[0];
            } else {
                reviews[k] = review(order, i * 4 + k, random);
            }
        }
        return reviews;
    }

    /** Orders 2m and 2m+1 sometimes share one review (same id, same content), as ~800 real reviews do. */
    private boolean sharesReviewWithNeighbour(long i) {
        long pair = i / 2;
        return 2 * pair + 1 < size.orders()
                && seeds.random(Kind.REVIEW_PAIR, pair).nextDouble() < SHARED_REVIEW_PAIR;
    }

    private static Review review(Order order, long idIndex, SplittableRandom random) {
        boolean disappointed = order.late() || order.delivered() == NONE;
        int score = score(disappointed, random.nextDouble());
        String title = random.nextDouble() < 0.117 ? ReviewTexts.title(score, random) : "";
        double messageChance = score <= 2 ? 0.8 : score == 3 ? 0.55 : 0.33;
        String message = random.nextDouble() < messageChance ? ReviewTexts.message(score, random) : "";
        long anchor = order.delivered() != NONE ? order.delivered()
                : order.status() == Status.SHIPPED || order.status() == Status.DELIVERED ? order.estimated()
                : order.purchase() + Timeline.between(random, DAY, 30 * DAY);
        double v = random.nextDouble();
        long created = Timeline.midnight(anchor) + DAY * (v < 0.15 ? 0 : v < 0.85 ? 1 : 2 + random.nextInt(9));
        long answered = created + (random.nextDouble() < 0.9
                ? Timeline.between(random, 2 * HOUR, 4 * DAY)
                : Timeline.between(random, 4 * DAY, 30 * DAY));
        return new Review(idIndex, score, title, message, created, answered);
    }

    private static int score(boolean disappointed, double u) {
        if (disappointed) {
            return u < 0.45 ? 1 : u < 0.55 ? 2 : u < 0.67 ? 3 : u < 0.80 ? 4 : 5;
        }
        return u < 0.08 ? 1 : u < 0.11 ? 2 : u < 0.19 ? 3 : u < 0.39 ? 4 : 5;
    }

    /** The person ({@code customer_unique_id} index) who placed order {@code i}. */
    long personOf(long i) {
        long covered = personCover.apply(i);
        return covered < size.people() ? covered : Math.floorMod(seeds.key(Kind.PERSON, ~i), size.people());
    }

    Person person(long p) {
        SplittableRandom random = seeds.random(Kind.PERSON, p);
        int state = States.drawForCustomer(random);
        int prefix = random.nextDouble() < MISSING_PREFIX ? zips.drawMissing(random) : zips.draw(state, random);
        return new Person(p, prefix);
    }
}
