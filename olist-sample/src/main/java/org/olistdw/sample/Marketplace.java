package org.olistdw.sample;

import java.util.SplittableRandom;
import org.olistdw.sample.Seeds.Designated;
import org.olistdw.sample.Seeds.Kind;
import org.olistdw.sample.States.City;

/**
 * Products and sellers, each derived from its index alone (nothing proportional to the scale is kept).
 * Product {@code k < sellers} is mainly sold by seller {@code k}, so every seller sells.
 */
final class Marketplace {

    /** Marks an absent whole number (blank in the file). */
    static final int ABSENT = -1;

    /**
     * One product. Name and description lengths and photo count are {@link #ABSENT} for uncategorised
     * products; weight and dimensions are absent for a couple of products.
     */
    record Product(long index, String category, int nameLength, int descriptionLength, int photos,
            int weightGrams, int lengthCm, int heightCm, int widthCm, long priceCents, long freightCents,
            long mainSeller) {
    }

    /** One seller: a zip prefix index into {@link ZipPrefixes} and the city as written in the file. */
    record Seller(long index, int zipPrefix, String city, String state) {
    }

    private final Seeds seeds;
    private final SampleSize size;
    private final ZipPrefixes zips;
    private final Designated uncategorised;
    private final Designated withoutDimensions;
    private final Designated weighingNothing;
    private final Designated pcGamer;
    private final Designated kitchenPortables;
    private final Designated dirtySellerCity;

    Marketplace(Seeds seeds, SampleSize size, ZipPrefixes zips) {
        this.seeds = seeds;
        this.size = size;
        this.zips = zips;
        long products = size.products();
        this.uncategorised = seeds.designated("product without category", products, size.rare(610));
        this.withoutDimensions = seeds.designated("product without dimensions", products, size.rare(2));
        this.weighingNothing = seeds.designated("product weighing 0 g", products, size.rare(4));
        this.pcGamer = seeds.designated("pc_gamer product", products, size.rare(3));
        this.kitchenPortables = seeds.designated("kitchen portables product", products, size.rare(10));
        this.dirtySellerCity = seeds.designated("dirty seller city", size.sellers(), size.rare(25));
    }

    long products() {
        return size.products();
    }

    long sellers() {
        return size.sellers();
    }

    Product product(long p) {
        SplittableRandom random = seeds.random(Kind.PRODUCT, p);
        // The first 71 products take one translated category each, so that every category is in use.
        String category = p < Categories.TRANSLATED.size()
                ? Categories.TRANSLATED.get((int) p).portuguese()
                : Categories.draw(random);
        if (pcGamer.contains(p)) {
            category = Categories.PC_GAMER;
        } else if (kitchenPortables.contains(p)) {
            category = Categories.KITCHEN_PORTABLES;
        }
        int nameLength = clamp((int) Math.round(48 + 10 * Draws.gaussian(random)), 5, 76);
        int descriptionLength = clamp((int) Math.round(Draws.logNormal(random, 6.4, 0.75)), 4, 3992);
        int photos = photos(random);
        if (uncategorised.contains(p)) {
            category = null;
            nameLength = ABSENT;
            descriptionLength = ABSENT;
            photos = ABSENT;
        }

        int weight = clamp((int) Math.round(Draws.logNormal(random, 6.55, 1.2)), 50, 40_425);
        if (random.nextDouble() < 0.4) {
            weight = Math.max(50, weight / 50 * 50);
        }
        double side = StrictMath.cbrt(weight * random.nextDouble(3, 15));
        int length = clamp((int) Math.round(side * random.nextDouble(1.0, 1.6)), 7, 105);
        int height = clamp((int) Math.round(side * random.nextDouble(0.4, 1.0)), 2, 105);
        int width = clamp((int) Math.round(side * random.nextDouble(0.8, 1.3)), 6, 118);

        long price = price(random);
        long freight = Math.min(40_968, Math.round(650 + weight * 0.19 + random.nextDouble() * 1200));
        long mainSeller = p < size.sellers() ? p : popularSeller(random);

        if (weighingNothing.contains(p)) {
            weight = 0;
        }
        if (withoutDimensions.contains(p)) {
            weight = ABSENT;
            length = ABSENT;
            height = ABSENT;
            width = ABSENT;
        }
        return new Product(p, category, nameLength, descriptionLength, photos, weight, length, height, width,
                price, freight, mainSeller);
    }

    /** A seller drawn with the real skew: a few sellers sell a lot. */
    long popularSeller(SplittableRandom random) {
        double u = random.nextDouble();
        double skewed = random.nextDouble() < 0.5 ? u : u * u * Math.sqrt(u);
        return Math.min(size.sellers() - 1, (long) (skewed * size.sellers()));
    }

    /** A product drawn with the real skew: most sold a few times, some best sellers. */
    long popularProduct(SplittableRandom random) {
        double u = random.nextDouble();
        double skewed = random.nextDouble() < 0.7 ? u : u * u;
        return Math.min(size.products() - 1, (long) (skewed * size.products()));
    }

    Seller seller(long s) {
        SplittableRandom random = seeds.random(Kind.SELLER, s);
        int state = States.drawForSeller(random);
        int prefix = random.nextDouble() < 0.0023 ? zips.drawMissing(random) : zips.draw(state, random);
        City city = zips.city(prefix);
        String name = city.plainName();
        if (dirtySellerCity.contains(s)) {
            String uf = zips.stateCode(prefix);
            name = switch (random.nextInt(5)) {
                case 0 -> name + " / " + name;
                case 1 -> name + " - " + uf.toLowerCase(java.util.Locale.ROOT);
                case 2 -> name + "/" + uf;
                case 3 -> String.format(java.util.Locale.ROOT, "%05d%03d", zips.code(prefix), random.nextInt(1000));
                default -> city.name() + " " + uf.toLowerCase(java.util.Locale.ROOT);
            };
        }
        return new Seller(s, prefix, name, zips.stateCode(prefix));
    }

    private static long price(SplittableRandom random) {
        double reais = Draws.logNormal(random, 4.3, 0.95);
        long whole = (long) Math.min(6_735, Math.max(0, reais));
        double ending = random.nextDouble();
        long cents;
        if (ending < 0.35) {
            cents = 90;
        } else if (ending < 0.60) {
            cents = 99;
        } else if (ending < 0.80) {
            cents = 0;
        } else {
            cents = random.nextInt(100);
        }
        return Math.max(85, whole * 100 + cents);
    }

    private static int photos(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < 0.50) {
            return 1;
        } else if (u < 0.70) {
            return 2;
        } else if (u < 0.82) {
            return 3;
        }
        int photos = 4;
        while (photos < 20 && random.nextDouble() < 0.6) {
            photos++;
        }
        return photos;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
