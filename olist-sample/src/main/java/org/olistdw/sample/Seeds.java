package org.olistdw.sample;

import java.util.SplittableRandom;

/**
 * Derives every random choice of the generator from (seed, entity kind, index), so that any entity can be
 * regenerated on its own, in any pass, with the same result and without remembering anything.
 */
final class Seeds {

    /** Entity kinds; each has its own id space and its own random streams. */
    enum Kind {
        ORDER, ORDER_ITEMS, ORDER_PAYMENTS, ORDER_REVIEWS, REVIEW_ID, REVIEW_PAIR, CUSTOMER, PERSON,
        PRODUCT, SELLER, ZIP_UNIVERSE, ZIP_PREFIX, CITY, GEOLOCATION, DESIGNATED, PERMUTATION
    }

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long ODD = 0xD1B54A32D192ED03L;

    private final long[] kindKeys;

    Seeds(long seed) {
        Kind[] kinds = Kind.values();
        this.kindKeys = new long[kinds.length];
        for (Kind kind : kinds) {
            kindKeys[kind.ordinal()] = mix(mix(seed ^ GOLDEN) + (kind.ordinal() + 1) * GOLDEN);
        }
    }

    /** A 64-bit key for (kind, index); a bijection of the index for a given kind. */
    long key(Kind kind, long index) {
        return mix(kindKeys[kind.ordinal()] + index * ODD);
    }

    /** The random stream of one entity. */
    SplittableRandom random(Kind kind, long index) {
        return new SplittableRandom(key(kind, index));
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A fixed, evenly spread selection of exactly {@code count} of the indexes {@code 0..n-1} (fewer when
     * count exceeds n), rotated by a seed-derived offset. Used for rare quirks whose number is specified.
     */
    Designated designated(String quirk, long n, long count) {
        long offset = n <= 0 ? 0 : Math.floorMod(key(Kind.DESIGNATED, quirk.hashCode()), n);
        return new Designated(n, Math.min(count, n), offset);
    }

    /** See {@link #designated(String, long, long)}. */
    record Designated(long n, long count, long offset) {
        boolean contains(long index) {
            if (count <= 0 || index < 0 || index >= n) {
                return false;
            }
            long j = index + offset;
            if (j >= n) {
                j -= n;
            }
            return (j + 1) * count / n != j * count / n;
        }
    }

    /**
     * A bijection of {@code 0..n-1} ({@code i -> (i * a + b) mod n} with {@code a} coprime to n), used to
     * spread a guaranteed property (such as "this product is sold at least once") over all indexes.
     */
    Permutation permutation(String purpose, long n) {
        long a = Math.floorMod(key(Kind.PERMUTATION, purpose.hashCode()), Math.max(n, 1)) | 1;
        while (gcd(a, n) != 1 && n > 1) {
            a += 2;
            if (a >= n) {
                a = 1;
            }
        }
        long b = Math.floorMod(key(Kind.PERMUTATION, purpose.hashCode() + 1L), Math.max(n, 1));
        return new Permutation(n, a, b);
    }

    /** See {@link #permutation(String, long)}. */
    record Permutation(long n, long a, long b) {
        /** Below this, {@code i * a + b} cannot overflow for {@code i, a, b < n}. */
        private static final long SAFE = 3_037_000_499L;

        long apply(long i) {
            if (n <= SAFE) {
                return (i * a + b) % n;
            }
            return java.math.BigInteger.valueOf(i).multiply(java.math.BigInteger.valueOf(a))
                    .add(java.math.BigInteger.valueOf(b)).mod(java.math.BigInteger.valueOf(n)).longValue();
        }
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return Math.abs(a);
    }
}
