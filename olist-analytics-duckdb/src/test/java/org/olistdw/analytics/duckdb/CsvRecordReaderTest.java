package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.olistdw.analytics.duckdb.CsvRecordReader.CsvRecord;

/**
 * The parser on its own. Every case runs with buffers from one byte up, so that line ends, doubled quotes and
 * byte-order marks split across buffer refills are covered. The header (the first line) is not a record.
 */
class CsvRecordReaderTest {

    private static List<CsvRecord> read(String text, int fields, int bufferBytes) throws IOException {
        return read(text, fields, bufferBytes, CsvRecordReader.DEFAULT_MAX_RECORD_BYTES);
    }

    private static List<CsvRecord> read(String text, int fields, int bufferBytes, int maxRecordBytes)
            throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = new CsvRecordReader(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), fields, maxRecordBytes, bufferBytes)) {
            CsvRecord record;
            while ((record = reader.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 2, 3, 5, 8, 65536})
    void quoted_fields_keep_commas_doubled_quotes_and_line_breaks(int buffer) throws IOException {
        String text = "h1,h2,h3\n"
                + "a,\"b, \"\"quoted\"\"\",c\n"
                + "d,\"two\nlines\r\nand three\",e\n"
                + "f,,\"\"\n";

        List<CsvRecord> records = read(text, 3, buffer);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 6L);
        assertThat(records.get(0).fields()).containsExactly("a", "b, \"quoted\"", "c");
        assertThat(records.get(1).fields()).containsExactly("d", "two\nlines\r\nand three", "e");
        assertThat(records.get(1).rawText()).isEqualTo("d,\"two\nlines\r\nand three\",e");
        assertThat(records.get(2).fields()).containsExactly("f", "", "");
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 2, 3, 65536})
    void bom_crlf_and_no_final_line_end_are_read_like_plain_lines(int buffer) throws IOException {
        String text = "\uFEFF\"h1\",h2\r\nx,1\r\ny,2";

        List<CsvRecord> records = read(text, 2, buffer);

        assertThat(records).extracting(CsvRecord::rawText).containsExactly("x,1", "y,2");
        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L);
        assertThat(records.get(1).fields()).containsExactly("y", "2");
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 4, 65536})
    void a_lone_carriage_return_ends_a_line_too(int buffer) throws IOException {
        List<CsvRecord> records = read("h\rx\r\"a\rb\"\ry", 1, buffer);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 5L);
        assertThat(records.get(1).fields()).containsExactly("a\rb");
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 3, 65536})
    void blank_lines_before_a_record_are_blank_records_and_blank_lines_at_the_end_are_none(int buffer)
            throws IOException {
        List<CsvRecord> records = read("h\n\nx\n\r\n", 1, buffer);

        assertThat(records).extracting(CsvRecord::rawText).containsExactly("", "x");
        assertThat(records).extracting(CsvRecord::isBlank).containsExactly(true, false);
        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L);
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 2, 7, 65536})
    void an_unterminated_quote_costs_its_own_line_and_reading_resumes_on_the_next(int buffer) throws IOException {
        String text = "h1,h2,h3\n"
                + "a,\"multi\nline\",b\n"
                + "c,\"never closed,d\n"
                + "e,f,g\r\n"
                + "h,i,j";

        List<CsvRecord> records = read(text, 3, buffer);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 4L, 5L, 6L);
        CsvRecord broken = records.get(1);
        assertThat(broken.rawText()).isEqualTo("c,\"never closed,d");
        assertThat(broken.malformation()).hasValueSatisfying(m -> {
            assertThat(m.fieldIndex()).isEqualTo(1);
            assertThat(m.description()).isEqualTo("unterminated quoted field (the quote opens on line 4)");
        });
        assertThat(records.get(2).fields()).containsExactly("e", "f", "g");
        assertThat(records.get(3).fields()).containsExactly("h", "i", "j");
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 65536})
    void an_unterminated_quote_after_a_multi_line_field_keeps_the_lines_up_to_its_own(int buffer)
            throws IOException {
        String text = "h\na,\"one\ntwo\",\"oops\nnext,row";

        List<CsvRecord> records = read(text, 2, buffer);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 4L);
        assertThat(records.get(0).rawText()).isEqualTo("a,\"one\ntwo\",\"oops");
        assertThat(records.get(0).malformation()).hasValueSatisfying(m -> assertThat(m.fieldIndex()).isEqualTo(2));
        assertThat(records.get(1).fields()).containsExactly("next", "row");
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 65536})
    void text_after_a_closing_quote_is_malformed(int buffer) throws IOException {
        List<CsvRecord> records = read("h\na,\"b\"c,d\ne,f", 2, buffer);

        assertThat(records.get(0).malformation()).hasValueSatisfying(m -> {
            assertThat(m.fieldIndex()).isEqualTo(1);
            assertThat(m.description()).isEqualTo("text after the closing quote");
        });
        assertThat(records.get(0).rawText()).isEqualTo("a,\"b\"c,d");
        assertThat(records.get(1).line()).isEqualTo(3);
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 8, 65536})
    void a_row_longer_than_the_limit_is_cut_and_reading_resumes_on_the_next_line(int buffer) throws IOException {
        String longLine = "x".repeat(100);
        String text = "h\n" + longLine + "\nshort\n";

        List<CsvRecord> records = read(text, 1, buffer, 40);

        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L);
        assertThat(records.get(0).rawText()).isEqualTo("x".repeat(40));
        assertThat(records.get(0).malformation()).hasValueSatisfying(m ->
                assertThat(m.description()).startsWith("row longer than 40 bytes"));
        assertThat(records.get(1).fields()).containsExactly("short");
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 8, 65536})
    void a_quote_open_beyond_the_limit_is_treated_as_unterminated(int buffer) throws IOException {
        String text = "h\na,\"open\n" + "y,z\n".repeat(30);

        // three fields a row: the lines "y,z" are not rows of their own, so only the limit ends the quote
        List<CsvRecord> records = read(text, 3, buffer, 40);

        assertThat(records.get(0).rawText()).isEqualTo("a,\"open");
        assertThat(records.get(0).malformation()).isPresent();
        assertThat(records.subList(1, records.size())).hasSize(30)
                .allSatisfy(r -> assertThat(r.fields()).containsExactly("y", "z"));
        assertThat(records.get(30).line()).isEqualTo(32);
    }

    @ParameterizedTest(name = "buffer of {0}")
    @ValueSource(ints = {1, 65536})
    void an_empty_file_has_no_records(int buffer) throws IOException {
        assertThat(read("", 1, buffer)).isEmpty();
        assertThat(read("\uFEFF", 1, buffer)).isEmpty();
        assertThat(read("\uFEFFh\n", 1, buffer)).isEmpty();
    }
}
