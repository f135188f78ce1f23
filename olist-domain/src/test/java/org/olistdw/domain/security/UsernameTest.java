package org.olistdw.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UsernameTest {

    @Test
    void lower_case_letters_digits_dots_underscores_and_hyphens_are_accepted() {
        assertThat(new Username("maria.silva_2-x").value()).isEqualTo("maria.silva_2-x");
        assertThat(new Username("abc").toString()).isEqualTo("abc");
    }

    @Test
    void a_username_of_three_and_of_one_hundred_characters_is_accepted() {
        assertThat(new Username("a.b").value()).hasSize(3);
        assertThat(new Username("x".repeat(100)).value()).hasSize(100);
    }

    @Test
    void a_username_shorter_than_three_characters_is_rejected_naming_it() {
        assertThatThrownBy(() -> new Username("ab"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must be 3..100 characters long, was 2 ('ab')");
        assertThatThrownBy(() -> new Username(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username must be 3..100 characters long, was 0 ('')");
    }

    @Test
    void a_username_longer_than_the_column_is_rejected() {
        assertThatThrownBy(() -> new Username("y".repeat(101)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("username must be 3..100 characters long, was 101 ('yyy");
    }

    @Test
    void upper_case_letters_spaces_accents_and_other_signs_are_rejected_naming_the_value() {
        assertThatThrownBy(() -> new Username("Maria"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username may hold only lower-case letters a-z, digits, '.', '_' and '-', was 'Maria'");
        assertThatThrownBy(() -> new Username("maria silva"))
                .hasMessage("username may hold only lower-case letters a-z, digits, '.', '_' and '-', "
                        + "was 'maria silva'");
        assertThatThrownBy(() -> new Username("joão"))
                .hasMessage("username may hold only lower-case letters a-z, digits, '.', '_' and '-', was 'joão'");
        assertThatThrownBy(() -> new Username("ana@olist"))
                .hasMessage("username may hold only lower-case letters a-z, digits, '.', '_' and '-', "
                        + "was 'ana@olist'");
    }

    @Test
    void a_null_username_is_rejected() {
        assertThatThrownBy(() -> new Username(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("username");
    }

    @Test
    void user_ids_must_be_positive() {
        assertThat(new UserId(1).value()).isEqualTo(1);
        assertThatThrownBy(() -> new UserId(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user id must be positive, was 0");
        assertThatThrownBy(() -> new UserId(-4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user id must be positive, was -4");
    }
}
