package org.olistdw.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EmailTest {

    @Test
    void an_address_with_a_local_part_and_a_dotted_domain_is_kept_as_given() {
        assertThat(new Email("admin@olist-dw.local").value()).isEqualTo("admin@olist-dw.local");
        assertThat(new Email("Maria.Silva+dw@mail.example.com.br").toString())
                .isEqualTo("Maria.Silva+dw@mail.example.com.br");
    }

    @Test
    void an_address_without_an_at_sign_or_with_two_is_rejected_naming_it() {
        assertThatThrownBy(() -> new Email("maria.example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("email must look like name@domain.tld, was 'maria.example.com'");
        assertThatThrownBy(() -> new Email("maria@silva@example.com"))
                .hasMessage("email must look like name@domain.tld, was 'maria@silva@example.com'");
    }

    @Test
    void an_address_with_an_empty_local_part_or_an_undotted_domain_is_rejected() {
        assertThatThrownBy(() -> new Email("@example.com"))
                .hasMessage("email must look like name@domain.tld, was '@example.com'");
        assertThatThrownBy(() -> new Email("maria@localhost"))
                .hasMessage("email must look like name@domain.tld, was 'maria@localhost'");
        assertThatThrownBy(() -> new Email("maria@.com"))
                .hasMessage("email must look like name@domain.tld, was 'maria@.com'");
        assertThatThrownBy(() -> new Email("maria@example."))
                .hasMessage("email must look like name@domain.tld, was 'maria@example.'");
        assertThatThrownBy(() -> new Email(""))
                .hasMessage("email must look like name@domain.tld, was ''");
    }

    @Test
    void an_address_with_whitespace_or_a_control_character_is_rejected() {
        assertThatThrownBy(() -> new Email("maria silva@example.com"))
                .hasMessage("email must look like name@domain.tld, was 'maria silva@example.com'");
        assertThatThrownBy(() -> new Email(" maria@example.com"))
                .hasMessage("email must look like name@domain.tld, was ' maria@example.com'");
        assertThatThrownBy(() -> new Email("maria@exam\0ple.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("email must look like name@domain.tld");
    }

    @Test
    void an_address_longer_than_255_characters_is_rejected() {
        String longest = "a".repeat(243) + "@example.com";
        assertThat(longest).hasSize(255);
        assertThat(new Email(longest).value()).isEqualTo(longest);
        assertThatThrownBy(() -> new Email("a" + longest))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("email must be at most 255 characters long, was 256");
    }

    @Test
    void a_null_address_is_rejected() {
        assertThatThrownBy(() -> new Email(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("email");
    }
}
