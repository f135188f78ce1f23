package org.olistdw.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Rfc4180ReaderTest {

    @Test
    void reads_bare_and_quoted_fields_and_empty_ones() {
        assertThat(Rfc4180Reader.parse("\"a\",b,,\"\"\n1,2,3,4\n"))
                .containsExactly(List.of("a", "b", "", ""), List.of("1", "2", "3", "4"));
    }

    @Test
    void quoted_fields_keep_commas_line_breaks_and_doubled_quotes() {
        assertThat(Rfc4180Reader.parse("x,\"um, \"\"dois\"\"\r\ntrês\"\r\n"))
                .containsExactly(List.of("x", "um, \"dois\"\r\ntrês"));
    }

    @Test
    void skips_the_bom_and_accepts_a_missing_final_newline() {
        assertThat(Rfc4180Reader.parse("\uFEFFh1,h2\r\nv1,v2"))
                .containsExactly(List.of("h1", "h2"), List.of("v1", "v2"));
    }

    @Test
    void rejects_a_quote_inside_a_bare_field() {
        assertThatThrownBy(() -> Rfc4180Reader.parse("a,b\"c\n")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_an_unterminated_quoted_field() {
        assertThatThrownBy(() -> Rfc4180Reader.parse("a,\"b\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
