package org.olistdw.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    /** Expected values from {@code printf 'customer_unique_id\0%s' <value> | openssl dgst -sha256 -hmac <key>}. */
    @Test
    void pseudonyms_are_the_hmac_sha256_of_the_field_kind_and_value() {
        Pseudonymiser pseudonymiser = new Pseudonymiser(KEY);

        assertThat(pseudonymiser.customerUniqueId("861eff4711a542e4b93843c6dd7febb0"))
                .isEqualTo("134b6af2697b0cfa495b1ad6163259b7391703ef95cb37644af7ee01be9608a2");
        assertThat(pseudonymiser.zipCodePrefix("01310"))
                .isEqualTo("76404443674548ad1ecdf5a6bf7aefdf1be6dd0cd19a4920e4a0e6a3b7fdea20");
        assertThat(pseudonymiser.city("são paulo"))
                .isEqualTo("16b6ca7b32ed7b7893aa4e7d4bb5fcc4ab84c92ebaa8f5543937c093d6a834b1");
    }

    @Test
    void the_same_value_under_the_same_key_gives_the_same_pseudonym_so_joins_still_match() {
        Pseudonymiser one = new Pseudonymiser(KEY);
        Pseudonymiser again = new Pseudonymiser(KEY.clone());

        assertThat(again.customerId("06b8999e2fba1a1fbc88172c00ba8bc7"))
                .isEqualTo(one.customerId("06b8999e2fba1a1fbc88172c00ba8bc7"));
        assertThat(one.customerId("06b8999e2fba1a1fbc88172c00ba8bc7"))
                .isNotEqualTo(one.customerId("18955e83d337fd6b2def6b18a428ac77"));
    }

    @Test
    void another_key_or_another_kind_of_field_gives_another_pseudonym() {
        Pseudonymiser one = new Pseudonymiser(KEY);
        Pseudonymiser other = new Pseudonymiser(OTHER_KEY);

        assertThat(other.zipCodePrefix("01310")).isNotEqualTo(one.zipCodePrefix("01310"));
        assertThat(one.customerId("abc")).isNotEqualTo(one.customerUniqueId("abc"));
        assertThat(one.city("x")).hasSize(64).matches("[0-9a-f]{64}");
    }

    /** The expected pseudonym is the one of the first test (openssl), rebuilt from the blocks with SHA-256 alone. */
    @Test
    void the_hmac_blocks_give_the_same_pseudonyms_with_sha256_alone() throws Exception {
        Pseudonymiser.HmacBlocks blocks = new Pseudonymiser(KEY).hmacBlocks();
        assertThat(blocks.inner()).hasSize(64).startsWith((byte) ('0' ^ 0x36)).endsWith((byte) 0x36);
        assertThat(blocks.outer()).hasSize(64).startsWith((byte) ('0' ^ 0x5c)).endsWith((byte) 0x5c);
        assertThat(sha256Pseudonym(blocks, "city", "são paulo"))
                .isEqualTo("16b6ca7b32ed7b7893aa4e7d4bb5fcc4ab84c92ebaa8f5543937c093d6a834b1");

        byte[] longKey = new byte[100];
        for (int i = 0; i < longKey.length; i++) {
            longKey[i] = (byte) i;
        }
        Pseudonymiser hashedKey = new Pseudonymiser(longKey);
        assertThat(sha256Pseudonym(hashedKey.hmacBlocks(), "customer_id", "06b8999e2fba1a1fbc88172c00ba8bc7"))
                .as("a key longer than a block is hashed first")
                .isEqualTo(hashedKey.pseudonym(Pseudonymiser.Field.CUSTOMER_ID, "06b8999e2fba1a1fbc88172c00ba8bc7"));
    }

    private static String sha256Pseudonym(Pseudonymiser.HmacBlocks blocks, String label, String value)
            throws Exception {
        MessageDigest inner = MessageDigest.getInstance("SHA-256");
        inner.update(blocks.inner());
        inner.update(label.getBytes(StandardCharsets.UTF_8));
        inner.update((byte) 0);
        byte[] innerHash = inner.digest(value.getBytes(StandardCharsets.UTF_8));
        MessageDigest outer = MessageDigest.getInstance("SHA-256");
        outer.update(blocks.outer());
        return HexFormat.of().formatHex(outer.digest(innerHash));
    }

    @Test
    void a_short_key_is_refused_and_the_key_is_never_shown() {
        assertThatThrownBy(() -> new Pseudonymiser(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pseudonymisation key must be at least 32 bytes long, was 31");
        assertThat(new Pseudonymiser(KEY).toString()).doesNotContain("0123");
    }
}
