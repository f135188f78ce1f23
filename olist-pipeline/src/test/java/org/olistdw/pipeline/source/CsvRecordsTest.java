package org.olistdw.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one definition of a record, case by case: each case of the table gives a reviews file (7 fields a row) and
 * the records a reading by hand finds in it (their lines, and which are malformed), and checks that
 * {@link CsvRecords} and the {@link SourceScan} built on it both find exactly those, whatever the buffer size.
 */
class CsvRecordsTest {

    private static final String HEADER = String.join(",", SourceTable.ORDER_REVIEWS.header());
    private static final String ROW = "r%d,o%d,5,,,2018-01-18 00:00:00,2018-01-18 21:46:59";

    @TempDir
    Path directory;

    /** A record as the test expects it: its line and whether it is malformed. */
    private record Expected(long line, boolean malformed) {
    }

    private static Expected wellFormed(long line) {
        return new Expected(line, false);
    }

    private static Expected malformed(long line) {
        return new Expected(line, true);
    }

    private static String row(int n) {
        return String.format(ROW, n, n);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a stray quote followed by valid lines costs its own line",
                        lines(HEADER, "r0,o0,5,,\"stray,2018-01-18 00:00:00,2018-01-18 21:46:59", row(1), row(2),
                                row(3)),
                        List.of(malformed(2), wellFormed(3), wellFormed(4), wellFormed(5))),
                Arguments.of("a stray quote whose text closes on a later row's quote still costs its own line",
                        lines(HEADER, "r0,o0,5,,\"stray,2018-01-18 00:00:00,", row(1),
                                "r2,o2,4,\"title\",\"nice\",2018-01-18 00:00:00,2018-01-19 00:00:00", row(3)),
                        List.of(malformed(2), wellFormed(3), wellFormed(4), wellFormed(5))),
                Arguments.of("a real multi-line text with CRLF line ends is one record",
                        lines(HEADER, "r1,o1,5,,\"chegou\nantes do prazo, recomendo\nobrigado\","
                                + "2018-01-18 00:00:00,2018-01-18 21:46:59", row(2)).replace("\n", "\r\n"),
                        List.of(wellFormed(2), wellFormed(5))),
                Arguments.of("two garbage lines in a row are two records",
                        lines(HEADER, "ab,\"cd", "ef\"gh,ij", row(1)),
                        List.of(malformed(2), wellFormed(3), wellFormed(4))),
                Arguments.of("a quote never closed at the end of the file costs its own line",
                        lines(HEADER, row(1), "r2,o2,5,,\"never closed", "x", "y"),
                        List.of(wellFormed(2), malformed(3), wellFormed(4), wellFormed(5))),
                Arguments.of("blank lines before a row are records, blank lines at the end are not",
                        lines(HEADER, row(1), "", row(2), "", ""),
                        List.of(wellFormed(2), wellFormed(3), wellFormed(4))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_reader_and_the_scan_find_the_records_a_reading_by_hand_finds(String name, String text,
                                                                            List<Expected> expected)
            throws IOException {
        for (int buffer : new int[] {1, 3, 16, 1 << 16}) {
            assertThat(read(text, buffer)).as("%s, buffer of %d", name, buffer).isEqualTo(expected);
        }
        SourceScan scan = SourceScan.of(SourceTable.ORDER_REVIEWS,
                Files.writeString(directory.resolve("reviews.csv"), text, StandardCharsets.UTF_8));
        assertThat(scan.records()).as(name).isEqualTo(expected.size());
    }

    @ParameterizedTest(name = "buffer of {0}")
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 5, 1 << 16})
    void the_stray_quote_names_the_unterminated_quote_and_keeps_its_text(int buffer) throws IOException {
        String stray = "r0,o0,5,,\"stray,2018-01-18 00:00:00,2018-01-18 21:46:59";
        try (CsvRecords records = records(lines(HEADER, stray, row(1)), buffer)) {
            assertThat(records.next()).isTrue();
            assertThat(records.rawText()).isEqualTo(stray);
            assertThat(records.malformation()).isEqualTo(new CsvRecords.Malformation(4,
                    "unterminated quoted field (the quote opens on line 2)"));
            assertThat(records.isStrict()).isFalse();
            assertThat(records.next()).isTrue();
            assertThat(records.rawText()).isEqualTo(row(1));
            assertThat(records.isStrict()).isTrue();
            assertThat(records.line()).isEqualTo(3);
            assertThat(records.next()).isFalse();
        }
    }

    private static List<Expected> read(String text, int buffer) throws IOException {
        List<Expected> found = new ArrayList<>();
        try (CsvRecords records = records(text, buffer)) {
            while (records.next()) {
                found.add(new Expected(records.line(), records.malformation() != null));
            }
        }
        return found;
    }

    private static CsvRecords records(String text, int buffer) {
        return new CsvRecords(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                SourceTable.ORDER_REVIEWS.columns().size(), 1 << 20, buffer);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
