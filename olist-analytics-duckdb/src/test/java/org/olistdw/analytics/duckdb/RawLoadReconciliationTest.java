package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.pipeline.build.LoadResult;
import org.olistdw.pipeline.source.SourceScan;
import org.olistdw.pipeline.source.SourceTable;

/**
 * Nothing is lost: for each file, the records an independent scan counts equal the rows loaded plus the rows
 * quarantined, and every row keeps the line where it starts, after quoted fields that span lines too.
 */
class RawLoadReconciliationTest {

    private static final String REVIEWS_HEADER = String.join(",", SourceTable.ORDER_REVIEWS.header());
    private static final String FILE = "olist_order_reviews_dataset.csv";

    // line 2, two lines: a comment with a line break
    private static final String TWO_LINES = "r1,o1,5,,\"two\nlines\",2018-01-18 00:00:00,2018-01-18 21:46:59";
    // line 4: a score beyond a 32-bit integer
    private static final String HUGE_SCORE = "r2,o2,99999999999,,,2018-01-18 00:00:00,";
    // line 5, three lines: a comment with two CRLF breaks
    private static final String THREE_LINES = "r3,o3,4,\"t\",\"a\r\nb\r\nc\",2018-01-18,2018-01-19";
    // line 8: a date with a separator and no time
    private static final String TRAILING_T = "r4,o4,3,,,2017-10-02T,";
    private static final String LAST = "r5,o5,1,,\"x\",2018-01-18 00:00:00,2018-01-18 10:00";

    @TempDir
    Path directory;

    private DuckDbBuild build;
    private final List<QuarantinedRow> quarantined = new ArrayList<>();

    @BeforeEach
    void startBuild() {
        build = Builds.newBuild(Builds.warehouse(directory, "models/chain"), 7);
    }

    @AfterEach
    void discardBuild() {
        build.close();
    }

    @Test
    void a_regular_file_reconciles_with_its_scan_and_keeps_its_lines_after_multi_line_fields() {
        Path file = Builds.write(directory, FILE, String.join("\n", REVIEWS_HEADER, TWO_LINES, HUGE_SCORE,
                THREE_LINES, TRAILING_T, LAST) + "\n");
        SourceScan scan = SourceScan.of(SourceTable.ORDER_REVIEWS, file);

        LoadResult result = build.raw().load(SourceTable.ORDER_REVIEWS, file, quarantined::add);

        assertThat(scan.isRegular()).isTrue();
        assertThat(scan.records()).isEqualTo(5);
        assertThat(result).isEqualTo(new LoadResult(5, 3, 2));
        assertThat(result.rowsLoaded() + result.rowsQuarantined()).isEqualTo(scan.records());
        assertThat(build.rowCount("raw.order_reviews")).isEqualTo(3);
        assertThat(build.rowCount("raw.quarantine")).isEqualTo(2);
        assertThat(Builds.query(build.connection(), "select _source_line, review_id from raw.order_reviews"
                + " order by _source_line"))
                .containsExactly(List.of(2L, "r1"), List.of(5L, "r3"), List.of(9L, "r5"));
        assertThat(quarantined).containsExactly(
                new QuarantinedRow(FILE, 4, HUGE_SCORE, "review_score: whole number out of range, was '99999999999'"),
                new QuarantinedRow(FILE, 8, TRAILING_T, "review_creation_date: not a valid timestamp"
                        + " (expected YYYY-MM-DD HH:MM:SS), was '2017-10-02T'"));
        assertThat(Builds.query(build.connection(), "select line_number, raw_text, reason from raw.quarantine"
                + " order by line_number"))
                .containsExactlyElementsOf(quarantined.stream()
                        .map(row -> List.<Object>of(row.lineNumber(), row.rawText(), row.reason())).toList());
        assertThat(Builds.query(build.connection(), "select review_comment_message from raw.order_reviews"
                + " where _source_line = 5")).containsExactly(List.of("a\r\nb\r\nc"));
    }

    @Test
    void an_irregular_file_is_read_record_by_record_with_the_same_lines_and_reasons() {
        // a blank line on line 9 makes the file irregular; the last row moves to line 10
        Path file = Builds.write(directory, FILE, String.join("\n", REVIEWS_HEADER, TWO_LINES, HUGE_SCORE,
                THREE_LINES, TRAILING_T, "", LAST) + "\n");
        SourceScan scan = SourceScan.of(SourceTable.ORDER_REVIEWS, file);

        LoadResult result = build.raw().load(SourceTable.ORDER_REVIEWS, file, quarantined::add);

        assertThat(scan.isRegular()).isFalse();
        assertThat(result).isEqualTo(new LoadResult(6, 3, 3));
        assertThat(Builds.query(build.connection(), "select _source_line, review_id from raw.order_reviews"
                + " order by _source_line"))
                .containsExactly(List.of(2L, "r1"), List.of(5L, "r3"), List.of(10L, "r5"));
        assertThat(quarantined).extracting(QuarantinedRow::lineNumber).containsExactly(4L, 8L, 9L);
        assertThat(quarantined.get(2).reason()).isEqualTo("blank line: expected 7 fields, found none");
    }

    @Test
    void files_loaded_at_the_same_time_each_reconcile() throws Exception {
        Path reviews = Builds.write(directory, FILE, String.join("\n", REVIEWS_HEADER, TWO_LINES, HUGE_SCORE,
                THREE_LINES, TRAILING_T, LAST));
        StringBuilder geolocation = new StringBuilder(String.join(",", SourceTable.GEOLOCATION.header()));
        for (int i = 0; i < 5_000; i++) {
            geolocation.append('\n').append(i % 1000 == 0 ? "01037,1e309,-46.6,sao paulo,SP"
                    : "01037,-23.54,-46.63,sao paulo,SP");
        }
        Path geo = Builds.write(directory, "olist_geolocation_dataset.csv", geolocation.toString());
        List<QuarantinedRow> geoRows = java.util.Collections.synchronizedList(new ArrayList<>());

        var reviewsLoad = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> build.raw().load(SourceTable.ORDER_REVIEWS, reviews, quarantined::add));
        var geoLoad = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> build.raw().load(SourceTable.GEOLOCATION, geo, geoRows::add));

        // rows 0, 1000, ..., 4000 (lines 2, 1002, ..., 4002) have a latitude beyond a double
        assertThat(reviewsLoad.get()).isEqualTo(new LoadResult(5, 3, 2));
        assertThat(geoLoad.get()).isEqualTo(new LoadResult(5_000, 4_995, 5));
        assertThat(geoRows).extracting(QuarantinedRow::lineNumber).containsExactly(2L, 1002L, 2002L, 3002L, 4002L);
        assertThat(geoRows.get(0).reason()).isEqualTo("geolocation_lat: number out of range, was '1e309'");
        assertThat(build.rowCount("raw.quarantine")).isEqualTo(7);
        assertThat(Builds.query(build.connection(), "select count(*), min(_source_line), max(_source_line),"
                + " sum(_source_line)::bigint from raw.geolocation"))
                // lines 2..5001 minus the five quarantined: 12,507,500 - (2 + 1002 + 2002 + 3002 + 4002)
                .containsExactly(List.of(4_995L, 3L, 5_001L, 12_497_490L));
        assertThat(build.setting("preserve_insertion_order")).isEqualTo("false");
    }

    @Test
    void a_stray_quote_in_a_review_costs_its_own_line_and_every_valid_line_after_it_loads() {
        int valid = 40;
        String stray = "s0,o0,5,,\"stray quote,2018-01-18 00:00:00,2018-01-18 21:46:59";
        List<String> lines = new ArrayList<>(List.of(REVIEWS_HEADER, TWO_LINES, stray));
        for (int i = 1; i <= valid; i++) {
            // every tenth review has a quoted title, whose quotes a swallowing reader would take for the stray one's end
            lines.add(i % 10 == 0 ? "v" + i + ",o" + i + ",4,\"t\",\"ok\",2018-01-18 00:00:00,"
                    : "v" + i + ",o" + i + ",4,,,2018-01-18 00:00:00,");
        }
        Path file = Builds.write(directory, FILE, String.join("\n", lines) + "\n");
        SourceScan scan = SourceScan.of(SourceTable.ORDER_REVIEWS, file);

        LoadResult result = build.raw().load(SourceTable.ORDER_REVIEWS, file, quarantined::add);

        // by hand: TWO_LINES (lines 2-3), the stray line (line 4), then the valid lines 5..44
        long records = 1 + 1 + valid;
        assertThat(scan.records()).isEqualTo(records);
        assertThat(result).isEqualTo(new LoadResult(records, 1 + valid, 1));
        assertThat(quarantined).containsExactly(new QuarantinedRow(FILE, 4, stray,
                "review_comment_message: unterminated quoted field (the quote opens on line 4)"));
        assertThat(Builds.query(build.connection(), "select count(*), min(_source_line), max(_source_line),"
                + " count(review_comment_title) from raw.order_reviews where review_id like 'v%'"))
                .containsExactly(List.of((long) valid, 5L, 44L, 4L));
    }

    @Test
    void garbage_lines_in_an_items_file_are_quarantined_one_each_and_every_valid_line_loads() {
        java.util.Random random = new java.util.Random(5);
        List<String> lines = new ArrayList<>(List.of(String.join(",", SourceTable.ORDER_ITEMS.header())));
        List<Long> garbageLines = new ArrayList<>();
        int valid = 0;
        for (int i = 0; i < 800; i++) {
            if (random.nextInt(100) < 5) {
                StringBuilder garbage = new StringBuilder();
                int length = 10 + random.nextInt(50);
                for (int c = 0; c < length; c++) {
                    garbage.append((char) (0x20 + random.nextInt(0x7F - 0x20))); // printable ASCII, quotes included
                }
                lines.add(garbage.toString());
                garbageLines.add((long) lines.size());
            } else {
                valid++;
                lines.add("o" + i + ",1,p" + i + ",s" + i + ",2018-01-18 10:00:00," + i + ".90,7.50");
            }
        }
        long quoted = lines.stream().filter(line -> line.contains("\"")).count();
        Path file = Builds.write(directory, "olist_order_items_dataset.csv", String.join("\n", lines) + "\n");
        SourceScan scan = SourceScan.of(SourceTable.ORDER_ITEMS, file);
        List<QuarantinedRow> rows = new ArrayList<>();

        LoadResult result = build.raw().load(SourceTable.ORDER_ITEMS, file, rows::add);

        assertThat(quoted).as("garbage lines with quotes").isGreaterThan(5);
        assertThat(garbageLines.size()).as("about 5 %% of the 800 lines").isBetween(25, 60);
        assertThat(scan.records()).isEqualTo(lines.size() - 1);
        assertThat(result).isEqualTo(new LoadResult(lines.size() - 1, valid, garbageLines.size()));
        assertThat(rows).extracting(QuarantinedRow::lineNumber).containsExactlyElementsOf(garbageLines);
        assertThat(rows).extracting(QuarantinedRow::rawText)
                .containsExactlyElementsOf(garbageLines.stream().map(line -> lines.get((int) (line - 1))).toList());
        assertThat(Builds.query(build.connection(), "select count(*), count(distinct _source_line) from raw.order_items"
                + " where order_id = 'o' || (_source_line - 2)")).containsExactly(List.of((long) valid, (long) valid));
    }

    @Test
    void a_nul_byte_or_control_character_quarantines_its_row_alike_on_both_paths_with_the_character_visible() {
        String nul = "n1,o1,5,,\"abc, def\u0000ghi\",2018-01-18 00:00:00,";
        String bell = "n2,o2,4,t\u0007,,2018-01-18 00:00:00,";
        String tab = "n3,o3,3,,\"a\tb\",2018-01-18 00:00:00,";
        String nulReason = "review_comment_message: contains a NUL byte (\\0) at column 9, was 'abc, def\\0ghi'";
        String bellReason = "review_comment_title: contains a control character (\\x07) at column 2, was 't\\x07'";
        for (boolean regular : new boolean[] {true, false}) {
            quarantined.clear();
            // a blank line before the last row makes the file irregular: it is read record by record
            Path file = Builds.write(directory, FILE, String.join("\n", REVIEWS_HEADER, nul, bell, tab,
                    regular ? LAST : "\n" + LAST) + "\n");
            DuckDbBuild own = Builds.newBuild(Builds.warehouse(directory.resolve(regular ? "a" : "b"),
                    "models/chain"), 8);
            try {
                LoadResult result = own.raw().load(SourceTable.ORDER_REVIEWS, file, quarantined::add);

                assertThat(SourceScan.of(SourceTable.ORDER_REVIEWS, file).isRegular()).isEqualTo(regular);
                assertThat(result).isEqualTo(regular ? new LoadResult(4, 2, 2) : new LoadResult(5, 2, 3));
                assertThat(quarantined.subList(0, 2)).containsExactly(
                        new QuarantinedRow(FILE, 2, nul.replace("\u0000", "\\0"), nulReason),
                        new QuarantinedRow(FILE, 3, bell.replace("\u0007", "\\x07"), bellReason));
                assertThat(Builds.query(own.connection(), "select review_id, review_comment_message from"
                        + " raw.order_reviews order by _source_line"))
                        .containsExactly(List.of("n3", "a\tb"), List.of("r5", "x"));
                assertThat(Builds.query(own.connection(), "select raw_text from raw.quarantine where line_number = 2"))
                        .containsExactly(List.of(nul.replace("\u0000", "\\0")));
            } finally {
                own.close();
            }
        }
    }
}
