package org.olistdw.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordTest {

    @Test
    void a_password_has_12_to_1024_characters_and_is_not_only_whitespace() {
        assertThatThrownBy(() -> new Password("elevenchars".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("password must be 12..1024 characters long, was 11");
        assertThatThrownBy(() -> new Password(new char[1025])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Password("            ".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("password must not be only whitespace");
        assertThat(new Password("twelve chars".toCharArray()).characters()).containsExactly("twelve chars".toCharArray());
    }

    @Test
    void a_password_is_never_shown_and_can_be_cleared() {
        char[] typed = "correct horse battery".toCharArray();
        Password password = new Password(typed);
        typed[0] = 'X';

        assertThat(password.characters()[0]).isEqualTo('c');
        assertThat(password.toString()).doesNotContain("horse");
        password.clear();
        assertThat(password.characters()).containsOnly('\0');
    }
}
