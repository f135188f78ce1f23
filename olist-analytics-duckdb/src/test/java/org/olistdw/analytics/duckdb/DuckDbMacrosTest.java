package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.build.Warehouse;

/** The macros of {@code sql/duckdb/macros}: what each returns, and where they are installed. */
class DuckDbMacrosTest {

    /** The expression every staging model wrote before source_timestamp existed. */
    private static final String REGEXP_TIMESTAMP =
            "cast(regexp_replace(trim(field), '^(\\d{4}-\\d{2}-\\d{2})[ T]*(\\d)', '\\1 \\2') as timestamp)";

    @TempDir
    Path directory;

    @Test
    void source_timestamp_reads_every_separator_form_as_the_regexp_did() throws SQLException {
        try (Connection duckdb = withMacros()) {
            List<List<Object>> rows = Builds.query(duckdb, "select field, cast(source_timestamp(field) as varchar),"
                    + " cast(" + REGEXP_TIMESTAMP + " as varchar) from (values ('2017-10-02 10:56:33'),"
                    + " ('2017-10-02T10:56:33'), ('2017-10-02  10:56:33'), ('2017-10-02 T10:56:33'),"
                    + " ('2017-10-02T 10:56'), ('2017-10-0210:56:33'), ('2017-10-02TT10:56:33'), ('2017-10-02'),"
                    + " (' 2017-10-02 10:56:33.5 '), ('2017-10-02 10:56'), (null)) as forms (field)");

            assertThat(rows).hasSize(11).allSatisfy(row -> assertThat(row.get(1)).as("%s", row.get(0))
                    .isEqualTo(row.get(2)));
            assertThat(rows).extracting(row -> row.get(1)).containsExactly(
                    "2017-10-02 10:56:33", "2017-10-02 10:56:33", "2017-10-02 10:56:33", "2017-10-02 10:56:33",
                    "2017-10-02 10:56:00", "2017-10-02 10:56:33", "2017-10-02 10:56:33", "2017-10-02 00:00:00",
                    "2017-10-02 10:56:33.5", "2017-10-02 10:56:00", null);
        }
    }

    @Test
    void zip_prefixes_get_their_leading_zeros_back_and_state_codes_are_upper_case_or_null() throws SQLException {
        try (Connection duckdb = withMacros()) {
            assertThat(Builds.query(duckdb, "select source_zip_prefix(' 1037 '), source_zip_prefix('01037'),"
                    + " source_zip_prefix(null), source_state_code(' sp '), source_state_code('  ')"))
                    .containsExactly(Arrays.asList("01037", "01037", null, "SP", null));
        }
    }

    @Test
    void ids_read_as_trim_reads_them_whether_or_not_trim_is_skipped() throws SQLException {
        try (Connection duckdb = withMacros()) {
            // plain ids are taken as they are; a space, a tab, a no-break space (U+00A0), an ideographic space
            // (U+3000) or an accent at either end, an empty value and null go through trim()
            List<List<Object>> rows = Builds.query(duckdb, "select field, source_id(field), trim(field) from (values"
                    + " ('e481f51cbdc54678b7cc49136f2d6af7'), (' e481f5 '), ('e481f5 '), (' e481f5'), (chr(9) || 'e4'),"
                    + " ('e4' || chr(9)), (chr(160) || 'e4' || chr(160)), (chr(12288) || 'e4'), ('é4'), ('!e4'), (''),"
                    + " (null)) t(field)");
            assertThat(rows).hasSize(12);
            assertThat(rows).allSatisfy(row -> assertThat(row.get(1)).as("source_id(%s)", row.get(0))
                    .isEqualTo(row.get(2)));
            assertThat(rows.get(1).get(1)).isEqualTo("e481f5");
        }
    }

    @Test
    void texts_are_trimmed_and_blank_is_null() throws SQLException {
        try (Connection duckdb = withMacros()) {
            assertThat(Builds.query(duckdb, "select source_text('  sao paulo '), source_text(' '), source_text(null)"))
                    .containsExactly(Arrays.asList("sao paulo", null, null));
        }
    }

    @Test
    void shares_are_fractions_to_four_places_and_averages_brl_to_the_cent_both_null_over_nothing() throws SQLException {
        try (Connection duckdb = withMacros()) {
            // 1 / 3 = 0.33333 -> 0.3333; 2 / 3 = 0.66666 -> 0.6667; 100.00 / 3 = 33.333 -> 33.33; 0.05 / 2 = 0.025 -> 0.03
            assertThat(Builds.query(duckdb, "select share_of(1, 3), share_of(2, 3), share_of(5, 0),"
                    + " average_brl(100.00, 3), average_brl(0.05, 2), average_brl(100.00, 0),"
                    + " typeof(share_of(1, 3)), typeof(average_brl(100.00, 3))"))
                    .containsExactly(Arrays.asList(new java.math.BigDecimal("0.3333"), new java.math.BigDecimal("0.6667"),
                            null, new java.math.BigDecimal("33.33"), new java.math.BigDecimal("0.03"), null,
                            "DECIMAL(6,4)", "DECIMAL(18,2)"));
        }
    }

    @Test
    void calendar_days_count_dates_not_hours() throws SQLException {
        try (Connection duckdb = withMacros()) {
            assertThat(Builds.query(duckdb, "select"
                    + " calendar_days(timestamp '2018-03-10 23:59', timestamp '2018-03-11 00:01'),"
                    + " calendar_days(timestamp '2018-03-10 00:00', timestamp '2018-03-10 23:59'),"
                    + " calendar_days(timestamp '2018-03-12 08:00', timestamp '2018-03-10 20:00'),"
                    + " calendar_days(timestamp '2018-03-10 08:00', null)"))
                    .containsExactly(Arrays.asList(1L, 0L, -2L, null));
        }
    }

    @Test
    void a_date_key_is_yyyymmdd_and_minus_one_without_a_date() throws SQLException {
        try (Connection duckdb = withMacros()) {
            assertThat(Builds.query(duckdb, "select date_key_of(timestamp '2017-11-24 23:59:59'),"
                    + " date_key_of(date '2020-02-29'), date_key_of(cast(null as timestamp))"))
                    .containsExactly(List.of(20171124L, 20200229L, -1L));
        }
    }

    @Test
    void each_dimension_unpacks_exactly_the_attributes_its_history_keeps_with_their_types() throws SQLException {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            for (VersionedDimension dimension : VersionedDimension.values()) {
                String entity = dimension.dimension().substring("dim_".length());
                List<String> kept = dimension.columnNames().subList(2, dimension.columnNames().size() - 2);
                List<String> history = Builds.query(build.connection(), "select column_name || ' ' || data_type"
                        + " from information_schema.columns where table_schema = 'raw' and table_name = '"
                        + dimension.previousTable() + "' order by ordinal_position").stream()
                        .map(row -> (String) row.get(0))
                        .filter(column -> kept.contains(column.substring(0, column.indexOf(' ')))).toList();
                try (Statement statement = build.connection().createStatement()) {
                    statement.execute("create temporary table unpacked_" + entity + " as select unnest(unpack_"
                            + entity + "_attributes(pack_" + entity + "_attributes("
                            + String.join(", ", Collections.nCopies(kept.size(), "null")) + ")))");
                }
                List<String> unpacked = Builds.query(build.connection(), "select column_name || ' ' || data_type"
                        + " from information_schema.columns where table_name = 'unpacked_" + entity + "'"
                        + " order by ordinal_position").stream().map(row -> (String) row.get(0)).toList();

                assertThat(history).as("tracked columns of %s", dimension.dimension()).hasSize(kept.size());
                assertThat(unpacked).as("what unpack_%s_attributes returns", entity).isEqualTo(history);
            }
        }
    }

    @Test
    void a_model_root_without_a_macros_folder_gets_the_business_rules_only_and_one_with_it_gets_its_macros_too() {
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory.resolve("without"), "models/unqualified"), 1)) {
            assertThat(macros(build)).containsExactly("counts_as_revenue", "is_late");
        }
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory.resolve("with"), "models/chain"), 1)) {
            assertThat(macros(build)).containsExactly("counts_as_revenue", "is_late", "times_two");
        }
    }

    private static List<Object> macros(DuckDbBuild build) {
        return Builds.query(build.connection(), "select function_name from duckdb_functions()"
                + " where function_type = 'macro' and not internal order by function_name")
                .stream().map(row -> row.get(0)).toList();
    }

    @Test
    void a_build_installs_the_macros_and_the_published_warehouse_keeps_them_for_its_readers() throws SQLException {
        Warehouse warehouse = Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT);
        try (DuckDbBuild build = Builds.newBuild(warehouse, 1)) {
            assertThat(Builds.query(build.connection(), "select calendar_days(date '2018-01-01', date '2018-01-31'),"
                    + " counts_as_revenue('delivered', 1)")).containsExactly(List.of(30L, true));
            build.publish();
        }
        try (Connection reader = Builds.reader(Path.of(warehouse.location()))) {
            assertThat(Builds.query(reader, "select function_name from duckdb_functions()"
                    + " where function_type = 'macro' and not internal order by function_name"))
                    .extracting(row -> row.get(0))
                    .containsExactly("average_brl", "calendar_days", "counts_as_revenue", "date_key_of", "is_late",
                            "pack_customer_attributes", "pack_product_attributes", "pack_seller_attributes",
                            "share_of", "source_amount", "source_decimal", "source_id", "source_integer",
                            "source_number", "source_state_code", "source_text", "source_timestamp",
                            "source_timestamp_or_null", "source_zip_prefix",
                            "unpack_customer_attributes", "unpack_product_attributes", "unpack_seller_attributes");
        }
    }

    private static Connection withMacros() throws SQLException {
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbMacros.install(duckdb, DuckDbSettings.DEFAULT_MODEL_ROOT);
        return duckdb;
    }
}
