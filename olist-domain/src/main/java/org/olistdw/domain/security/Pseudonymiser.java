package org.olistdw.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces personal data with pseudonyms, for people who may not see it in clear (LGPD, Brazil's data
 * protection law, art. 13 §4: data that cannot be attributed to a person without additional information kept
 * apart). The fields treated are the customer's {@code customer_unique_id} and {@code customer_id}, and the
 * zip code prefix and city of an address.
 *
 * <p>A pseudonym is the HMAC-SHA256 of the value under a secret key, in lower-case hex (64 characters), with
 * the field's kind mixed in so that the same text in two kinds of field gives two pseudonyms.
 * <ul>
 *   <li><b>Keyed, not a plain hash</b>: customer ids, five-digit zip prefixes and city names are few or
 *       guessable, so a plain SHA-256 could be reversed by hashing every candidate; without the key it cannot.
 *       Whoever holds the key can re-identify, which is why the key is given here and kept out of the
 *       warehouse.</li>
 *   <li><b>Stable for one key</b>: the same value always gives the same pseudonym, so counts, distinct
 *       counts, group-bys and joins across tables (orders to customers by {@code customer_id}, customers to
 *       geography by zip prefix) give the same results on pseudonyms as on the values. Changing the key
 *       gives unrelated pseudonyms, and so unlinks everything shown before.</li>
 *   <li><b>Exact input</b>: the value is taken as it is, byte for byte in UTF-8 (no trimming or case folding);
 *       callers pass the cleaned values of the warehouse.</li>
 * </ul>
 * Stateless apart from its key; safe for use by several threads at once.
 */
public final class Pseudonymiser {

    /** The shortest key accepted, in bytes: that of the hash, as RFC 2104 advises. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int SHA256_BLOCK_BYTES = 64;

    /** The kinds of personal data pseudonymised, each mixed into its pseudonyms under its label. */
    public enum Field {
        /** A {@code customer_unique_id} (a person). */
        CUSTOMER_UNIQUE_ID("customer_unique_id"),
        /** A {@code customer_id} (a customer as on one order). */
        CUSTOMER_ID("customer_id"),
        /** A zip code prefix, the same for customers, sellers and geography. */
        ZIP_CODE_PREFIX("zip_code_prefix"),
        /** A city name, the same for customers, sellers and geography. */
        CITY("city");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        /** The text mixed into the pseudonyms of this kind of field. */
        public String label() {
            return label;
        }
    }

    /**
     * The key as HMAC applies it (RFC 2104): padded to SHA-256's 64-byte block, XOR {@code 0x36} ({@code inner})
     * and XOR {@code 0x5c} ({@code outer}). With them a pseudonym can be computed where only SHA-256 is at hand,
     * such as inside a database engine: {@code hex(SHA-256(outer || SHA-256(inner || label || 0x00 || value)))},
     * with the field's {@link Field#label() label} and the value in UTF-8. Whoever holds them can re-identify, as
     * with the key itself. The arrays are copies.
     */
    public record HmacBlocks(byte[] inner, byte[] outer) {
    }

    private final SecretKeySpec key;

    /**
     * A pseudonymiser under {@code key}, of at least {@value #MIN_KEY_BYTES} bytes (copied; clear yours).
     */
    public Pseudonymiser(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonymisation key must be at least " + MIN_KEY_BYTES
                    + " bytes long, was " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The pseudonym of a {@code customer_unique_id} (a person). */
    public String customerUniqueId(String value) {
        return pseudonym(Field.CUSTOMER_UNIQUE_ID, value);
    }

    /** The pseudonym of a {@code customer_id} (a customer as on one order). */
    public String customerId(String value) {
        return pseudonym(Field.CUSTOMER_ID, value);
    }

    /** The pseudonym of a zip code prefix, the same for customers, sellers and geography. */
    public String zipCodePrefix(String value) {
        return pseudonym(Field.ZIP_CODE_PREFIX, value);
    }

    /** The pseudonym of a city name, the same for customers, sellers and geography. */
    public String city(String value) {
        return pseudonym(Field.CITY, value);
    }

    /** The pseudonym of {@code value} as a field of kind {@code field}. */
    public String pseudonym(Field field, String value) {
        Objects.requireNonNull(field, "field");
        String kind = field.label();
        Objects.requireNonNull(value, kind);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }

    /** The key's HMAC blocks, for computing the same pseudonyms with SHA-256 alone (see {@link HmacBlocks}). */
    public HmacBlocks hmacBlocks() {
        byte[] padded = new byte[SHA256_BLOCK_BYTES];
        byte[] raw = key.getEncoded();
        try {
            byte[] fitted = raw.length > SHA256_BLOCK_BYTES ? MessageDigest.getInstance("SHA-256").digest(raw) : raw;
            System.arraycopy(fitted, 0, padded, 0, fitted.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
        byte[] inner = new byte[SHA256_BLOCK_BYTES];
        byte[] outer = new byte[SHA256_BLOCK_BYTES];
        for (int i = 0; i < SHA256_BLOCK_BYTES; i++) {
            inner[i] = (byte) (padded[i] ^ 0x36);
            outer[i] = (byte) (padded[i] ^ 0x5c);
        }
        Arrays.fill(padded, (byte) 0);
        return new HmacBlocks(inner, outer);
    }

    /** Whether two pseudonyms are equal, in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Pseudonymiser[key hidden]";
    }
}
