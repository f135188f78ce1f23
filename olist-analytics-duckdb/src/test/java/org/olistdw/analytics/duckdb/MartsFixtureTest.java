package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marts built from the hand-made star fixture ({@code fixtures/star}, described row by row in its
 * FIXTURE.md), every value checked against a figure worked out by hand from the fixture and the rules in
 * the models' header comments.
 *
 * <p>The facts the hand computations below rest on (all from the fixture files):
 * <ul>
 *   <li>Revenue rule (int_order_enriched): an order counts when its status is neither canceled nor
 *       unavailable and it has at least one item. Left out: o04 (canceled, 1 item pr04 199.00 + 21.00, boleto
 *       220.00), o12 (unavailable, no item, credit_card x1 64.90), o17 (canceled, no item, not_defined 0.00).
 *       The other 27 orders count, whatever their status (shipped o24, invoiced o26, processing o28,
 *       approved o29 and created o30 included).</li>
 *   <li>Counted orders, as "order date person items -> price + freight = total":
 *     o01 2017-09-04 p01 pr01 49.90+10.10 = 60.00 (s01);
 *     o02 2017-09-12 p02 pr03 120.00+15.00 = 135.00 (s03);
 *     o03 2017-09-12 p03 pr05 79.90+12.10, pr06 15.00+5.00 = 94.90+17.10 = 112.00 (s02);
 *     o05 2017-10-03 p05 3 x pr06 15.00+5.00 = 45.00+15.00 = 60.00 (s02);
 *     o06 2017-10-10 p06 pr02 89.90+10.10 = 100.00 (s01);
 *     o07 2017-10-18 p07 pr07 250.00+20.00 = 270.00 (s03);
 *     o08 2017-10-27 p08 pr09 1500.00+45.00 = 1545.00 (s06);
 *     o09 2017-11-03 p09 pr10 35.00+7.50 = 42.50 (s04);
 *     o10 2017-11-14 p01 pr01 49.90+10.10, pr12 30.00+5.00 = 79.90+15.10 = 95.00 (s01);
 *     o11 2017-11-24 p10 pr02 89.90+10.10 (s01), pr07 250.00+20.00 (s03) = 339.90+30.10 = 370.00;
 *     o13 2017-11-29 p12 pr11 399.00+25.10 = 424.10 (s05);
 *     o14 2018-01-05 p13 pr03 120.00+15.00 = 135.00 (s03);
 *     o15 2018-01-15 p06 pr08 25.50+8.50, pr10 35.00+7.50 = 60.50+16.00 = 76.50 (s04);
 *     o16 2018-01-22 p14 pr04 199.00+21.00 = 220.00 (s05);
 *     o18 2018-02-02 p16 pr06 15.00+5.10 = 20.10 (s02);
 *     o19 2018-02-14 p01 pr12 30.00+5.00, pr01 49.90+10.10 = 79.90+15.10 = 95.00 (s01);
 *     o20 2018-02-20 p17 pr10 35.00+7.50 = 42.50 (s04);
 *     o21 2018-02-27 p18 pr09 1500.00+45.00 = 1545.00 (s06);
 *     o22 2018-03-05 p19 pr05 79.90+12.10 = 92.00 (s02);
 *     o23 2018-03-12 p20 pr07 250.00+20.00 = 270.00 (s03);
 *     o24 2018-03-20 p21 pr11 399.00+25.00 = 424.00 (s05);
 *     o25 2018-03-26 p22 pr02 89.90+10.10, pr12 30.00+5.00 = 119.90+15.10 = 135.00 (s01);
 *     o26 2018-03-30 p23 pr08 25.50+8.50 = 34.00 (s04);
 *     o27 2018-04-03 p24 pr04 199.00+21.00 (s05), pr06 15.00+5.00 (s02) = 214.00+26.00 = 240.00;
 *     o28 2018-04-10 p25 pr01 49.90+10.10 = 60.00 (s01);
 *     o29 2018-04-20 p26 pr12 30.00+5.00 = 35.00 (s01);
 *     o30 2018-04-28 p27 pr03 120.00+15.00 = 135.00 (s03).</li>
 *   <li>Purchases run from 2017-09-04 (o01) to 2018-04-28 (o30); 2017-12 has no order at all. No two
 *       purchase dates are consecutive days, and only o02 and o03 share one (2017-09-12).</li>
 *   <li>People: one warehouse run on a fresh warehouse, so dim_customer has one version per person, keys
 *       1..27 given in customer_unique_id order (p01 = 1 .. p27 = 27), the address of the customer id of
 *       the person's latest order (p01: c19 rio de janeiro/RJ; p06: c15 campinas/SP).</li>
 * </ul>
 */
class MartsFixtureTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
    }

    @AfterAll
    static void discardBuild() {
        if (build != null) {
            build.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // mart.mart_monthly_revenue
    // ---------------------------------------------------------------------------------------------------

    private static final List<String> MONTHLY_REVENUE_COLUMNS = List.of("purchase_month", "year", "month", "orders",
            "items", "customers", "gross_merchandise_value", "freight_value", "revenue", "average_order_value",
            "excluded_orders");

    @Test
    void monthly_revenue_has_every_month_from_september_2017_to_april_2018_with_the_hand_computed_measures() {
        assertColumns("mart_monthly_revenue", MONTHLY_REVENUE_COLUMNS);
        // Months: first to last month with an item (o01 2017-09 .. o30 2018-04), no gaps: 8 rows.
        // Columns: month, year, month, orders, items, customers, gmv (prices), freight, revenue,
        // average order value = round(revenue / orders, 2), excluded_orders (canceled/unavailable orders WITH items).
        assertRows("mart_monthly_revenue", query(select(MONTHLY_REVENUE_COLUMNS, "mart.mart_monthly_revenue")
                + " order by purchase_month"), List.of(
                // 2017-09: o01, o02, o03 (o04 canceled: excluded, its only item left out).
                // items 1 + 1 + 2 = 4; people p01, p02, p03.
                // gmv 49.90 + 120.00 + 79.90 + 15.00 = 264.80; freight 10.10 + 15.00 + 12.10 + 5.00 = 42.20;
                // revenue 307.00; aov 307.00 / 3 = 102.333.. -> 102.33; excluded 1 (o04)
                row("2017-09-01", 2017, 9, 3L, 4L, 3L, d("264.80"), d("42.20"), d("307.00"), d("102.33"), 1L),
                // 2017-10: o05, o06, o07, o08; items 3 + 1 + 1 + 1 = 6; people p05, p06, p07, p08.
                // gmv 45.00 + 89.90 + 250.00 + 1500.00 = 1884.90; freight 15.00 + 10.10 + 20.00 + 45.00 = 90.10;
                // revenue 1975.00; aov 1975.00 / 4 = 493.75
                row("2017-10-01", 2017, 10, 4L, 6L, 4L, d("1884.90"), d("90.10"), d("1975.00"), d("493.75"), 0L),
                // 2017-11: o09, o10, o11, o13 (o12 unavailable has no item, so it is not an excluded order with items);
                // items 1 + 2 + 2 + 1 = 6; people p09, p01, p10, p12.
                // gmv 35.00 + 79.90 + 339.90 + 399.00 = 853.80; freight 7.50 + 15.10 + 30.10 + 25.10 = 77.80;
                // revenue 931.60; aov 931.60 / 4 = 232.90
                row("2017-11-01", 2017, 11, 4L, 6L, 4L, d("853.80"), d("77.80"), d("931.60"), d("232.90"), 0L),
                // 2017-12: no order at all: zeros, aov null
                row("2017-12-01", 2017, 12, 0L, 0L, 0L, d("0.00"), d("0.00"), d("0.00"), null, 0L),
                // 2018-01: o14, o15, o16 (o17 canceled without items); items 1 + 2 + 1 = 4; people p13, p06, p14.
                // gmv 120.00 + 60.50 + 199.00 = 379.50; freight 15.00 + 16.00 + 21.00 = 52.00; revenue 431.50;
                // aov 431.50 / 3 = 143.8333.. -> 143.83
                row("2018-01-01", 2018, 1, 3L, 4L, 3L, d("379.50"), d("52.00"), d("431.50"), d("143.83"), 0L),
                // 2018-02: o18, o19, o20, o21; items 1 + 2 + 1 + 1 = 5; people p16, p01, p17, p18.
                // gmv 15.00 + 79.90 + 35.00 + 1500.00 = 1629.90; freight 5.10 + 15.10 + 7.50 + 45.00 = 72.70;
                // revenue 1702.60; aov 1702.60 / 4 = 425.65
                row("2018-02-01", 2018, 2, 4L, 5L, 4L, d("1629.90"), d("72.70"), d("1702.60"), d("425.65"), 0L),
                // 2018-03: o22, o23, o24 (shipped), o25, o26 (invoiced); items 1 + 1 + 1 + 2 + 1 = 6; people p19..p23.
                // gmv 79.90 + 250.00 + 399.00 + 119.90 + 25.50 = 874.30;
                // freight 12.10 + 20.00 + 25.00 + 15.10 + 8.50 = 80.70; revenue 955.00; aov 955.00 / 5 = 191.00
                row("2018-03-01", 2018, 3, 5L, 6L, 5L, d("874.30"), d("80.70"), d("955.00"), d("191.00"), 0L),
                // 2018-04: o27, o28 (processing), o29 (approved), o30 (created); items 2 + 1 + 1 + 1 = 5; people p24..p27.
                // gmv 214.00 + 49.90 + 30.00 + 120.00 = 413.90; freight 26.00 + 10.10 + 5.00 + 15.00 = 56.10;
                // revenue 470.00; aov 470.00 / 4 = 117.50
                row("2018-04-01", 2018, 4, 4L, 5L, 4L, d("413.90"), d("56.10"), d("470.00"), d("117.50"), 0L)));
        // Cross-check of the hand figures: revenue 307.00 + 1975.00 + 931.60 + 431.50 + 1702.60 + 955.00 + 470.00
        // = 6772.70 = all items 6992.70 - o04's 220.00 (FIXTURE.md totals).
    }

    // ---------------------------------------------------------------------------------------------------
    // mart.mart_executive_dashboard
    // ---------------------------------------------------------------------------------------------------

    private static final List<String> DASHBOARD_COLUMNS = List.of("period_grain", "period_start", "period_end",
            "orders", "gross_merchandise_value", "freight_value", "revenue", "average_order_value", "customers",
            "active_sellers", "gmv_growth_pct", "orders_growth_pct");

    /** The 29 purchase dates of the 30 orders (o02 and o03 share 2017-09-12). */
    private static final List<String> PURCHASE_DATES = List.of("2017-09-04", "2017-09-12", "2017-09-25",
            "2017-10-03", "2017-10-10", "2017-10-18", "2017-10-27", "2017-11-03", "2017-11-14", "2017-11-24",
            "2017-11-26", "2017-11-29", "2018-01-05", "2018-01-15", "2018-01-22", "2018-01-30", "2018-02-02",
            "2018-02-14", "2018-02-20", "2018-02-27", "2018-03-05", "2018-03-12", "2018-03-20", "2018-03-26",
            "2018-03-30", "2018-04-03", "2018-04-10", "2018-04-20", "2018-04-28");

    /**
     * The day after each of the 26 dates with a counted order, except 2018-04-28 whose next day is past
     * the last purchase date: 25 days.
     */
    private static final List<String> DAYS_AFTER_A_COUNTED_ORDER = List.of("2017-09-05", "2017-09-13",
            "2017-10-04", "2017-10-11", "2017-10-19", "2017-10-28", "2017-11-04", "2017-11-15", "2017-11-25",
            "2017-11-30", "2018-01-06", "2018-01-16", "2018-01-23", "2018-02-03", "2018-02-15", "2018-02-21",
            "2018-02-28", "2018-03-06", "2018-03-13", "2018-03-21", "2018-03-27", "2018-03-31", "2018-04-04",
            "2018-04-11", "2018-04-21");

    @Test
    void executive_dashboard_month_rows_match_the_monthly_hand_figures_with_sellers_and_growth() {
        assertColumns("mart_executive_dashboard", DASHBOARD_COLUMNS);
        // Months 2017-09 .. 2018-04 (first to last purchase of any order). orders, gmv, freight, revenue, aov
        // and customers are the figures of mart_monthly_revenue (same rule, same orders).
        // Active sellers, distinct sellers of counted items:
        //   2017-09 s01 (o01), s03 (o02), s02 (o03) = 3; 2017-10 s02, s01, s03, s06 = 4;
        //   2017-11 s04 (o09), s01 (o10, o11), s03 (o11), s05 (o13) = 4; 2017-12 0;
        //   2018-01 s03 (o14), s04 (o15), s05 (o16) = 3; 2018-02 s02, s01, s04, s06 = 4;
        //   2018-03 s02, s03, s05, s01, s04 = 5; 2018-04 s05 + s02 (o27), s01 (o28, o29), s03 (o30) = 4.
        // Growth = round((this - previous) * 100 / previous, 2); null when previous is 0 or absent:
        //   2017-09 first month: null, null
        //   2017-10 gmv (1884.90 - 264.80) * 100 / 264.80 = 162010 / 264.80 = 611.8202.. -> 611.82;
        //           orders (4 - 3) * 100 / 3 = 33.333.. -> 33.33
        //   2017-11 gmv (853.80 - 1884.90) * 100 / 1884.90 = -103110 / 1884.90 = -54.7032.. -> -54.70;
        //           orders (4 - 4) / 4 = 0.00
        //   2017-12 gmv (0 - 853.80) * 100 / 853.80 = -100.00; orders (0 - 4) * 100 / 4 = -100.00
        //   2018-01 previous month 2017-12 has gmv 0 and 0 orders: null, null
        //   2018-02 gmv (1629.90 - 379.50) * 100 / 379.50 = 125040 / 379.50 = 329.4862.. -> 329.49;
        //           orders (4 - 3) * 100 / 3 = 33.33
        //   2018-03 gmv (874.30 - 1629.90) * 100 / 1629.90 = -75560 / 1629.90 = -46.3587.. -> -46.36;
        //           orders (5 - 4) * 100 / 4 = 25.00
        //   2018-04 gmv (413.90 - 874.30) * 100 / 874.30 = -46040 / 874.30 = -52.6593.. -> -52.66;
        //           orders (4 - 5) * 100 / 5 = -20.00
        assertRows("mart_executive_dashboard months", query(select(DASHBOARD_COLUMNS, "mart.mart_executive_dashboard")
                + " where period_grain = 'month' order by period_start"), List.of(
                row("month", "2017-09-01", "2017-09-30", 3L, d("264.80"), d("42.20"), d("307.00"), d("102.33"), 3L, 3L,
                        null, null),
                row("month", "2017-10-01", "2017-10-31", 4L, d("1884.90"), d("90.10"), d("1975.00"), d("493.75"), 4L, 4L,
                        d("611.82"), d("33.33")),
                row("month", "2017-11-01", "2017-11-30", 4L, d("853.80"), d("77.80"), d("931.60"), d("232.90"), 4L, 4L,
                        d("-54.70"), d("0.00")),
                row("month", "2017-12-01", "2017-12-31", 0L, d("0.00"), d("0.00"), d("0.00"), null, 0L, 0L,
                        d("-100.00"), d("-100.00")),
                row("month", "2018-01-01", "2018-01-31", 3L, d("379.50"), d("52.00"), d("431.50"), d("143.83"), 3L, 3L,
                        null, null),
                row("month", "2018-02-01", "2018-02-28", 4L, d("1629.90"), d("72.70"), d("1702.60"), d("425.65"), 4L, 4L,
                        d("329.49"), d("33.33")),
                row("month", "2018-03-01", "2018-03-31", 5L, d("874.30"), d("80.70"), d("955.00"), d("191.00"), 5L, 5L,
                        d("-46.36"), d("25.00")),
                row("month", "2018-04-01", "2018-04-30", 4L, d("413.90"), d("56.10"), d("470.00"), d("117.50"), 4L, 4L,
                        d("-52.66"), d("-20.00"))));
    }

    @Test
    void executive_dashboard_has_a_day_row_for_every_day_from_the_first_to_the_last_purchase() {
        // 2017-09-04 .. 2018-04-28: September 27 days (4..30) + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28
        // + Mar 31 + April 28 = 237 days, each once, each its own period_end
        assertThat(query("select count(*), count(distinct period_start), cast(min(period_start) as varchar),"
                + " cast(max(period_start) as varchar), count(*) filter (where period_end = period_start)"
                + " from mart.mart_executive_dashboard where period_grain = 'day'"))
                .containsExactly(row(237L, 237L, "2017-09-04", "2018-04-28", 237L));
        assertThat(query("select period_grain, count(*) from mart.mart_executive_dashboard group by period_grain"
                + " order by period_grain"))
                .containsExactly(row("day", 237L), row("month", 8L));
    }

    @Test
    void executive_dashboard_days_with_orders_carry_the_hand_computed_measures() {
        // One row per purchase date (29). Every day before a purchase date has no counted order (no two
        // purchase dates are consecutive), so the growth of every purchase date is null: previous day gmv 0
        // (or no previous day for 2017-09-04). Days whose only order is left out (o04, o12, o17) show zeros.
        String dates = PURCHASE_DATES.stream().map(day -> "date '" + day + "'").collect(Collectors.joining(", "));
        assertRows("mart_executive_dashboard days with orders", query(select(DASHBOARD_COLUMNS,
                "mart.mart_executive_dashboard") + " where period_grain = 'day' and period_start in (" + dates + ")"
                + " order by period_start"), List.of(
                // o01: 49.90 + 10.10 = 60.00, p01, s01
                day("2017-09-04", 1L, "49.90", "10.10", "60.00", "60.00", 1L, 1L),
                // o02 + o03: gmv 120.00 + 94.90 = 214.90, freight 15.00 + 17.10 = 32.10, revenue 135.00 + 112.00 = 247.00,
                // aov 247.00 / 2 = 123.50; p02, p03; s03, s02
                day("2017-09-12", 2L, "214.90", "32.10", "247.00", "123.50", 2L, 2L),
                // o04 canceled: nothing counted
                day("2017-09-25", 0L, "0.00", "0.00", "0.00", null, 0L, 0L),
                // o05: 3 x (15.00 + 5.00)
                day("2017-10-03", 1L, "45.00", "15.00", "60.00", "60.00", 1L, 1L),
                day("2017-10-10", 1L, "89.90", "10.10", "100.00", "100.00", 1L, 1L), // o06
                day("2017-10-18", 1L, "250.00", "20.00", "270.00", "270.00", 1L, 1L), // o07
                day("2017-10-27", 1L, "1500.00", "45.00", "1545.00", "1545.00", 1L, 1L), // o08
                day("2017-11-03", 1L, "35.00", "7.50", "42.50", "42.50", 1L, 1L), // o09
                // o10: 49.90 + 30.00 = 79.90; 10.10 + 5.00 = 15.10; one seller s01
                day("2017-11-14", 1L, "79.90", "15.10", "95.00", "95.00", 1L, 1L),
                // o11: 89.90 + 250.00 = 339.90; 10.10 + 20.00 = 30.10; two sellers s01, s03
                day("2017-11-24", 1L, "339.90", "30.10", "370.00", "370.00", 1L, 2L),
                // o12 unavailable, no item: nothing counted
                day("2017-11-26", 0L, "0.00", "0.00", "0.00", null, 0L, 0L),
                day("2017-11-29", 1L, "399.00", "25.10", "424.10", "424.10", 1L, 1L), // o13
                day("2018-01-05", 1L, "120.00", "15.00", "135.00", "135.00", 1L, 1L), // o14
                // o15: 25.50 + 35.00 = 60.50; 8.50 + 7.50 = 16.00; seller s04 twice
                day("2018-01-15", 1L, "60.50", "16.00", "76.50", "76.50", 1L, 1L),
                day("2018-01-22", 1L, "199.00", "21.00", "220.00", "220.00", 1L, 1L), // o16
                // o17 canceled, no item: nothing counted
                day("2018-01-30", 0L, "0.00", "0.00", "0.00", null, 0L, 0L),
                day("2018-02-02", 1L, "15.00", "5.10", "20.10", "20.10", 1L, 1L), // o18
                day("2018-02-14", 1L, "79.90", "15.10", "95.00", "95.00", 1L, 1L), // o19: 30.00 + 49.90; 5.00 + 10.10
                day("2018-02-20", 1L, "35.00", "7.50", "42.50", "42.50", 1L, 1L), // o20
                day("2018-02-27", 1L, "1500.00", "45.00", "1545.00", "1545.00", 1L, 1L), // o21
                day("2018-03-05", 1L, "79.90", "12.10", "92.00", "92.00", 1L, 1L), // o22
                day("2018-03-12", 1L, "250.00", "20.00", "270.00", "270.00", 1L, 1L), // o23
                day("2018-03-20", 1L, "399.00", "25.00", "424.00", "424.00", 1L, 1L), // o24 shipped
                day("2018-03-26", 1L, "119.90", "15.10", "135.00", "135.00", 1L, 1L), // o25: 89.90 + 30.00; 10.10 + 5.00
                day("2018-03-30", 1L, "25.50", "8.50", "34.00", "34.00", 1L, 1L), // o26 invoiced
                // o27: 199.00 + 15.00 = 214.00; 21.00 + 5.00 = 26.00; two sellers s05, s02
                day("2018-04-03", 1L, "214.00", "26.00", "240.00", "240.00", 1L, 2L),
                day("2018-04-10", 1L, "49.90", "10.10", "60.00", "60.00", 1L, 1L), // o28 processing
                day("2018-04-20", 1L, "30.00", "5.00", "35.00", "35.00", 1L, 1L), // o29 approved
                day("2018-04-28", 1L, "120.00", "15.00", "135.00", "135.00", 1L, 1L))); // o30 created
    }

    @Test
    void executive_dashboard_days_without_orders_show_zeros_and_no_average() {
        String dates = PURCHASE_DATES.stream().map(day -> "date '" + day + "'").collect(Collectors.joining(", "));
        // 237 days - 29 purchase dates = 208 days without any order: all of them zero, average null
        assertThat(query("select count(*), count(*) filter (where orders = 0 and gross_merchandise_value = 0"
                + " and freight_value = 0 and revenue = 0 and average_order_value is null and customers = 0"
                + " and active_sellers = 0) from mart.mart_executive_dashboard"
                + " where period_grain = 'day' and period_start not in (" + dates + ")"))
                .containsExactly(row(208L, 208L));
        // A sample, every column: the day after the first purchase (growth vs 49.90 and 1 order: -100.00), a day
        // between two empty days (null growth), the day after the canceled o04 (previous gmv 0: null), a day in
        // the empty December, the day after o13 (gmv 399.00 -> 0: -100.00) and the day before the last purchase.
        assertRows("mart_executive_dashboard sample of zero days", query(select(DASHBOARD_COLUMNS,
                "mart.mart_executive_dashboard") + " where period_grain = 'day' and period_start in (date '2017-09-05',"
                + " date '2017-09-06', date '2017-09-26', date '2017-11-30', date '2017-12-15', date '2018-04-27')"
                + " order by period_start"), List.of(
                zeroDay("2017-09-05", d("-100.00"), d("-100.00")),
                zeroDay("2017-09-06", null, null),
                zeroDay("2017-09-26", null, null),
                zeroDay("2017-11-30", d("-100.00"), d("-100.00")),
                zeroDay("2017-12-15", null, null),
                zeroDay("2018-04-27", null, null)));
    }

    @Test
    void executive_dashboard_day_growth_is_minus_100_the_day_after_a_counted_order_and_null_on_every_other_day() {
        // Days never follow each other with counted orders, so each day's previous day either had counted
        // orders (the day itself has none: (0 - gmv) * 100 / gmv = -100.00, same for orders) or had none
        // (gmv 0 and 0 orders: null). The first day (2017-09-04) has no previous day: null.
        // Counted-order days: 26 dates; the day after each, but 2018-04-28's (out of range): 25 days.
        List<List<Object>> expected = new ArrayList<>();
        for (String day : DAYS_AFTER_A_COUNTED_ORDER) {
            expected.add(row(day, d("-100.00"), d("-100.00")));
        }
        assertRows("mart_executive_dashboard day growth", query("select cast(period_start as varchar),"
                + " gmv_growth_pct, orders_growth_pct from mart.mart_executive_dashboard where period_grain = 'day'"
                + " and (gmv_growth_pct is not null or orders_growth_pct is not null) order by period_start"), expected);
        // the 237 - 25 = 212 other days: both growth columns null
        assertThat(query("select count(*) from mart.mart_executive_dashboard where period_grain = 'day'"
                + " and gmv_growth_pct is null and orders_growth_pct is null"))
                .containsExactly(row(212L));
    }

    // ---------------------------------------------------------------------------------------------------
    // mart.mart_customer_cohorts
    // ---------------------------------------------------------------------------------------------------

    private static final List<String> COHORT_COLUMNS = List.of("cohort_month", "months_since_first_order",
            "activity_month", "cohort_customers", "active_customers", "retention_rate", "orders", "revenue");

    @Test
    void customer_cohorts_follow_each_first_counted_month_to_april_2018() {
        assertColumns("mart_customer_cohorts", COHORT_COLUMNS);
        // Cohorts (month of a person's first COUNTED order; p04, p11, p15 have none and are in no cohort):
        //   2017-09: p01, p02, p03 = 3          2017-10: p05, p06, p07, p08 = 4
        //   2017-11: p09, p10, p12 = 3 (p01's o10 belongs to the 2017-09 cohort)
        //   2018-01: p13, p14 = 2 (p06's o15 belongs to 2017-10)   2018-02: p16, p17, p18 = 3
        //   2018-03: p19..p23 = 5                2018-04: p24..p27 = 4          (3+4+3+2+3+5+4 = 24 people)
        // Last month with a counted order: 2018-04, so 2017-09 runs 0..7 (8 rows), 2017-10 0..6 (7), 2017-11
        // 0..5 (6), 2018-01 0..3 (4), 2018-02 0..2 (3), 2018-03 0..1 (2), 2018-04 0 (1): 31 rows.
        // Repeat orders: p01 o10 2017-11 (95.00, 2017-09 + 2) and o19 2018-02 (95.00, 2017-09 + 5);
        // p06 o15 2018-01 (76.50, 2017-10 + 3). retention = round(active / cohort, 4).
        assertRows("mart_customer_cohorts", query(select(COHORT_COLUMNS, "mart.mart_customer_cohorts")
                + " order by cohort_month, months_since_first_order"), List.of(
                // 2017-09 cohort: month 0 o01 60.00 + o02 135.00 + o03 112.00 = 307.00, 3 of 3 = 1.0000
                row("2017-09-01", 0, "2017-09-01", 3L, 3L, d("1.0000"), 3L, d("307.00")),
                row("2017-09-01", 1, "2017-10-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                // p01's o10: 1 / 3 = 0.33333.. -> 0.3333
                row("2017-09-01", 2, "2017-11-01", 3L, 1L, d("0.3333"), 1L, d("95.00")),
                row("2017-09-01", 3, "2017-12-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-09-01", 4, "2018-01-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                // p01's o19: 1 / 3 -> 0.3333
                row("2017-09-01", 5, "2018-02-01", 3L, 1L, d("0.3333"), 1L, d("95.00")),
                row("2017-09-01", 6, "2018-03-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-09-01", 7, "2018-04-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                // 2017-10 cohort: month 0 o05 60.00 + o06 100.00 + o07 270.00 + o08 1545.00 = 1975.00, 4 of 4
                row("2017-10-01", 0, "2017-10-01", 4L, 4L, d("1.0000"), 4L, d("1975.00")),
                row("2017-10-01", 1, "2017-11-01", 4L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-10-01", 2, "2017-12-01", 4L, 0L, d("0.0000"), 0L, d("0.00")),
                // p06's o15: 1 / 4 = 0.2500
                row("2017-10-01", 3, "2018-01-01", 4L, 1L, d("0.2500"), 1L, d("76.50")),
                row("2017-10-01", 4, "2018-02-01", 4L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-10-01", 5, "2018-03-01", 4L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-10-01", 6, "2018-04-01", 4L, 0L, d("0.0000"), 0L, d("0.00")),
                // 2017-11 cohort: month 0 o09 42.50 + o11 370.00 + o13 424.10 = 836.60, 3 of 3
                row("2017-11-01", 0, "2017-11-01", 3L, 3L, d("1.0000"), 3L, d("836.60")),
                row("2017-11-01", 1, "2017-12-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-11-01", 2, "2018-01-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-11-01", 3, "2018-02-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-11-01", 4, "2018-03-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2017-11-01", 5, "2018-04-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                // 2018-01 cohort: month 0 o14 135.00 + o16 220.00 = 355.00, 2 of 2
                row("2018-01-01", 0, "2018-01-01", 2L, 2L, d("1.0000"), 2L, d("355.00")),
                row("2018-01-01", 1, "2018-02-01", 2L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2018-01-01", 2, "2018-03-01", 2L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2018-01-01", 3, "2018-04-01", 2L, 0L, d("0.0000"), 0L, d("0.00")),
                // 2018-02 cohort: month 0 o18 20.10 + o20 42.50 + o21 1545.00 = 1607.60, 3 of 3
                // (p01's o19 in 2018-02 is the 2017-09 cohort's)
                row("2018-02-01", 0, "2018-02-01", 3L, 3L, d("1.0000"), 3L, d("1607.60")),
                row("2018-02-01", 1, "2018-03-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                row("2018-02-01", 2, "2018-04-01", 3L, 0L, d("0.0000"), 0L, d("0.00")),
                // 2018-03 cohort: month 0 o22 92.00 + o23 270.00 + o24 424.00 + o25 135.00 + o26 34.00 = 955.00
                row("2018-03-01", 0, "2018-03-01", 5L, 5L, d("1.0000"), 5L, d("955.00")),
                row("2018-03-01", 1, "2018-04-01", 5L, 0L, d("0.0000"), 0L, d("0.00")),
                // 2018-04 cohort: o27 240.00 + o28 60.00 + o29 35.00 + o30 135.00 = 470.00
                row("2018-04-01", 0, "2018-04-01", 4L, 4L, d("1.0000"), 4L, d("470.00"))));
        // Cross-check: 307.00 + 95.00 + 95.00 + 1975.00 + 76.50 + 836.60 + 355.00 + 1607.60 + 955.00 + 470.00
        // = 6772.70, the counted revenue of mart_monthly_revenue.
    }

    // ---------------------------------------------------------------------------------------------------
    // mart.mart_customer_analytics
    // ---------------------------------------------------------------------------------------------------

    private static final List<String> CUSTOMER_ANALYTICS_COLUMNS = List.of("customer_unique_id", "customer_key",
            "customer_city", "customer_state", "customer_region", "customer_segment", "first_order_date",
            "last_order_date", "orders", "revenue", "average_order_value", "reference_date", "recency_days",
            "recency_score", "frequency_score", "monetary_score", "rfm_score", "rfm_segment");

    @Test
    void customer_analytics_scores_the_24_people_with_a_counted_order_by_quintile() {
        assertColumns("mart_customer_analytics", CUSTOMER_ANALYTICS_COLUMNS);
        // 24 people: all 27 but p04, p11, p15 (their only order is canceled/unavailable).
        // reference_date = last counted purchase 2018-04-28 (o30) + 1 = 2018-04-29.
        // recency_days = 2018-04-29 - last counted purchase date, e.g. p02 2017-09-12: 18 (to 09-30) + 31 + 30
        // + 31 + 31 + 28 + 31 + 29 = 229; p01 2018-02-14: 14 + 31 + 29 = 74; p06 2018-01-15: 16 + 28 + 31 + 29 = 104.
        //
        // Score (header of the model): w = people strictly worse (rank() - 1, equal values share it), people = 24,
        // score = 1 + floor(5 * w / 23) in integer arithmetic, capped at 5. 5 * w / 23 crosses 1 at w = 5
        // (25 / 23), 2 at w = 10 (50 / 23), 3 at w = 14 (70 / 23), 4 at w = 19 (95 / 23) and 5 at w = 23 (115 / 23):
        //   w 0..4 -> 1; w 5..9 -> 2; w 10..13 -> 3; w 14..18 -> 4; w 19..22 -> 5; w 23 -> 1 + 5 = 6, capped at 5.
        // Recency, distinct recency_days from worst (most days) to best: value (people) w -> score
        //   229 (p02, p03) 0 -> 1; 208 (p05) 2 -> 1; 193 (p07) 3 -> 1; 184 (p08) 4 -> 1;
        //   177 (p09) 5 -> 2; 156 (p10) 6 -> 2; 151 (p12) 7 -> 2; 114 (p13) 8 -> 2; 104 (p06) 9 -> 2;
        //   97 (p14) 10 -> 3; 86 (p16) 11 -> 3; 74 (p01) 12 -> 3; 68 (p17) 13 -> 3;
        //   61 (p18) 14 -> 4; 55 (p19) 15 -> 4; 48 (p20) 16 -> 4; 40 (p21) 17 -> 4; 34 (p22) 18 -> 4;
        //   30 (p23) 19 -> 5; 26 (p24) 20 -> 5; 19 (p25) 21 -> 5; 9 (p26) 22 -> 5; 1 (p27) 23 -> 6, capped 5.
        // Frequency, distinct orders from worst (fewest) to best:
        //   1 (the 22 others) 0 -> 1; 2 (p06) 22 -> 1 + floor(110 / 23) = 1 + 4 = 5; 3 (p01) 23 -> 6, capped 5.
        // Monetary, distinct revenue from worst (least) to best:
        //   20.10 (p16) 0 -> 1; 34.00 (p23) 1 -> 1; 35.00 (p26) 2 -> 1; 42.50 (p09, p17) 3 -> 1;
        //   60.00 (p05, p25) 5 -> 2; 92.00 (p19) 7 -> 2; 112.00 (p03) 8 -> 2; 135.00 (p02, p13, p22, p27) 9 -> 2;
        //   176.50 (p06) 13 -> 3;
        //   220.00 (p14) 14 -> 4; 240.00 (p24) 15 -> 4; 250.00 (p01) 16 -> 4; 270.00 (p07, p20) 17 -> 4;
        //   370.00 (p10) 19 -> 5; 424.00 (p21) 20 -> 5; 424.10 (p12) 21 -> 5; 1545.00 (p08, p18) 22 -> 5.
        //   (1 + 1 + 1 + 2 + 2 + 1 + 1 + 4 + 1 + 1 + 1 + 1 + 2 + 1 + 1 + 1 + 2 = 24 people.)
        // Segment, first rule that holds: champions r>=4 f>=4 m>=4; loyal f>=4; new r>=4 f<=2;
        // at_risk r<=2 f>=3; hibernating r<=2 f<=2; potential otherwise.
        // dim_customer segment: p01 regular (3 counted orders), p06 regular (2), the others one_time (1).
        // Columns: id, key, city, state, region, segment, first, last, orders, revenue, aov, reference, recency,
        // r, f, m, rfm, rfm segment.
        assertRows("mart_customer_analytics", query(select(CUSTOMER_ANALYTICS_COLUMNS, "mart.mart_customer_analytics")
                + " order by customer_unique_id"), List.of(
                // p01: o01 60.00 + o10 95.00 + o19 95.00 = 250.00, aov 250.00 / 3 = 83.333.. -> 83.33; address of c19;
                // r3 f5 m4: not champions (r 3), loyal (f 5)
                row("p01", 1L, "rio de janeiro", "RJ", "Sudeste", "regular", "2017-09-04", "2018-02-14", 3L, d("250.00"),
                        d("83.33"), "2018-04-29", 74L, 3, 5, 4, "354", "loyal"),
                // p02 o02; r1 f1 m2: hibernating
                row("p02", 2L, "rio de janeiro", "RJ", "Sudeste", "one_time", "2017-09-12", "2017-09-12", 1L, d("135.00"),
                        d("135.00"), "2018-04-29", 229L, 1, 1, 2, "112", "hibernating"),
                // p03 o03; r1 f1 m2: hibernating
                row("p03", 3L, "belo horizonte", "MG", "Sudeste", "one_time", "2017-09-12", "2017-09-12", 1L, d("112.00"),
                        d("112.00"), "2018-04-29", 229L, 1, 1, 2, "112", "hibernating"),
                // p05 o05, 2017-10-03: 28 + 30 + 31 + 31 + 28 + 31 + 29 = 208; r1 f1 m2: hibernating
                row("p05", 5L, "salvador", "BA", "Nordeste", "one_time", "2017-10-03", "2017-10-03", 1L, d("60.00"),
                        d("60.00"), "2018-04-29", 208L, 1, 1, 2, "112", "hibernating"),
                // p06: o06 100.00 + o15 76.50 = 176.50, aov 88.25; address of c15; r2 f5 m3: loyal (f 5)
                row("p06", 6L, "campinas", "SP", "Sudeste", "regular", "2017-10-10", "2018-01-15", 2L, d("176.50"),
                        d("88.25"), "2018-04-29", 104L, 2, 5, 3, "253", "loyal"),
                // p07 o07, 2017-10-18: 13 + 30 + 31 + 31 + 28 + 31 + 29 = 193; r1 f1 m4: hibernating
                row("p07", 7L, "brasilia", "DF", "Centro-Oeste", "one_time", "2017-10-18", "2017-10-18", 1L,
                        d("270.00"), d("270.00"), "2018-04-29", 193L, 1, 1, 4, "114", "hibernating"),
                // p08 o08, 2017-10-27: 4 + 30 + 31 + 31 + 28 + 31 + 29 = 184; r1 f1 m5: hibernating (maceio AL: Nordeste)
                row("p08", 8L, "maceio", "AL", "Nordeste", "one_time", "2017-10-27", "2017-10-27", 1L, d("1545.00"),
                        d("1545.00"), "2018-04-29", 184L, 1, 1, 5, "115", "hibernating"),
                // p09 o09, 2017-11-03: 27 + 31 + 31 + 28 + 31 + 29 = 177; r2 f1 m1: hibernating
                row("p09", 9L, "porto alegre", "RS", "Sul", "one_time", "2017-11-03", "2017-11-03", 1L, d("42.50"),
                        d("42.50"), "2018-04-29", 177L, 2, 1, 1, "211", "hibernating"),
                // p10 o11 (customer c11), 2017-11-24: 6 + 31 + 31 + 28 + 31 + 29 = 156; r2 f1 m5: hibernating
                row("p10", 10L, "recife", "PE", "Nordeste", "one_time", "2017-11-24", "2017-11-24", 1L, d("370.00"),
                        d("370.00"), "2018-04-29", 156L, 2, 1, 5, "215", "hibernating"),
                // p12 o13 (c13), 2017-11-29: 1 + 31 + 31 + 28 + 31 + 29 = 151; r2 f1 m5: hibernating
                row("p12", 12L, "belem", "PA", "Norte", "one_time", "2017-11-29", "2017-11-29", 1L, d("424.10"),
                        d("424.10"), "2018-04-29", 151L, 2, 1, 5, "215", "hibernating"),
                // p13 o14 (c14), 2018-01-05: 26 + 28 + 31 + 29 = 114; r2 f1 m2: hibernating
                row("p13", 13L, "goiania", "GO", "Centro-Oeste", "one_time", "2018-01-05", "2018-01-05", 1L,
                        d("135.00"), d("135.00"), "2018-04-29", 114L, 2, 1, 2, "212", "hibernating"),
                // p14 o16 (c16), 2018-01-22: 9 + 28 + 31 + 29 = 97; r3 f1 m4: potential (no rule holds)
                row("p14", 14L, "sao paulo", "SP", "Sudeste", "one_time", "2018-01-22", "2018-01-22", 1L, d("220.00"),
                        d("220.00"), "2018-04-29", 97L, 3, 1, 4, "314", "potential"),
                // p16 o18 (c18), 2018-02-02: 26 + 31 + 29 = 86; r3 f1 m1: potential (no rule holds)
                row("p16", 16L, "belo horizonte", "MG", "Sudeste", "one_time", "2018-02-02", "2018-02-02", 1L,
                        d("20.10"), d("20.10"), "2018-04-29", 86L, 3, 1, 1, "311", "potential"),
                // p17 o20 (c20), 2018-02-20: 8 + 31 + 29 = 68; r3 f1 m1: potential (no rule holds)
                row("p17", 17L, "curitiba", "PR", "Sul", "one_time", "2018-02-20", "2018-02-20", 1L, d("42.50"),
                        d("42.50"), "2018-04-29", 68L, 3, 1, 1, "311", "potential"),
                // p18 o21 (c21), 2018-02-27: 1 + 31 + 29 = 61; r4 f1 m5: not champions (f 1), new (r 4, f 1)
                row("p18", 18L, "porto alegre", "RS", "Sul", "one_time", "2018-02-27", "2018-02-27", 1L, d("1545.00"),
                        d("1545.00"), "2018-04-29", 61L, 4, 1, 5, "415", "new"),
                // p19 o22 (c22), 2018-03-05: 26 + 29 = 55; r4 f1 m2: new
                row("p19", 19L, "salvador", "BA", "Nordeste", "one_time", "2018-03-05", "2018-03-05", 1L, d("92.00"),
                        d("92.00"), "2018-04-29", 55L, 4, 1, 2, "412", "new"),
                // p20 o23 (c23), 2018-03-12: 19 + 29 = 48; r4 f1 m4: not champions (f 1), new
                row("p20", 20L, "sao paulo", "SP", "Sudeste", "one_time", "2018-03-12", "2018-03-12", 1L, d("270.00"),
                        d("270.00"), "2018-04-29", 48L, 4, 1, 4, "414", "new"),
                // p21 o24 (c24), 2018-03-20: 11 + 29 = 40; r4 f1 m5: not champions (f 1), new
                row("p21", 21L, "brasilia", "DF", "Centro-Oeste", "one_time", "2018-03-20", "2018-03-20", 1L,
                        d("424.00"), d("424.00"), "2018-04-29", 40L, 4, 1, 5, "415", "new"),
                // p22 o25 (c25), 2018-03-26: 5 + 29 = 34; r4 f1 m2: new
                row("p22", 22L, "campinas", "SP", "Sudeste", "one_time", "2018-03-26", "2018-03-26", 1L, d("135.00"),
                        d("135.00"), "2018-04-29", 34L, 4, 1, 2, "412", "new"),
                // p23 o26 (c26), 2018-03-30: 1 + 29 = 30; r5 f1 m1: new
                row("p23", 23L, "recife", "PE", "Nordeste", "one_time", "2018-03-30", "2018-03-30", 1L, d("34.00"),
                        d("34.00"), "2018-04-29", 30L, 5, 1, 1, "511", "new"),
                // p24 o27 (c27), 2018-04-03: 26; r5 f1 m4: not champions (f 1), new
                row("p24", 24L, "belo horizonte", "MG", "Sudeste", "one_time", "2018-04-03", "2018-04-03", 1L,
                        d("240.00"), d("240.00"), "2018-04-29", 26L, 5, 1, 4, "514", "new"),
                // p25 o28 (c28), 2018-04-10: 19; r5 f1 m2: new
                row("p25", 25L, "goiania", "GO", "Centro-Oeste", "one_time", "2018-04-10", "2018-04-10", 1L,
                        d("60.00"), d("60.00"), "2018-04-29", 19L, 5, 1, 2, "512", "new"),
                // p26 o29 (c29), 2018-04-20: 9; r5 f1 m1: new
                row("p26", 26L, "sao paulo", "SP", "Sudeste", "one_time", "2018-04-20", "2018-04-20", 1L, d("35.00"),
                        d("35.00"), "2018-04-29", 9L, 5, 1, 1, "511", "new"),
                // p27 o30 (c30), 2018-04-28: 1; r5 f1 m2: new
                row("p27", 27L, "belem", "PA", "Norte", "one_time", "2018-04-28", "2018-04-28", 1L, d("135.00"),
                        d("135.00"), "2018-04-29", 1L, 5, 1, 2, "512", "new")));
    }

    // ---------------------------------------------------------------------------------------------------
    // mart.mart_payment_mix
    // ---------------------------------------------------------------------------------------------------

    private static final List<String> PAYMENT_MIX_COLUMNS = List.of("payment_type", "payment_installments",
            "payments", "orders", "payment_value", "average_payment_value", "value_share", "payment_share");

    @Test
    void payment_mix_groups_the_payments_of_counted_orders_by_type_and_installments() {
        assertColumns("mart_payment_mix", PAYMENT_MIX_COLUMNS);
        // Payments of counted orders: all 33 but o04 (boleto 220.00), o12 (credit_card x1 64.90) and o17
        // (not_defined 0.00, so no not_defined row): 30 payments, 7057.62 - 220.00 - 64.90 - 0.00 = 6772.72.
        // value_share = round(value / 6772.72, 4); payment_share = round(payments / 30, 4);
        // average = round(value / payments, 2).
        assertRows("mart_payment_mix", query(select(PAYMENT_MIX_COLUMNS, "mart.mart_payment_mix")
                + " order by payment_type, payment_installments"), List.of(
                // o02 135.00 + o09 42.50 + o15 76.50 + o20 42.49 + o23 270.00 + o26 34.00 + o30 135.00 = 735.49;
                // avg 735.49 / 7 = 105.07; 735.49 / 6772.72 = 0.108596.. -> 0.1086; 7 / 30 = 0.2333..
                row("boleto", 1, 7L, 7L, d("735.49"), d("105.07"), d("0.1086"), d("0.2333")),
                // o01 60.00 + o06 100.00 + o19 95.00 + o22 92.00 + o25 135.00 + o28 60.00 = 542.00;
                // avg 542.00 / 6 = 90.333.. -> 90.33; 542.00 / 6772.72 = 0.080027.. -> 0.0800; 6 / 30 = 0.2000
                row("credit_card", 1, 6L, 6L, d("542.00"), d("90.33"), d("0.0800"), d("0.2000")),
                // o03 112.00 + o10 95.00 + o11 300.00 + o16 220.00 + o24 424.00 + o27 240.00 = 1391.00;
                // avg 1391.00 / 6 = 231.833.. -> 231.83; 1391.00 / 6772.72 = 0.205383.. -> 0.2054; 6 / 30 = 0.2000
                row("credit_card", 3, 6L, 6L, d("1391.00"), d("231.83"), d("0.2054"), d("0.2000")),
                // o07 270.00 + o08 1545.00 + o13 424.13 + o21 1545.00 = 3784.13;
                // avg 3784.13 / 4 = 946.0325 -> 946.03; 3784.13 / 6772.72 = 0.558731.. -> 0.5587; 4 / 30 = 0.1333..
                row("credit_card", 10, 4L, 4L, d("3784.13"), d("946.03"), d("0.5587"), d("0.1333")),
                // o05 60.00 + o18 20.10 = 80.10; avg 40.05; 80.10 / 6772.72 = 0.011827.. -> 0.0118; 2 / 30 = 0.0667
                row("debit_card", 1, 2L, 2L, d("80.10"), d("40.05"), d("0.0118"), d("0.0667")),
                // o11 seq 2 70.00 + o14 50.00 + 50.00 + 35.00 + o29 35.00 = 240.00 over 3 orders (o11, o14, o29);
                // avg 240.00 / 5 = 48.00; 240.00 / 6772.72 = 0.035436.. -> 0.0354; 5 / 30 = 0.1667
                row("voucher", 1, 5L, 3L, d("240.00"), d("48.00"), d("0.0354"), d("0.1667"))));
        // Cross-check: 735.49 + 542.00 + 1391.00 + 3784.13 + 80.10 + 240.00 = 6772.72; 7 + 6 + 6 + 4 + 2 + 5 = 30.
    }

    // ---------------------------------------------------------------------------------------------------
    // the marts of the dashboard tiles
    // ---------------------------------------------------------------------------------------------------

    private static final List<String> SALES_TOTALS_COLUMNS = List.of("orders", "customers", "gross_merchandise_value",
            "freight_value", "revenue");

    @Test
    void sales_totals_count_the_27_counted_orders_of_24_people() {
        assertColumns("mart_sales_totals", SALES_TOTALS_COLUMNS);
        // Counted orders: 30 less o04 (canceled), o12 (unavailable) and o17 (canceled) = 27; their people: p01..p27
        // less p04, p11 and p15, whose only orders those are = 24 (p01's three orders and p06's two count once).
        // Items of counted orders (FIXTURE.md totals): prices 6500.10 - 199.00 (o04) = 6301.10, freight
        // 492.60 - 21.00 = 471.60, together 6772.70.
        assertRows("mart_sales_totals", query(select(SALES_TOTALS_COLUMNS, "mart.mart_sales_totals")), List.of(
                row(27L, 24L, d("6301.10"), d("471.60"), d("6772.70"))));
    }

    private static final List<String> DELIVERY_BY_STATE_COLUMNS = List.of("region", "state", "delivered_orders",
            "late_orders", "average_delivery_days", "p90_delivery_days", "average_days_versus_estimate");

    @Test
    void delivery_by_state_sums_every_month_of_the_21_delivered_orders_of_each_state() {
        assertColumns("mart_delivery_by_state", DELIVERY_BY_STATE_COLUMNS);
        // The 21 delivered orders with a date (o16 has none), by the state of the address given with each
        // order, as (days purchase -> delivery, days estimate -> delivery): late ones are o07 (DF) and o13 (PA).
        // p90 by linear interpolation at position 0.9 x (n - 1) of the ordered days.
        assertRows("mart_delivery_by_state", query(select(DELIVERY_BY_STATE_COLUMNS, "mart.mart_delivery_by_state")
                + " order by state"), List.of(
                row("Nordeste", "AL", 1L, 0L, d("13.00"), d("13.00"), d("-12.00")), // o08 (13, -12)
                // o05 (8, -13), o22 (8, -14): (-13 - 14) / 2 = -13.50
                row("Nordeste", "BA", 2L, 0L, d("8.00"), d("8.00"), d("-13.50")),
                row("Centro-Oeste", "DF", 1L, 1L, d("27.00"), d("27.00"), d("6.00")), // o07 (27, +6), late
                row("Centro-Oeste", "GO", 1L, 0L, d("10.00"), d("10.00"), d("-14.00")), // o14 (10, -14)
                // o03 (10, -12), o18 (7, -17), o27 (9, -13): 26 / 3 = 8.666.. -> 8.67; ordered 7, 9, 10: position
                // 1.8 -> 9 + 0.8 x (10 - 9) = 9.80; -42 / 3 = -14.00
                row("Sudeste", "MG", 3L, 0L, d("8.67"), d("9.80"), d("-14.00")),
                row("Norte", "PA", 1L, 1L, d("29.00"), d("29.00"), d("8.00")), // o13 (29, +8), late
                row("Nordeste", "PE", 1L, 0L, d("12.00"), d("12.00"), d("-12.00")), // o11 (12, -12)
                row("Sul", "PR", 1L, 0L, d("9.00"), d("9.00"), d("-13.00")), // o20 (9, -13)
                // o02 (8, -13), o19 (9, -14; p01 after moving to RJ): 8.50; 8 + 0.9 x 1 = 8.90; -13.50
                row("Sudeste", "RJ", 2L, 0L, d("8.50"), d("8.90"), d("-13.50")),
                // o09 (10, -14), o21 (9, -13): 9.50; ordered 9, 10: 9 + 0.9 = 9.90; -13.50
                row("Sul", "RS", 2L, 0L, d("9.50"), d("9.90"), d("-13.50")),
                // o01 (8, -13), o06 (9, -13), o10 (8, -13), o15 (9, -13), o23 (8, -14), o25 (9, -13): 51 / 6 = 8.50;
                // ordered 8, 8, 8, 9, 9, 9: position 4.5 -> 9.00; -79 / 6 = -13.1666.. -> -13.17
                row("Sudeste", "SP", 6L, 0L, d("8.50"), d("9.00"), d("-13.17"))));
    }

    private static final List<String> REVIEW_SCORES_COLUMNS = List.of("product_category_name",
            "product_category_name_english", "review_score", "orders", "category_orders");

    @Test
    void review_scores_count_each_reviewed_counted_order_once_in_each_category_of_its_items() {
        assertColumns("mart_review_scores", REVIEW_SCORES_COLUMNS);
        // Counted orders with a review, by their latest review's score (o13: r31, 2) and the categories of their
        // items: o01 5 beleza; o02 4 esporte; o03 4 cama + utilidades; o05 5 utilidades; o06 5 informatica;
        // o07 2 relogios; o08 5 pc_gamer; o09 3 unknown; o10 4 beleza (pr01 and pr12: one category, once);
        // o11 5 informatica + relogios; o13 2 telefonia; o14 5 esporte; o15 4 brinquedos + unknown; o16 3 moveis;
        // o18 5 utilidades; o19 5 beleza; o20 4 unknown; o21 5 pc_gamer; o22 3 cama; o23 4 relogios;
        // o25 5 informatica + beleza; o27 5 moveis + utilidades. Left out: o04 (canceled), o12 and o17 (no
        // items), o24, o26, o28, o29, o30 (no review). 22 orders, 27 (order, category) pairs.
        assertRows("mart_review_scores", query(select(REVIEW_SCORES_COLUMNS, "mart.mart_review_scores")
                + " order by product_category_name, review_score"), List.of(
                row("beleza_saude", "health_beauty", 4, 1L, 4L), // o10
                row("beleza_saude", "health_beauty", 5, 3L, 4L), // o01, o19, o25
                row("brinquedos", "toys", 4, 1L, 1L), // o15
                row("cama_mesa_banho", "bed_bath_table", 3, 1L, 2L), // o22
                row("cama_mesa_banho", "bed_bath_table", 4, 1L, 2L), // o03
                row("esporte_lazer", "sports_leisure", 4, 1L, 2L), // o02
                row("esporte_lazer", "sports_leisure", 5, 1L, 2L), // o14
                row("informatica_acessorios", "computers_accessories", 5, 3L, 3L), // o06, o11, o25
                row("moveis_decoracao", "furniture_decor", 3, 1L, 2L), // o16
                row("moveis_decoracao", "furniture_decor", 5, 1L, 2L), // o27
                row("pc_gamer", "pc_gamer", 5, 2L, 2L), // o08, o21; untranslated
                row("relogios_presentes", "watches_gifts", 2, 1L, 3L), // o07
                row("relogios_presentes", "watches_gifts", 4, 1L, 3L), // o23
                row("relogios_presentes", "watches_gifts", 5, 1L, 3L), // o11
                row("telefonia", "telephony", 2, 1L, 1L), // o13
                row("unknown", "unknown", 3, 1L, 3L), // o09
                row("unknown", "unknown", 4, 2L, 3L), // o15, o20
                row("utilidades_domesticas", "housewares", 4, 1L, 4L), // o03
                row("utilidades_domesticas", "housewares", 5, 3L, 4L))); // o05, o18, o27
        // Cross-check: the orders column adds up to the 27 pairs.
    }

    private static final List<String> REPEAT_BUYERS_COLUMNS = List.of("geo_level", "region", "customers",
            "repeat_customers", "orders", "revenue", "repeat_revenue");

    @Test
    void repeat_buyers_place_each_person_in_the_region_of_their_current_address() {
        assertColumns("mart_repeat_buyers", REPEAT_BUYERS_COLUMNS);
        // The 24 people with a counted order, by the region of their current address: p01 (o01 60.00, o10 95.00,
        // o19 95.00: 3 orders, 250.00) now in rio de janeiro/RJ and p06 (o06 100.00, o15 76.50: 2 orders, 176.50)
        // in campinas/SP are the only repeat buyers, both in Sudeste; everyone else has one order.
        assertRows("mart_repeat_buyers", query(select(REPEAT_BUYERS_COLUMNS, "mart.mart_repeat_buyers")
                + " order by geo_level desc, region"), List.of(
                // p07 270.00 (DF), p13 135.00 (GO), p21 424.00 (DF), p25 60.00 (GO): 889.00
                row("region", "Centro-Oeste", 4L, 0L, 4L, d("889.00"), d("0.00")),
                // p05 60.00 (BA), p08 1545.00 (AL), p10 370.00 (PE), p19 92.00 (BA), p23 34.00 (PE): 2101.00
                row("region", "Nordeste", 5L, 0L, 5L, d("2101.00"), d("0.00")),
                // p12 424.10, p27 135.00 (both PA): 559.10
                row("region", "Norte", 2L, 0L, 2L, d("559.10"), d("0.00")),
                // p01 250.00 (3 orders), p02 135.00, p03 112.00, p06 176.50 (2 orders), p14 220.00, p16 20.10,
                // p20 270.00, p22 135.00, p24 240.00, p26 35.00: 10 people, 13 orders, 1593.60; repeat 250.00 + 176.50
                row("region", "Sudeste", 10L, 2L, 13L, d("1593.60"), d("426.50")),
                // p09 42.50 (RS), p17 42.50 (PR), p18 1545.00 (RS): 1630.00
                row("region", "Sul", 3L, 0L, 3L, d("1630.00"), d("0.00")),
                // 4 + 5 + 2 + 10 + 3 = 24 people, 27 orders, 889.00 + 2101.00 + 559.10 + 1593.60 + 1630.00 = 6772.70
                row("country", null, 24L, 2L, 27L, d("6772.70"), d("426.50"))));
    }

    private static final List<String> ORDERS_HEATMAP_COLUMNS = List.of("day_of_week", "day_name", "hour_of_day",
            "orders_placed", "orders", "revenue");

    @Test
    void the_orders_heatmap_places_all_30_orders_by_weekday_and_hour_and_counts_revenue_of_the_counted_ones() {
        assertColumns("mart_orders_heatmap", ORDERS_HEATMAP_COLUMNS);
        // Each order's purchase weekday (2017-09-04 is a Monday) and hour; o04 (canceled, Monday 13:00), o12
        // (unavailable, Sunday 12:00) and o17 (canceled, Tuesday 18:00) are placed but not counted. Revenue is
        // the counted orders' items total.
        assertRows("mart_orders_heatmap", query(select(ORDERS_HEATMAP_COLUMNS, "mart.mart_orders_heatmap")
                + " order by day_of_week, hour_of_day"), List.of(
                row(1, "Monday", 9, 1L, 1L, d("135.00")), // o25 2018-03-26 09:00
                row(1, "Monday", 10, 2L, 2L, d("152.00")), // o01 2017-09-04 60.00, o22 2018-03-05 92.00
                row(1, "Monday", 11, 2L, 2L, d("490.00")), // o16 2018-01-22 220.00, o23 2018-03-12 270.00
                row(1, "Monday", 13, 1L, 0L, d("0.00")), // o04 2017-09-25, canceled
                row(1, "Monday", 16, 1L, 1L, d("76.50")), // o15 2018-01-15
                row(2, "Tuesday", 8, 1L, 1L, d("60.00")), // o05 2017-10-03
                row(2, "Tuesday", 9, 2L, 2L, d("177.50")), // o02 2017-09-12 135.00, o20 2018-02-20 42.50
                row(2, "Tuesday", 10, 1L, 1L, d("240.00")), // o27 2018-04-03
                row(2, "Tuesday", 13, 1L, 1L, d("60.00")), // o28 2018-04-10
                row(2, "Tuesday", 14, 2L, 2L, d("1640.00")), // o10 2017-11-14 95.00, o21 2018-02-27 1545.00
                row(2, "Tuesday", 15, 1L, 1L, d("424.00")), // o24 2018-03-20
                row(2, "Tuesday", 18, 1L, 0L, d("0.00")), // o17 2018-01-30, canceled
                row(2, "Tuesday", 19, 1L, 1L, d("100.00")), // o06 2017-10-10
                row(2, "Tuesday", 21, 1L, 1L, d("112.00")), // o03 2017-09-12 21:45
                row(3, "Wednesday", 9, 1L, 1L, d("424.10")), // o13 2017-11-29
                row(3, "Wednesday", 11, 1L, 1L, d("270.00")), // o07 2017-10-18
                row(3, "Wednesday", 12, 1L, 1L, d("95.00")), // o19 2018-02-14
                row(5, "Friday", 8, 1L, 1L, d("35.00")), // o29 2018-04-20
                // o09 2017-11-03 42.50, o14 2018-01-05 135.00, o18 2018-02-02 20.10
                row(5, "Friday", 10, 3L, 3L, d("197.60")),
                row(5, "Friday", 15, 1L, 1L, d("1545.00")), // o08 2017-10-27 15:30
                row(5, "Friday", 17, 1L, 1L, d("34.00")), // o26 2018-03-30
                row(5, "Friday", 20, 1L, 1L, d("370.00")), // o11 2017-11-24
                row(6, "Saturday", 22, 1L, 1L, d("135.00")), // o30 2018-04-28
                row(7, "Sunday", 12, 1L, 0L, d("0.00")))); // o12 2017-11-26, unavailable
        // Cross-check: 30 orders placed, 27 counted, revenue 6772.70.
    }

    private static final List<String> PRODUCT_MONTHLY_COLUMNS = List.of("product_id", "category_key",
            "product_category_name", "purchase_month", "orders", "items", "gross_merchandise_value", "freight_value",
            "revenue", "reviewed_orders", "review_score_sum");

    @Test
    void product_monthly_has_one_row_per_product_and_month_of_its_counted_items_with_additive_reviews() {
        assertColumns("mart_product_monthly", PRODUCT_MONTHLY_COLUMNS);
        // The counted items (o04 canceled left out) by product and month of purchase, with the order's latest
        // review score (o13: r31, 2; none for o24, o26, o28, o29, o30), each order once per product (o05's three
        // pr06 items: one order, one score). One run on a fresh warehouse: one version per product; category keys
        // in Portuguese-name order, 1 beleza_saude .. 10 utilidades_domesticas, and pr10 without one is -1.
        // Columns: product, category key, category, month, orders, items, GMV, freight, revenue, reviewed orders,
        // score sum.
        assertRows("mart_product_monthly", query(select(PRODUCT_MONTHLY_COLUMNS, "mart.mart_product_monthly")
                + " order by purchase_month, product_id"), List.of(
                // 2017-09: o01 pr01 (5); o02 pr03 (4); o03 pr05 + pr06 (4, r02)
                row("pr01", 1L, "beleza_saude", "2017-09-01", 1L, 1L, d("49.90"), d("10.10"), d("60.00"), 1L, 5L),
                row("pr03", 4L, "esporte_lazer", "2017-09-01", 1L, 1L, d("120.00"), d("15.00"), d("135.00"), 1L, 4L),
                row("pr05", 3L, "cama_mesa_banho", "2017-09-01", 1L, 1L, d("79.90"), d("12.10"), d("92.00"), 1L, 4L),
                row("pr06", 10L, "utilidades_domesticas", "2017-09-01", 1L, 1L, d("15.00"), d("5.00"), d("20.00"), 1L, 4L),
                // 2017-10: o06 pr02 (5); o05 3 x pr06 (5, once); o07 pr07 (2); o08 pr09 (5)
                row("pr02", 5L, "informatica_acessorios", "2017-10-01", 1L, 1L, d("89.90"), d("10.10"), d("100.00"), 1L, 5L),
                row("pr06", 10L, "utilidades_domesticas", "2017-10-01", 1L, 3L, d("45.00"), d("15.00"), d("60.00"), 1L, 5L),
                row("pr07", 8L, "relogios_presentes", "2017-10-01", 1L, 1L, d("250.00"), d("20.00"), d("270.00"), 1L, 2L),
                row("pr09", 7L, "pc_gamer", "2017-10-01", 1L, 1L, d("1500.00"), d("45.00"), d("1545.00"), 1L, 5L),
                // 2017-11: o10 pr01 + pr12 (4); o11 pr02 + pr07 (5); o09 pr10 (3); o13 pr11 25.10 freight (2)
                row("pr01", 1L, "beleza_saude", "2017-11-01", 1L, 1L, d("49.90"), d("10.10"), d("60.00"), 1L, 4L),
                row("pr02", 5L, "informatica_acessorios", "2017-11-01", 1L, 1L, d("89.90"), d("10.10"), d("100.00"), 1L, 5L),
                row("pr07", 8L, "relogios_presentes", "2017-11-01", 1L, 1L, d("250.00"), d("20.00"), d("270.00"), 1L, 5L),
                row("pr10", -1L, "unknown", "2017-11-01", 1L, 1L, d("35.00"), d("7.50"), d("42.50"), 1L, 3L),
                row("pr11", 9L, "telefonia", "2017-11-01", 1L, 1L, d("399.00"), d("25.10"), d("424.10"), 1L, 2L),
                row("pr12", 1L, "beleza_saude", "2017-11-01", 1L, 1L, d("30.00"), d("5.00"), d("35.00"), 1L, 4L),
                // 2017-12: no order. 2018-01: o14 pr03 (5); o16 pr04 (3); o15 pr08 + pr10 (4)
                row("pr03", 4L, "esporte_lazer", "2018-01-01", 1L, 1L, d("120.00"), d("15.00"), d("135.00"), 1L, 5L),
                row("pr04", 6L, "moveis_decoracao", "2018-01-01", 1L, 1L, d("199.00"), d("21.00"), d("220.00"), 1L, 3L),
                row("pr08", 2L, "brinquedos", "2018-01-01", 1L, 1L, d("25.50"), d("8.50"), d("34.00"), 1L, 4L),
                row("pr10", -1L, "unknown", "2018-01-01", 1L, 1L, d("35.00"), d("7.50"), d("42.50"), 1L, 4L),
                // 2018-02: o19 pr01 + pr12 (5); o18 pr06 5.10 freight (5); o21 pr09 (5); o20 pr10 (4)
                row("pr01", 1L, "beleza_saude", "2018-02-01", 1L, 1L, d("49.90"), d("10.10"), d("60.00"), 1L, 5L),
                row("pr06", 10L, "utilidades_domesticas", "2018-02-01", 1L, 1L, d("15.00"), d("5.10"), d("20.10"), 1L, 5L),
                row("pr09", 7L, "pc_gamer", "2018-02-01", 1L, 1L, d("1500.00"), d("45.00"), d("1545.00"), 1L, 5L),
                row("pr10", -1L, "unknown", "2018-02-01", 1L, 1L, d("35.00"), d("7.50"), d("42.50"), 1L, 4L),
                row("pr12", 1L, "beleza_saude", "2018-02-01", 1L, 1L, d("30.00"), d("5.00"), d("35.00"), 1L, 5L),
                // 2018-03: o25 pr02 + pr12 (5); o22 pr05 (3); o23 pr07 (4); o26 pr08 and o24 pr11 without a review
                row("pr02", 5L, "informatica_acessorios", "2018-03-01", 1L, 1L, d("89.90"), d("10.10"), d("100.00"), 1L, 5L),
                row("pr05", 3L, "cama_mesa_banho", "2018-03-01", 1L, 1L, d("79.90"), d("12.10"), d("92.00"), 1L, 3L),
                row("pr07", 8L, "relogios_presentes", "2018-03-01", 1L, 1L, d("250.00"), d("20.00"), d("270.00"), 1L, 4L),
                row("pr08", 2L, "brinquedos", "2018-03-01", 1L, 1L, d("25.50"), d("8.50"), d("34.00"), 0L, 0L),
                row("pr11", 9L, "telefonia", "2018-03-01", 1L, 1L, d("399.00"), d("25.00"), d("424.00"), 0L, 0L),
                row("pr12", 1L, "beleza_saude", "2018-03-01", 1L, 1L, d("30.00"), d("5.00"), d("35.00"), 1L, 5L),
                // 2018-04: o27 pr04 + pr06 (5); o28 pr01, o30 pr03 and o29 pr12 without a review
                row("pr01", 1L, "beleza_saude", "2018-04-01", 1L, 1L, d("49.90"), d("10.10"), d("60.00"), 0L, 0L),
                row("pr03", 4L, "esporte_lazer", "2018-04-01", 1L, 1L, d("120.00"), d("15.00"), d("135.00"), 0L, 0L),
                row("pr04", 6L, "moveis_decoracao", "2018-04-01", 1L, 1L, d("199.00"), d("21.00"), d("220.00"), 1L, 5L),
                row("pr06", 10L, "utilidades_domesticas", "2018-04-01", 1L, 1L, d("15.00"), d("5.00"), d("20.00"), 1L, 5L),
                row("pr12", 1L, "beleza_saude", "2018-04-01", 1L, 1L, d("30.00"), d("5.00"), d("35.00"), 0L, 0L)));
        // Cross-check: 34 rows, 36 items (37 less o04's), GMV 6301.10 and revenue 6772.70 as in mart_sales_totals;
        // reviewed (order, product) pairs 4 + 4 + 6 + 4 + 5 + 4 + 2 = 29 by month, score sums 17 + 17 + 23 + 16 + 24
        // + 17 + 10 = 124: the 27 (order, category) pairs of mart_review_scores (score sum 115) and the second
        // beleza_saude product of o10 (4) and of o19 (5).
        assertRows("mart_product_monthly totals", query("select count(*), cast(sum(items) as bigint),"
                + " sum(gross_merchandise_value), sum(revenue), cast(sum(reviewed_orders) as bigint),"
                + " cast(sum(review_score_sum) as bigint) from mart.mart_product_monthly"), List.of(
                row(34L, 36L, d("6301.10"), d("6772.70"), 29L, 124L)));
    }

    private static final List<String> PRODUCT_TOTALS_COLUMNS = List.of("product_id", "category_key",
            "product_category_name", "orders", "items", "gross_merchandise_value", "freight_value", "revenue",
            "reviewed_orders", "review_score_sum", "gmv_rank", "category_gmv_rank");

    @Test
    void product_totals_add_up_each_products_months_and_rank_them_by_gmv_overall_and_in_their_category() {
        assertColumns("mart_product_totals", PRODUCT_TOTALS_COLUMNS);
        // The rows of mart_product_monthly above, added up per product: orders, items, GMV, freight, revenue,
        // reviewed orders and score sum. Ranks by GMV: pr09 3000.00, pr11 798.00, pr07 750.00, pr04 398.00,
        // pr03 360.00, pr02 269.70, pr01 199.60, pr05 159.80, pr12 120.00, pr10 105.00, pr06 90.00, pr08 51.00;
        // in its category every product is first but pr12, second to pr01 in beleza_saude.
        assertRows("mart_product_totals", query(select(PRODUCT_TOTALS_COLUMNS, "mart.mart_product_totals")
                + " order by product_id"), List.of(
                // o01, o10, o19, o28: 4 x 49.90 + 10.10; reviews 5 + 4 + 5
                row("pr01", 1L, "beleza_saude", 4L, 4L, d("199.60"), d("40.40"), d("240.00"), 3L, 14L, 7L, 1L),
                // o06, o11, o25: 3 x 89.90 + 10.10; 5 + 5 + 5
                row("pr02", 5L, "informatica_acessorios", 3L, 3L, d("269.70"), d("30.30"), d("300.00"), 3L, 15L, 6L, 1L),
                // o02, o14, o30 (no review): 3 x 120.00 + 15.00; 4 + 5
                row("pr03", 4L, "esporte_lazer", 3L, 3L, d("360.00"), d("45.00"), d("405.00"), 2L, 9L, 5L, 1L),
                // o16, o27 (o04 canceled): 2 x 199.00 + 21.00; 3 + 5
                row("pr04", 6L, "moveis_decoracao", 2L, 2L, d("398.00"), d("42.00"), d("440.00"), 2L, 8L, 4L, 1L),
                // o03, o22: 2 x 79.90 + 12.10; 4 + 3
                row("pr05", 3L, "cama_mesa_banho", 2L, 2L, d("159.80"), d("24.20"), d("184.00"), 2L, 7L, 8L, 1L),
                // o03, o05 (3 items), o18 (freight 5.10), o27: 6 x 15.00, freight 5.00 + 15.00 + 5.10 + 5.00;
                // 4 + 5 + 5 + 5
                row("pr06", 10L, "utilidades_domesticas", 4L, 6L, d("90.00"), d("30.10"), d("120.10"), 4L, 19L, 11L, 1L),
                // o07, o11, o23: 3 x 250.00 + 20.00; 2 + 5 + 4
                row("pr07", 8L, "relogios_presentes", 3L, 3L, d("750.00"), d("60.00"), d("810.00"), 3L, 11L, 3L, 1L),
                // o15, o26 (no review): 2 x 25.50 + 8.50; 4
                row("pr08", 2L, "brinquedos", 2L, 2L, d("51.00"), d("17.00"), d("68.00"), 1L, 4L, 12L, 1L),
                // o08, o21: 2 x 1500.00 + 45.00; 5 + 5
                row("pr09", 7L, "pc_gamer", 2L, 2L, d("3000.00"), d("90.00"), d("3090.00"), 2L, 10L, 1L, 1L),
                // o09, o15, o20: 3 x 35.00 + 7.50; 3 + 4 + 4
                row("pr10", -1L, "unknown", 3L, 3L, d("105.00"), d("22.50"), d("127.50"), 3L, 11L, 10L, 1L),
                // o13 (freight 25.10), o24 (no review): 2 x 399.00; 2
                row("pr11", 9L, "telefonia", 2L, 2L, d("798.00"), d("50.10"), d("848.10"), 1L, 2L, 2L, 1L),
                // o10, o19, o25, o29 (no review): 4 x 30.00 + 5.00; 4 + 5 + 5
                row("pr12", 1L, "beleza_saude", 4L, 4L, d("120.00"), d("20.00"), d("140.00"), 3L, 14L, 9L, 2L)));
        // Cross-check: freight 471.60 and revenue 6772.70 as in mart_sales_totals; 29 reviewed pairs, score sum 124.
    }

    @Test
    void the_seller_scorecard_keeps_the_review_count_and_score_sum_behind_its_average() {
        // Per seller, the latest review scores of their counted orders (none for o24, o26, o28, o29, o30; o04
        // canceled): s01 o01 5, o06 5, o10 4, o11 5, o19 5, o25 5; s02 o03 4, o05 5, o18 5, o22 3, o27 5;
        // s03 o02 4, o07 2, o11 5, o14 5, o23 4; s04 o09 3, o15 4, o20 4; s05 o13 2, o16 3, o27 5; s06 o08 5, o21 5.
        assertRows("mart_seller_scorecard reviews", query("select seller_id, reviewed_orders, review_score_sum,"
                + " average_review_score from mart.mart_seller_scorecard order by seller_id"), List.of(
                row("s01", 6L, 29L, d("4.83")), // 29 / 6 = 4.833..
                row("s02", 5L, 22L, d("4.40")),
                row("s03", 5L, 20L, d("4.00")),
                row("s04", 3L, 11L, d("3.67")), // 11 / 3 = 3.666..
                row("s05", 3L, 10L, d("3.33")), // 10 / 3 = 3.333..
                row("s06", 2L, 10L, d("5.00"))));
    }

    private static final List<String> SALES_BY_STATE_CATEGORY_COLUMNS = List.of("purchase_month", "by_state",
            "by_category", "customer_state", "product_category_name", "orders", "items", "gross_merchandise_value",
            "freight_value", "revenue", "average_order_value", "customers", "active_sellers", "delivered_orders",
            "on_time_orders", "late_orders");

    @Test
    void sales_by_state_and_category_count_each_order_once_in_each_grouping_of_its_items() {
        assertColumns("mart_sales_by_state_category", SALES_BY_STATE_CATEGORY_COLUMNS);
        // 2017-11, counted orders (o12 unavailable left out), by the state of the address given with each
        // order and the categories of its items: o09 RS pr10 (unknown) 35.00+7.50 s04, on time; o10 SP pr01 +
        // pr12 (both beleza_saude) 79.90+15.10 s01, on time; o11 PE pr02 (informatica) 89.90+10.10 s01 + pr07
        // (relogios) 250.00+20.00 s03, on time; o13 PA pr11 (telefonia) 399.00+25.10 s05, late.
        // 2018-04: o27 MG pr04 (moveis) 199.00+21.00 s05 + pr06 (utilidades) 15.00+5.00 s02, delivered on time;
        // o28 GO pr01 (beleza) 49.90+10.10 s01; o29 SP pr12 (beleza) 30.00+5.00 s01; o30 PA pr03 (esporte)
        // 120.00+15.00 s03; o28, o29, o30 not delivered.
        assertRows("mart_sales_by_state_category 2017-11 and 2018-04", query(select(SALES_BY_STATE_CATEGORY_COLUMNS,
                "mart.mart_sales_by_state_category") + " where purchase_month in ('2017-11-01', '2018-04-01')"
                + " order by purchase_month, by_state, by_category, customer_state, product_category_name"), List.of(
                // the month: 4 orders, 6 items, sellers s01, s03, s04, s05
                row("2017-11-01", false, false, null, null, 4L, 6L, d("853.80"), d("77.80"), d("931.60"), d("232.90"),
                        4L, 4L, 4L, 3L, 1L),
                row("2017-11-01", false, true, null, "beleza_saude", 1L, 2L, d("79.90"), d("15.10"), d("95.00"),
                        d("95.00"), 1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", false, true, null, "informatica_acessorios", 1L, 1L, d("89.90"), d("10.10"),
                        d("100.00"), d("100.00"), 1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", false, true, null, "relogios_presentes", 1L, 1L, d("250.00"), d("20.00"),
                        d("270.00"), d("270.00"), 1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", false, true, null, "telefonia", 1L, 1L, d("399.00"), d("25.10"), d("424.10"),
                        d("424.10"), 1L, 1L, 1L, 0L, 1L),
                row("2017-11-01", false, true, null, "unknown", 1L, 1L, d("35.00"), d("7.50"), d("42.50"), d("42.50"),
                        1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", true, false, "PA", null, 1L, 1L, d("399.00"), d("25.10"), d("424.10"), d("424.10"),
                        1L, 1L, 1L, 0L, 1L),
                // o11: two items of two sellers, 339.90 + 30.10
                row("2017-11-01", true, false, "PE", null, 1L, 2L, d("339.90"), d("30.10"), d("370.00"), d("370.00"),
                        1L, 2L, 1L, 1L, 0L),
                row("2017-11-01", true, false, "RS", null, 1L, 1L, d("35.00"), d("7.50"), d("42.50"), d("42.50"),
                        1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", true, false, "SP", null, 1L, 2L, d("79.90"), d("15.10"), d("95.00"), d("95.00"),
                        1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", true, true, "PA", "telefonia", 1L, 1L, d("399.00"), d("25.10"), d("424.10"),
                        d("424.10"), 1L, 1L, 1L, 0L, 1L),
                row("2017-11-01", true, true, "PE", "informatica_acessorios", 1L, 1L, d("89.90"), d("10.10"),
                        d("100.00"), d("100.00"), 1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", true, true, "PE", "relogios_presentes", 1L, 1L, d("250.00"), d("20.00"),
                        d("270.00"), d("270.00"), 1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", true, true, "RS", "unknown", 1L, 1L, d("35.00"), d("7.50"), d("42.50"), d("42.50"),
                        1L, 1L, 1L, 1L, 0L),
                row("2017-11-01", true, true, "SP", "beleza_saude", 1L, 2L, d("79.90"), d("15.10"), d("95.00"),
                        d("95.00"), 1L, 1L, 1L, 1L, 0L),
                // the month: 4 orders, 5 items, sellers s01, s02, s03, s05; only o27 delivered
                row("2018-04-01", false, false, null, null, 4L, 5L, d("413.90"), d("56.10"), d("470.00"), d("117.50"),
                        4L, 4L, 1L, 1L, 0L),
                // o28 and o29, two people, one seller: 95.00 / 2 = 47.50
                row("2018-04-01", false, true, null, "beleza_saude", 2L, 2L, d("79.90"), d("15.10"), d("95.00"),
                        d("47.50"), 2L, 1L, 0L, 0L, 0L),
                row("2018-04-01", false, true, null, "esporte_lazer", 1L, 1L, d("120.00"), d("15.00"), d("135.00"),
                        d("135.00"), 1L, 1L, 0L, 0L, 0L),
                row("2018-04-01", false, true, null, "moveis_decoracao", 1L, 1L, d("199.00"), d("21.00"), d("220.00"),
                        d("220.00"), 1L, 1L, 1L, 1L, 0L),
                row("2018-04-01", false, true, null, "utilidades_domesticas", 1L, 1L, d("15.00"), d("5.00"),
                        d("20.00"), d("20.00"), 1L, 1L, 1L, 1L, 0L),
                row("2018-04-01", true, false, "GO", null, 1L, 1L, d("49.90"), d("10.10"), d("60.00"), d("60.00"),
                        1L, 1L, 0L, 0L, 0L),
                row("2018-04-01", true, false, "MG", null, 1L, 2L, d("214.00"), d("26.00"), d("240.00"), d("240.00"),
                        1L, 2L, 1L, 1L, 0L),
                row("2018-04-01", true, false, "PA", null, 1L, 1L, d("120.00"), d("15.00"), d("135.00"), d("135.00"),
                        1L, 1L, 0L, 0L, 0L),
                row("2018-04-01", true, false, "SP", null, 1L, 1L, d("30.00"), d("5.00"), d("35.00"), d("35.00"),
                        1L, 1L, 0L, 0L, 0L),
                row("2018-04-01", true, true, "GO", "beleza_saude", 1L, 1L, d("49.90"), d("10.10"), d("60.00"),
                        d("60.00"), 1L, 1L, 0L, 0L, 0L),
                row("2018-04-01", true, true, "MG", "moveis_decoracao", 1L, 1L, d("199.00"), d("21.00"), d("220.00"),
                        d("220.00"), 1L, 1L, 1L, 1L, 0L),
                row("2018-04-01", true, true, "MG", "utilidades_domesticas", 1L, 1L, d("15.00"), d("5.00"), d("20.00"),
                        d("20.00"), 1L, 1L, 1L, 1L, 0L),
                row("2018-04-01", true, true, "PA", "esporte_lazer", 1L, 1L, d("120.00"), d("15.00"), d("135.00"),
                        d("135.00"), 1L, 1L, 0L, 0L, 0L),
                row("2018-04-01", true, true, "SP", "beleza_saude", 1L, 1L, d("30.00"), d("5.00"), d("35.00"),
                        d("35.00"), 1L, 1L, 0L, 0L, 0L)));
        // beleza_saude over every month: pr01 in o01, o10, o19, o28 (4 x 49.90 = 199.60) and pr12 in o10, o19,
        // o25, o29 (4 x 30.00 = 120.00), all counted: 6 orders, 8 items, 319.60 (FIXTURE.md's health_beauty).
        assertRows("mart_sales_by_state_category beleza_saude", query("select cast(sum(orders) as decimal(18, 2)),"
                + " cast(sum(items) as decimal(18, 2)), sum(gross_merchandise_value)"
                + " from mart.mart_sales_by_state_category"
                + " where by_category and not by_state and product_category_name = 'beleza_saude'"), List.of(
                row(d("6"), d("8"), d("319.60"))));
    }

    @Test
    void sales_by_state_and_category_month_rows_are_the_executive_dashboard_months_with_orders() {
        // Same rule, same orders: the month rows equal mart_executive_dashboard's, 2017-12 (no order) aside.
        List<String> measures = List.of("orders", "gross_merchandise_value", "freight_value", "revenue",
                "average_order_value", "customers", "active_sellers");
        String columns = String.join(", ", measures);
        List<List<Object>> executive = query("select cast(period_start as varchar), " + columns
                + " from mart.mart_executive_dashboard where period_grain = 'month' and orders > 0 order by 1");
        assertThat(executive).hasSize(7);
        assertRows("month rows", query("select cast(purchase_month as varchar), " + columns
                + " from mart.mart_sales_by_state_category where not by_state and not by_category order by 1"), executive);
    }

    private static final List<String> SELLER_MONTHLY_COLUMNS = List.of("seller_id", "purchase_month",
            "orders_placed", "canceled_orders", "orders", "items", "gross_merchandise_value", "freight_value",
            "delivered_orders", "on_time_orders", "reviewed_orders", "review_score_sum");

    @Test
    void seller_monthly_splits_each_sellers_orders_by_month_of_purchase() {
        assertColumns("mart_seller_monthly", SELLER_MONTHLY_COLUMNS);
        // Each seller's orders (every status), as month: order items price+freight, delivered/late, latest
        // review score: o16 is delivered without a delivered-customer date (not delivered); o24 shipped, o26
        // invoiced, o28 processing, o29 approved, o30 created count without delivery or review; o04 (s05,
        // canceled) counts only as placed and canceled; o07 and o13 are late.
        assertRows("mart_seller_monthly", query(select(SELLER_MONTHLY_COLUMNS, "mart.mart_seller_monthly")
                + " order by seller_id, purchase_month"), List.of(
                row("s01", "2017-09-01", 1L, 0L, 1L, 1L, d("49.90"), d("10.10"), 1L, 1L, 1L, 5L), // o01
                row("s01", "2017-10-01", 1L, 0L, 1L, 1L, d("89.90"), d("10.10"), 1L, 1L, 1L, 5L), // o06
                // o10 (2 items, 79.90 + 15.10, score 4), o11 (pr02 89.90 + 10.10, score 5)
                row("s01", "2017-11-01", 2L, 0L, 2L, 3L, d("169.80"), d("25.20"), 2L, 2L, 2L, 9L),
                row("s01", "2018-02-01", 1L, 0L, 1L, 2L, d("79.90"), d("15.10"), 1L, 1L, 1L, 5L), // o19
                row("s01", "2018-03-01", 1L, 0L, 1L, 2L, d("119.90"), d("15.10"), 1L, 1L, 1L, 5L), // o25
                // o28 (49.90 + 10.10), o29 (30.00 + 5.00): neither delivered nor reviewed
                row("s01", "2018-04-01", 2L, 0L, 2L, 2L, d("79.90"), d("15.10"), 0L, 0L, 0L, null),
                row("s02", "2017-09-01", 1L, 0L, 1L, 2L, d("94.90"), d("17.10"), 1L, 1L, 1L, 4L), // o03
                row("s02", "2017-10-01", 1L, 0L, 1L, 3L, d("45.00"), d("15.00"), 1L, 1L, 1L, 5L), // o05
                row("s02", "2018-02-01", 1L, 0L, 1L, 1L, d("15.00"), d("5.10"), 1L, 1L, 1L, 5L), // o18
                row("s02", "2018-03-01", 1L, 0L, 1L, 1L, d("79.90"), d("12.10"), 1L, 1L, 1L, 3L), // o22
                row("s02", "2018-04-01", 1L, 0L, 1L, 1L, d("15.00"), d("5.00"), 1L, 1L, 1L, 5L), // o27's pr06
                row("s03", "2017-09-01", 1L, 0L, 1L, 1L, d("120.00"), d("15.00"), 1L, 1L, 1L, 4L), // o02
                row("s03", "2017-10-01", 1L, 0L, 1L, 1L, d("250.00"), d("20.00"), 1L, 0L, 1L, 2L), // o07, late
                row("s03", "2017-11-01", 1L, 0L, 1L, 1L, d("250.00"), d("20.00"), 1L, 1L, 1L, 5L), // o11's pr07
                row("s03", "2018-01-01", 1L, 0L, 1L, 1L, d("120.00"), d("15.00"), 1L, 1L, 1L, 5L), // o14
                row("s03", "2018-03-01", 1L, 0L, 1L, 1L, d("250.00"), d("20.00"), 1L, 1L, 1L, 4L), // o23
                row("s03", "2018-04-01", 1L, 0L, 1L, 1L, d("120.00"), d("15.00"), 0L, 0L, 0L, null), // o30
                row("s04", "2017-11-01", 1L, 0L, 1L, 1L, d("35.00"), d("7.50"), 1L, 1L, 1L, 3L), // o09
                row("s04", "2018-01-01", 1L, 0L, 1L, 2L, d("60.50"), d("16.00"), 1L, 1L, 1L, 4L), // o15
                row("s04", "2018-02-01", 1L, 0L, 1L, 1L, d("35.00"), d("7.50"), 1L, 1L, 1L, 4L), // o20
                row("s04", "2018-03-01", 1L, 0L, 1L, 1L, d("25.50"), d("8.50"), 0L, 0L, 0L, null), // o26
                row("s05", "2017-09-01", 1L, 1L, 0L, 0L, d("0.00"), d("0.00"), 0L, 0L, 0L, null), // o04, canceled
                row("s05", "2017-11-01", 1L, 0L, 1L, 1L, d("399.00"), d("25.10"), 1L, 0L, 1L, 2L), // o13, late
                row("s05", "2018-01-01", 1L, 0L, 1L, 1L, d("199.00"), d("21.00"), 0L, 0L, 1L, 3L), // o16
                row("s05", "2018-03-01", 1L, 0L, 1L, 1L, d("399.00"), d("25.00"), 0L, 0L, 0L, null), // o24
                row("s05", "2018-04-01", 1L, 0L, 1L, 1L, d("199.00"), d("21.00"), 1L, 1L, 1L, 5L), // o27's pr04
                row("s06", "2017-10-01", 1L, 0L, 1L, 1L, d("1500.00"), d("45.00"), 1L, 1L, 1L, 5L), // o08
                row("s06", "2018-02-01", 1L, 0L, 1L, 1L, d("1500.00"), d("45.00"), 1L, 1L, 1L, 5L))); // o21
        // Summed over the months, each seller's figures are the scorecard's.
        List<String> measures = List.of("orders_placed", "canceled_orders", "orders", "items", "gross_merchandise_value",
                "freight_value", "delivered_orders", "on_time_orders", "reviewed_orders", "review_score_sum");
        assertRows("mart_seller_monthly summed", query("select seller_id, " + measures.stream()
                .map(measure -> "cast(sum(" + measure + ") as decimal(38, 2))").collect(Collectors.joining(", "))
                + " from mart.mart_seller_monthly group by seller_id order by seller_id"),
                query("select seller_id, " + measures.stream()
                        .map(measure -> "cast(" + measure + " as decimal(38, 2))").collect(Collectors.joining(", "))
                        + " from mart.mart_seller_scorecard order by seller_id"));
    }

    // ---------------------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------------------

    private static List<List<Object>> query(String sql) {
        return Builds.query(build.connection(), sql);
    }

    /** {@code select <columns> from <table>}, dates cast to varchar (yyyy-mm-dd) so that they compare as text. */
    private static String select(List<String> columns, String table) {
        List<String> dateColumns = query("select column_name from information_schema.columns where table_schema = '"
                + table.substring(0, table.indexOf('.')) + "' and table_name = '" + table.substring(table.indexOf('.') + 1)
                + "' and data_type = 'DATE'").stream().map(row -> (String) row.get(0)).collect(Collectors.toList());
        return "select " + columns.stream()
                .map(column -> dateColumns.contains(column) ? "cast(" + column + " as varchar) as " + column : column)
                .collect(Collectors.joining(", ")) + " from " + table;
    }

    /** The mart has exactly these columns, in this order: every one of them is asserted. */
    private static void assertColumns(String mart, List<String> columns) {
        assertThat(query("select column_name from information_schema.columns where table_schema = 'mart'"
                + " and table_name = '" + mart + "' order by ordinal_position"))
                .as("columns of %s", mart)
                .extracting(row -> row.get(0))
                .containsExactlyElementsOf(columns);
    }

    /**
     * Rows equal cell by cell: a BigDecimal by value (compareTo), anything else by type and equals, so that a
     * Long is never mistaken for an Integer. Every mismatch is reported at once.
     */
    private static void assertRows(String what, List<List<Object>> actual, List<List<Object>> expected) {
        assertThat(actual).as("%s: number of rows", what).hasSize(expected.size());
        SoftAssertions softly = new SoftAssertions();
        for (int r = 0; r < expected.size(); r++) {
            List<Object> expectedRow = expected.get(r);
            List<Object> actualRow = actual.get(r);
            softly.assertThat(actualRow).as("%s row %d: number of columns", what, r + 1).hasSize(expectedRow.size());
            for (int c = 0; c < Math.min(expectedRow.size(), actualRow.size()); c++) {
                Object expectedValue = expectedRow.get(c);
                Object actualValue = actualRow.get(c);
                String description = String.format("%s row %d (%s) column %d, actual row %s", what, r + 1,
                        expectedRow.get(0) + (expectedRow.size() > 1 ? " " + expectedRow.get(1) : ""), c + 1, actualRow);
                if (expectedValue == null) {
                    softly.assertThat(actualValue).as(description).isNull();
                } else if (expectedValue instanceof BigDecimal expectedDecimal) {
                    if (actualValue instanceof BigDecimal actualDecimal) {
                        softly.assertThat(actualDecimal).as(description).isEqualByComparingTo(expectedDecimal);
                    } else {
                        softly.assertThat(actualValue).as(description).isInstanceOf(BigDecimal.class);
                    }
                } else {
                    softly.assertThat(actualValue).as(description).isInstanceOf(expectedValue.getClass())
                            .isEqualTo(expectedValue);
                }
            }
        }
        softly.assertAll();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A day row of the dashboard with orders on it: its growth is null (the day before had no counted order). */
    private static List<Object> day(String date, long orders, String gmv, String freight, String revenue,
            String averageOrderValue, long customers, long activeSellers) {
        return row("day", date, date, orders, d(gmv), d(freight), d(revenue),
                averageOrderValue == null ? null : d(averageOrderValue), customers, activeSellers, null, null);
    }

    /** A day row of the dashboard without any counted order. */
    private static List<Object> zeroDay(String date, BigDecimal gmvGrowth, BigDecimal ordersGrowth) {
        return row("day", date, date, 0L, d("0.00"), d("0.00"), d("0.00"), null, 0L, 0L, gmvGrowth, ordersGrowth);
    }
}
