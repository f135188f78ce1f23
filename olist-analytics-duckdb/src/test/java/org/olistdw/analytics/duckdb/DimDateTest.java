package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olistdw.analytics.duckdb.Builds.lines;
import static org.olistdw.analytics.duckdb.Builds.write;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The real {@code core.dim_date} model: its calendar and its Brazilian federal holidays, built from a tiny
 * orders file whose purchases run from 2017-01-01 to 2018-12-31 (every other source file empty).
 *
 * <p>Expected dates worked out by hand. Easter Sunday (Meeus/Jones/Butcher, integer division): for 2017,
 * a = 3, b = 20, c = 17, d = 5, e = 0, f = 1, g = 6, h = (57 + 20 - 5 - 6 + 15) % 30 = 21, i = 4, k = 1,
 * l = (32 + 0 + 8 - 21 - 1) % 7 = 4, m = 0, so h + l - 7m + 114 = 139: month 139 / 31 = 4, day 139 % 31 + 1
 * = 16, 2017-04-16. For 2018, a = 4, h = 100 % 30 = 10, k = 2, l = 28 % 7 = 0, m = 0, so 124: month 4, day
 * 124 % 31 + 1 = 1, 2018-04-01. Hence Good Friday (Easter - 2) 2017-04-14 and 2018-03-30; Carnival Monday
 * (Easter - 48) 2017-02-27 (April 16 - 16 days = March 31, - 31 = February 28, - 1) and 2018-02-12 (April 1
 * - 1 = March 31, - 31 = February 28, - 16), its Tuesday the day after; Corpus Christi (Easter + 60)
 * 2017-06-15 (April 16 + 14 = April 30, + 31 = May 31, + 15) and 2018-05-31 (April 1 + 29 = April 30, + 31).
 *
 * <p>Week days: 2017-01-01 is a Sunday and 2018-01-01 a Monday. Day of year n falls (n - 1) % 7 days
 * after January 1st, e.g. 2018-04-21 is day 111, 110 % 7 = 5 days after a Monday: a Saturday.
 */
class DimDateTest {

    @TempDir
    Path directory;

    private DuckDbBuild build;

    @BeforeEach
    void buildTheModels() {
        build = buildWithPurchases(directory, "2017-01-01 10:15:00", "2018-12-31 23:59:59");
    }

    @AfterEach
    void discardBuild() {
        build.close();
    }

    /** A build whose only data are two orders purchased at the given times, with every model built. */
    private static DuckDbBuild buildWithPurchases(Path directory, String firstPurchase, String lastPurchase) {
        DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        // the other timestamps stay empty, so the purchases alone bound the calendar
        Path orders = write(directory, SourceTable.ORDERS.fileName(), lines(
                SourceTable.ORDERS.headerLine(),
                "e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,delivered," + firstPurchase
                        + ",,,,",
                "53cdb2fc8bc7dce0b6741e2150273451,b0830fb4747a6c6d20dea0b8c802d7ef,delivered," + lastPurchase
                        + ",,,,"));
        build.raw().load(SourceTable.ORDERS, orders, quarantine -> {
        });
        Builds.buildModels(build);
        return build;
    }

    private List<List<Object>> query(String sql) {
        return Builds.query(build.connection(), sql);
    }

    /** holiday_name, is_national_holiday, is_optional_holiday, is_business_day of one day. */
    private List<Object> holidayColumnsOf(String date) {
        List<List<Object>> rows = query("select holiday_name, is_national_holiday, is_optional_holiday, is_business_day"
                + " from core.dim_date where calendar_date = date '" + date + "'");
        assertThat(rows).as(date).hasSize(1);
        return rows.get(0);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    @Test
    void the_easter_based_days_of_2017_and_2018_follow_easter_sunday() {
        assertThat(query("select cast(calendar_date as varchar), holiday_name, is_national_holiday, is_optional_holiday"
                + " from core.dim_date"
                + " where holiday_name in ('Sexta-feira Santa', 'Carnaval (segunda-feira)', 'Carnaval (terça-feira)',"
                + " 'Corpus Christi')"
                + " order by calendar_date"))
                .containsExactly(
                        row("2017-02-27", "Carnaval (segunda-feira)", false, true),
                        row("2017-02-28", "Carnaval (terça-feira)", false, true),
                        row("2017-04-14", "Sexta-feira Santa", true, false),
                        row("2017-06-15", "Corpus Christi", false, true),
                        row("2018-02-12", "Carnaval (segunda-feira)", false, true),
                        row("2018-02-13", "Carnaval (terça-feira)", false, true),
                        row("2018-03-30", "Sexta-feira Santa", true, false),
                        row("2018-05-31", "Corpus Christi", false, true));
    }

    @Test
    void every_national_holiday_of_2018_has_its_portuguese_name_and_nothing_else_is_one() {
        assertThat(query("select cast(calendar_date as varchar), holiday_name from core.dim_date"
                + " where year = 2018 and is_national_holiday order by calendar_date"))
                .containsExactly(
                        row("2018-01-01", "Confraternização Universal"),
                        row("2018-03-30", "Sexta-feira Santa"),
                        row("2018-04-21", "Tiradentes"),
                        row("2018-05-01", "Dia do Trabalho"),
                        row("2018-09-07", "Independência do Brasil"),
                        row("2018-10-12", "Nossa Senhora Aparecida"),
                        row("2018-11-02", "Finados"),
                        row("2018-11-15", "Proclamação da República"),
                        row("2018-12-25", "Natal"));
        // every named day is a national holiday or an optional day off, never both
        assertThat(query("select count(*) from core.dim_date where date_key <> -1"
                + " and ((holiday_name is not null) <> (is_national_holiday or is_optional_holiday)"
                + " or (is_national_holiday and is_optional_holiday))"))
                .containsExactly(List.of(0L));
    }

    @Test
    void the_day_of_zumbi_and_black_consciousness_is_not_a_national_holiday_before_2024() {
        // Law 14.759/2023 made 11-20 a national holiday from 2024 on; 2018-11-20 is an ordinary Tuesday
        assertThat(holidayColumnsOf("2017-11-20")).isEqualTo(row(null, false, false, true));
        assertThat(holidayColumnsOf("2018-11-20")).isEqualTo(row(null, false, false, true));
    }

    @Test
    void a_national_holiday_on_a_weekday_is_not_a_business_day() {
        // 2018-05-01 is day 121: 120 % 7 = 1 day after a Monday, a Tuesday
        assertThat(query("select day_name from core.dim_date where calendar_date = date '2018-05-01'"))
                .containsExactly(List.of("Tuesday"));
        assertThat(holidayColumnsOf("2018-05-01")).isEqualTo(row("Dia do Trabalho", true, false, false));
        assertThat(holidayColumnsOf("2018-03-30")).isEqualTo(row("Sexta-feira Santa", true, false, false));
    }

    @Test
    void a_saturday_is_not_a_business_day_holiday_or_not() {
        assertThat(query("select cast(calendar_date as varchar), day_name, is_weekend from core.dim_date"
                + " where calendar_date in (date '2018-04-14', date '2018-04-21') order by calendar_date"))
                .containsExactly(row("2018-04-14", "Saturday", true), row("2018-04-21", "Saturday", true));
        assertThat(holidayColumnsOf("2018-04-14")).isEqualTo(row(null, false, false, false));
        assertThat(holidayColumnsOf("2018-04-21")).isEqualTo(row("Tiradentes", true, false, false));
        assertThat(holidayColumnsOf("2018-04-16")).as("the Monday after").isEqualTo(row(null, false, false, true));
    }

    @Test
    void an_optional_day_off_is_a_business_day() {
        assertThat(holidayColumnsOf("2018-02-13")).isEqualTo(row("Carnaval (terça-feira)", false, true, true));
        assertThat(holidayColumnsOf("2017-06-15")).isEqualTo(row("Corpus Christi", false, true, true));
    }

    @Test
    void each_year_has_nine_national_holidays_three_optional_days_off_and_its_business_days() {
        // 2017: the eight fixed holidays before 2024 plus Good Friday = 9; all but 01-01 (a Sunday) fall on
        // a weekday. 365 days from a Sunday = 52 weeks + a Sunday: 260 weekdays - 8 = 252 business days.
        // 2018: 9 again; all but 04-21 (a Saturday) on a weekday. 52 weeks + a Monday: 261 - 8 = 253.
        assertThat(query("select year, count(*), count(*) filter (where is_national_holiday),"
                + " count(*) filter (where is_optional_holiday), count(*) filter (where is_business_day)"
                + " from core.dim_date where date_key <> -1 group by year order by year"))
                .containsExactly(row(2017, 365L, 9L, 3L, 252L), row(2018, 365L, 9L, 3L, 253L));
    }

    @Test
    void the_calendar_has_no_gaps_and_keeps_its_unknown_member() {
        // 2017-01-01 .. 2018-12-31: 365 + 365 = 730 days, plus the unknown member
        assertThat(query("select count(*), count(distinct date_key), cast(min(calendar_date) as varchar),"
                + " cast(max(calendar_date) as varchar), datediff('day', min(calendar_date), max(calendar_date)) + 1"
                + " from core.dim_date"))
                .containsExactly(row(731L, 731L, "2017-01-01", "2018-12-31", 730L));
        assertThat(query("select date_key, calendar_date, month_name, day_name, is_weekend, holiday_name,"
                + " is_national_holiday, is_optional_holiday, is_business_day from core.dim_date where date_key = -1"))
                .containsExactly(row(-1, null, "unknown", "unknown", null, null, null, null, null));
        assertThat(query("select count(*) from core.dim_date where date_key <> -1"
                + " and (is_national_holiday is null or is_optional_holiday is null or is_business_day is null)"))
                .as("known days have no null flag").containsExactly(List.of(0L));
    }

    @Test
    void zumbi_day_is_a_national_holiday_from_2024_and_a_day_with_two_holidays_is_one_row() throws Exception {
        // Easter 2000 was April 23, so Good Friday fell on Tiradentes, 2000-04-21. Easter 2024 was March 31:
        // Good Friday 2024-03-29, Carnival Tuesday 2024-02-13 (March 31 - 31 = February 29, - 16).
        build.close();
        Path other = Files.createDirectory(directory.resolve("2000-2024"));
        build = buildWithPurchases(other, "2000-04-21 08:00:00", "2024-11-20 18:00:00");

        assertThat(holidayColumnsOf("2000-04-21")).isEqualTo(row("Sexta-feira Santa / Tiradentes", true, false, false));
        assertThat(holidayColumnsOf("2023-11-20")).isEqualTo(row(null, false, false, true));
        assertThat(holidayColumnsOf("2024-11-20"))
                .isEqualTo(row("Dia Nacional de Zumbi e da Consciência Negra", true, false, false));
        assertThat(holidayColumnsOf("2024-03-29")).isEqualTo(row("Sexta-feira Santa", true, false, false));
        assertThat(holidayColumnsOf("2024-02-13")).isEqualTo(row("Carnaval (terça-feira)", false, true, true));
        long days = ChronoUnit.DAYS.between(LocalDate.parse("2000-04-21"), LocalDate.parse("2024-11-20")) + 1;
        assertThat(query("select count(*), count(distinct calendar_date) from core.dim_date where date_key <> -1"))
                .containsExactly(row(days, days));
    }
}
