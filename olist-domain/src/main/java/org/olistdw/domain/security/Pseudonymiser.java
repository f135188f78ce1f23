package org.olistdw.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
        return pseudonym("customer_unique_id", value);
    }

    /** The pseudonym of a {@code customer_id} (a customer as on one order). */
    public String customerId(String value) {
        return pseudonym("customer_id", value);
    }

    /** The pseudonym of a zip code prefix, the same for customers, sellers and geography. */
    public String zipCodePrefix(String value) {
        return pseudonym("zip_code_prefix", value);
    }

    /** The pseudonym of a city name, the same for customers, sellers and geography. */
    public String city(String value) {
        return pseudonym("city", value);
    }

    private String pseudonym(String kind, String value) {
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

    /** Whether two pseudonyms are equal, in time independent of where they differ. */
    public static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Pseudonymiser[key hidden]";
    }
}
