package org.olistdw.sample;

/**
 * How many rows of each kind a scale asks for. Entity counts scale linearly with the published counts;
 * zip prefixes scale linearly up to scale 1 and then stay at the published 19,015 (Brazil does not grow
 * new zip codes: a larger sample has more geolocation rows per prefix). Rare quirks whose real number is
 * known (one order without payment, two products without dimensions...) scale linearly too but never drop
 * below one, so that every sample, however small, contains every quirk.
 *
 * @param scale            size relative to the published dataset
 * @param orders           orders, and customer rows (one per order)
 * @param people           distinct {@code customer_unique_id}s
 * @param products         products (every one is sold at least once)
 * @param sellers          sellers (every one sells at least one product)
 * @param zipPrefixes      zip prefixes that have geolocation rows
 * @param missingPrefixes  zip prefixes used by a few customers and sellers but absent from geolocation
 * @param geolocationRows  geolocation rows
 */
record SampleSize(double scale, long orders, long people, long products, long sellers, int zipPrefixes,
        int missingPrefixes, long geolocationRows) {

    private static final long REAL_ORDERS = 99_441;
    private static final long REAL_PEOPLE = 96_096;
    private static final long REAL_PRODUCTS = 32_951;
    private static final long REAL_SELLERS = 3_095;
    private static final long REAL_GEOLOCATION_ROWS = 1_000_163;
    private static final int REAL_ZIP_PREFIXES = 19_015;
    private static final int REAL_MISSING_PREFIXES = 157;

    /** Fewest zip prefixes: two per state, so every state has customers' and sellers' places. */
    private static final int MIN_ZIP_PREFIXES = 54;

    static SampleSize of(double scale) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number greater than 0, was " + scale);
        }
        double prefixScale = Math.min(scale, 1.0);
        int prefixes = (int) Math.max(MIN_ZIP_PREFIXES, Math.round(REAL_ZIP_PREFIXES * prefixScale));
        int missing = (int) Math.max(1, Math.round(REAL_MISSING_PREFIXES * prefixScale));
        return new SampleSize(scale,
                atLeastOne(REAL_ORDERS, scale),
                atLeastOne(REAL_PEOPLE, scale),
                atLeastOne(REAL_PRODUCTS, scale),
                atLeastOne(REAL_SELLERS, scale),
                prefixes,
                missing,
                Math.max(prefixes, Math.round(REAL_GEOLOCATION_ROWS * scale)));
    }

    /** The number of occurrences of a rare quirk seen {@code realCount} times in the published data. */
    long rare(double realCount) {
        return Math.max(1, Math.round(realCount * scale));
    }

    private static long atLeastOne(long real, double scale) {
        return Math.max(1, Math.round(real * scale));
    }
}
