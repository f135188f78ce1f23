package org.olistdw.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceScan.Divergence;

class SourceScanTest {

    private static final String HEADER = "product_category_name,product_category_name_english";

    @TempDir
    Path directory;

    @Test
    void quoted_line_breaks_and_crlf_make_lines_diverge_from_records() throws Exception {
        // record 0 on line 2 holds one break (CRLF); record 1 on line 4 holds two (LF, LF); record 2 is on line 7
        byte[] bytes = (HEADER + "\r\n1,\"a\r\nb\"\r\n2,\"x\ny\nz\"\n3,c").getBytes(StandardCharsets.UTF_8);

        SourceScan scan = scan(bytes);

        assertThat(scan.records()).isEqualTo(3);
        assertThat(scan.isRegular()).isTrue();
        assertThat(scan.isUtf8()).isTrue();
        assertThat(scan.divergences()).containsExactly(new Divergence(1, 1), new Divergence(2, 3));
        assertThat(List.of(scan.lineOf(0), scan.lineOf(1), scan.lineOf(2))).containsExactly(2L, 4L, 7L);
        assertThat(scan.rawTexts(new long[] {0, 2})).containsExactly("1,\"a\r\nb\"", "3,c");
        assertThat(scan.sizeBytes()).isEqualTo(bytes.length);
        assertThat(scan.sha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void commas_and_doubled_quotes_inside_quotes_are_one_field() throws Exception {
        SourceScan scan = scan((HEADER + "\n\"a,b\",\"say \"\"hi\"\"\"\n\"\",\n").getBytes(StandardCharsets.UTF_8));

        assertThat(scan.records()).isEqualTo(2);
        assertThat(scan.isRegular()).isTrue();
        assertThat(scan.divergences()).isEmpty();
        assertThat(scan.rawTexts(new long[] {1})).containsExactly("\"\",");
    }

    @Test
    void a_byte_order_mark_and_a_quoted_header_keep_the_file_regular() throws Exception {
        SourceScan scan = scan(("\uFEFF\"product_category_name\",\"product_category_name_english\"\r\n"
                + "beleza_saude,health_beauty\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(scan.records()).isEqualTo(1);
        assertThat(scan.isRegular()).isTrue();
        assertThat(scan.lineOf(0)).isEqualTo(2);
    }

    @Test
    void a_file_with_only_its_header_has_no_records() throws Exception {
        SourceScan scan = scan((HEADER + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(scan.records()).isZero();
        assertThat(scan.isRegular()).isTrue();
    }

    @Test
    void what_a_strict_reader_reads_differently_makes_the_file_irregular() throws Exception {
        List<String> irregular = List.of(
                HEADER + "\na,b\n\nc,d\n", // a blank line
                HEADER + "\na,b\n\n", // a blank line at the end
                HEADER + "\na,b\rc,d\n", // a lone CR
                HEADER + "\na,b,c\n", // three fields
                HEADER + "\na\n", // one field
                HEADER + "\na\"b,c\n", // a quote inside an unquoted field
                HEADER + "\n\"a\"b,c\n", // text after the closing quote
                HEADER + "\n\"a,b\n"); // a quote never closed
        for (String text : irregular) {
            assertThat(scan(text.getBytes(StandardCharsets.UTF_8)).isRegular()).as(text).isFalse();
        }
    }

    @Test
    void bytes_that_are_not_utf8_are_found_with_their_line() throws Exception {
        byte[] latin1 = (HEADER + "\na,b\nS\u00e3o,c\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] overlong = concat((HEADER + "\na,").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC0,
                (byte) 0x80, '\n'});
        byte[] cutAtTheEnd = concat((HEADER + "\na,").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xE2,
                (byte) 0x82});
        byte[] valid = (HEADER + "\n\u00d3timo,\u20ac \uD83D\uDE00\n").getBytes(StandardCharsets.UTF_8);

        assertThat(scan(latin1).firstInvalidUtf8Line()).hasValue(3);
        assertThat(scan(overlong).firstInvalidUtf8Line()).hasValue(2);
        assertThat(scan(cutAtTheEnd).isUtf8()).isFalse();
        assertThat(scan(valid).isUtf8()).isTrue();
        assertThat(scan(valid).records()).isEqualTo(1);
    }

    @Test
    void a_forbidden_control_character_anywhere_is_found_and_line_breaks_tabs_and_other_text_are_not_one()
            throws Exception {
        List<String> holding = List.of("a\u0000b", "bell\u0007", "del\u007F", "c1\u0085", "\u0080", "\u009F",
                "\u001F", "\u000B", "\u000C", "\"quoted \u0001\"");
        List<String> clean = List.of("tab\tok", "\"two\nlines\"", "\"two\r\nlines\"", "p\u00E3o \u20AC",
                "\u00A0", "\u00C2\u00A0\u0100", "\u07FF\uFFFD", "\uD83D\uDE00");
        for (String field : holding) {
            assertThat(scan((HEADER + "\r\na," + field + "\r\n").getBytes(StandardCharsets.UTF_8))
                    .mayHoldControlCharacters()).as("'%s'", field).isTrue();
        }
        for (String field : clean) {
            SourceScan scan = scan((HEADER + "\r\na," + field + "\r\n").getBytes(StandardCharsets.UTF_8));
            assertThat(scan.isUtf8()).isTrue();
            assertThat(scan.mayHoldControlCharacters()).as("'%s'", field).isFalse();
        }
        assertThat(scan((HEADER + "\u0007\na,b\n").getBytes(StandardCharsets.UTF_8)).mayHoldControlCharacters())
                .as("in the header").isTrue();
        assertThat(scan((HEADER + "\na,S\u00e3o\n").getBytes(StandardCharsets.ISO_8859_1)).mayHoldControlCharacters())
                .as("not UTF-8").isTrue();
    }

    @Test
    void the_hash_of_a_file_alone_is_its_scans_hash() throws Exception {
        // more than the 1 MiB read at a time, so that the file is hashed in several reads
        byte[] bytes = (HEADER + "\n" + "a,b\n".repeat(300_000)).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(directory.resolve("big.csv"), bytes);

        assertThat(SourceScan.sha256Of(file))
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .isEqualTo(SourceScan.of(SourceTable.CATEGORY_TRANSLATION, file).sha256());
    }

    private SourceScan scan(byte[] bytes) throws IOException {
        Path file = Files.write(directory.resolve("file.csv"), bytes);
        return SourceScan.of(SourceTable.CATEGORY_TRANSLATION, file);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
