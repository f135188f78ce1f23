package org.olistdw.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.sample.CsvSink.Layout;

class CsvSinkTest {

    @TempDir
    Path dir;

    private String written(Layout layout, SinkWriting writing) throws IOException {
        Path file = dir.resolve("t.csv");
        try (CsvSink sink = new CsvSink(file, layout)) {
            writing.write(sink);
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private interface SinkWriting {
        void write(CsvSink sink) throws IOException;
    }

    @Test
    void formats_money_with_two_decimals() throws IOException {
        assertThat(written(Layout.UNIX, s -> s.money(19_990).money(5).money(0).money(123_456).endRow()))
                .isEqualTo("199.90,0.05,0.00,1234.56\n");
    }

    @Test
    void formats_timestamps_as_year_month_day_hours_minutes_seconds() throws IOException {
        long time = Timeline.seconds(LocalDateTime.of(2017, 10, 2, 10, 56, 33));
        long leapDay = Timeline.seconds(LocalDateTime.of(2020, 2, 29, 0, 0, 0));
        assertThat(written(Layout.UNIX, s -> s.timestamp(time).timestamp(Timeline.NONE).timestamp(leapDay).endRow()))
                .isEqualTo("2017-10-02 10:56:33,,2020-02-29 00:00:00\n");
    }

    @Test
    void writes_zip_prefixes_with_their_leading_zeros() throws IOException {
        assertThat(written(Layout.UNIX, s -> s.zipPrefix(1037, true).zipPrefix(99_990, false).endRow()))
                .isEqualTo("\"01037\",99990\n");
    }

    @Test
    void writes_coordinates_without_trailing_zeros() throws IOException {
        assertThat(written(Layout.UNIX, s -> s.coordinate(-23.54562128115268).coordinate(42.5).coordinate(0).endRow()))
                .isEqualTo("-23.54562128115268,42.5,0.0\n");
    }

    @Test
    void quotes_only_what_needs_quotes_unless_asked_and_never_empty_fields() throws IOException {
        assertThat(written(Layout.UNIX, s -> s.text("são paulo").text("a,b").text("diz \"oi\"").quoted("SP")
                .quoted("").text("linha\r\nnova").endRow()))
                .isEqualTo("são paulo,\"a,b\",\"diz \"\"oi\"\"\",\"SP\",,\"linha\r\nnova\"\n");
    }

    @Test
    void writes_ids_as_32_lowercase_hex_digits() throws IOException {
        assertThat(written(Layout.UNIX, s -> s.id(0x00010242FE8C5A6DL, 0x1BA2DD792CB16214L, true).endRow()))
                .isEqualTo("\"00010242fe8c5a6d1ba2dd792cb16214\"\n");
    }

    @Test
    void the_windows_layout_has_a_bom_crlf_and_no_final_newline() throws IOException {
        String text = written(Layout.WINDOWS_NO_FINAL_NEWLINE, s -> {
            s.header(List.of("a", "b"), false);
            s.text("x").text("y").endRow();
            s.text("z").empty().endRow();
        });
        assertThat(text).isEqualTo("\uFEFFa,b\r\nx,y\r\nz,");
    }

    @Test
    void counts_data_rows_not_the_header() throws IOException {
        Path file = dir.resolve("rows.csv");
        try (CsvSink sink = new CsvSink(file, Layout.UNIX)) {
            sink.header(List.of("h"), true);
            sink.text("multi\nline").endRow();
            sink.text("x").endRow();
            assertThat(sink.rows()).isEqualTo(2);
        }
    }
}
