package org.olistdw.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboards served over a real warehouse, built and published from the hand-made star fixture of the
 * DuckDB adapter's tests; every figure is compared with a query of its own on the marts, and the fixture's
 * totals worked out by hand: its 27 counted orders make 6772.70 BRL of revenue, and 2017-11 holds four of
 * them (o09 42.50, o10 95.00, o11 370.00, o13 424.10 = 931.60).
 */
class DashboardServerTest {

    @TempDir
    static Path directory;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static DashboardServer server;

    @BeforeAll
    static void publishTheFixtureAndServeIt() {
        Path published = directory.resolve("work/warehouse.duckdb");
        Warehouses.publish(published, Warehouses.starFixture(), 1);
        server = DashboardServer.start(published, "127.0.0.1", 0, PageGuard.OPEN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_dashboard_page_and_its_figures_answer_200() throws Exception {
        for (Dashboard dashboard : Dashboard.values()) {
            HttpResponse<String> page = get(server, "/" + dashboard.slug());
            assertThat(page.statusCode()).as(dashboard.slug()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).get().asString().startsWith("text/html");
            JsonNode figures = figures(server, dashboard.slug(), "");
            assertThat(figures.get("dashboard").asText()).isEqualTo(dashboard.slug());
            Iterator<Map.Entry<String, JsonNode>> kpis = figures.get("kpis").fields();
            assertThat(kpis.hasNext()).as("key figures of %s", dashboard.slug()).isTrue();
            while (kpis.hasNext()) {
                Map.Entry<String, JsonNode> kpi = kpis.next();
                assertThat(page.body()).as("%s shows %s", dashboard.slug(), kpi.getKey())
                        .contains("data-kpi=\"" + kpi.getKey() + "\">" + text(kpi.getValue()) + "<");
            }
        }
        assertThat(get(server, "/").body()).contains("href=\"/geography\"");
    }

    @Test
    void executive_figures_equal_the_mart() throws Exception {
        JsonNode figures = figures(server, "executive", "");
        assertThat(text(figures.get("kpis").get("revenue"))).isEqualTo("6772.70");
        assertThat(get(server, "/api/executive").body()).contains("\"revenue\":6772.70,");
        assertThat(text(figures.get("kpis").get("orders"))).isEqualTo("27");
        assertThat(text(figures.get("kpis").get("revenue"))).isEqualTo(single("select revenue from mart.mart_sales_totals"));
        assertRows(figures, "months", """
                select period_start as month, orders, revenue, average_order_value, customers, active_sellers,
                       gmv_growth_pct, orders_growth_pct
                from mart.mart_executive_dashboard where period_grain = 'month' order by period_start""");
        assertThat(get(server, "/executive").body()).contains("<td class=\"number\">931.60</td>");
    }

    @Test
    void a_period_narrows_the_executive_figures_to_its_months() throws Exception {
        JsonNode figures = figures(server, "executive", "from=2017-11&to=2017-11");
        assertThat(text(figures.get("kpis").get("orders"))).isEqualTo("4");
        assertThat(text(figures.get("kpis").get("revenue"))).isEqualTo("931.60");
        assertThat(text(figures.get("kpis").get("average_order_value"))).isEqualTo("232.90");
        assertRows(figures, "months", """
                select period_start as month, orders, revenue from mart.mart_executive_dashboard
                where period_grain = 'month' and period_start = date '2017-11-01'""");
        assertThat(figures.get("filters").get("from").asText()).isEqualTo("2017-11");
    }

    @Test
    void a_state_or_a_category_narrows_the_executive_figures_to_the_rows_of_their_mart() throws Exception {
        // Counted orders shipped to SP: o01 60.00, o06 100.00, o10 95.00, o15 76.50, o16 220.00, o23 270.00,
        // o25 135.00, o29 35.00 = 991.50 in 8 orders.
        JsonNode sp = figures(server, "executive", "state=SP");
        assertThat(text(sp.get("kpis").get("orders"))).isEqualTo("8");
        assertThat(text(sp.get("kpis").get("revenue"))).isEqualTo("991.50");
        assertRows(sp, "months", """
                select purchase_month as month, orders, revenue, gross_merchandise_value, average_order_value,
                       customers, active_sellers
                from mart.mart_sales_by_state_category
                where by_state and not by_category and customer_state = 'SP' order by purchase_month""");
        assertThat(sp.get("tables").get("months").get("columns").toString()).doesNotContain("growth");
        // beleza_saude (health_beauty): 8 items of 6 counted orders, 319.60 + 60.40 = 380.00.
        JsonNode beauty = figures(server, "executive", "category=beleza_saude");
        assertThat(text(beauty.get("kpis").get("orders"))).isEqualTo("6");
        assertThat(text(beauty.get("kpis").get("gross_merchandise_value"))).isEqualTo("319.60");
        assertThat(text(beauty.get("kpis").get("revenue"))).isEqualTo("380.00");
        assertRows(beauty, "months", """
                select purchase_month as month, orders, revenue, customers from mart.mart_sales_by_state_category
                where not by_state and by_category and product_category_name = 'beleza_saude' order by 1""");
        // Both, and a period: SP's beleza items are o01 60.00, o10 95.00, o25 35.00, o29 35.00; 2017-11 only o10.
        JsonNode both = figures(server, "executive", "state=SP&category=beleza_saude");
        assertThat(text(both.get("kpis").get("orders"))).isEqualTo("4");
        assertThat(text(both.get("kpis").get("revenue"))).isEqualTo("225.00");
        JsonNode november = figures(server, "executive", "state=SP&category=beleza_saude&from=2017-11&to=2017-11");
        assertThat(text(november.get("kpis").get("revenue"))).isEqualTo("95.00");
        assertRows(november, "months", """
                select purchase_month as month, orders, revenue from mart.mart_sales_by_state_category
                where by_state and by_category and customer_state = 'SP' and product_category_name = 'beleza_saude'
                    and purchase_month = date '2017-11-01'""");
        assertThat(get(server, "/executive?state=SP&category=beleza_saude").body())
                .contains("data-kpi=\"revenue\">225.00<").contains("growth only without a state or category");
    }

    @Test
    void the_executive_figures_without_filters_are_the_same_from_either_mart() {
        String measures = "orders, gross_merchandise_value, freight_value, revenue, average_order_value, customers,"
                + " active_sellers";
        assertThat(rows("select purchase_month as month, " + measures + " from mart.mart_sales_by_state_category"
                + " where not by_state and not by_category order by 1"))
                .hasSize(7)
                .isEqualTo(rows("select period_start as month, " + measures + " from mart.mart_executive_dashboard"
                        + " where period_grain = 'month' and orders > 0 order by 1"));
    }

    @Test
    void customer_figures_equal_the_marts() throws Exception {
        JsonNode figures = figures(server, "customers", "");
        assertRows(figures, "segments", """
                select rfm_segment, count(*) as customers, sum(orders) as orders, sum(revenue) as revenue
                from mart.mart_customer_analytics group by rfm_segment order by customers desc, rfm_segment""");
        assertRows(figures, "cohorts", """
                select cohorts.cohort_month, cohorts.cohort_customers, one_month.retention_rate as retention_month_1
                from (select distinct cohort_month, cohort_customers from mart.mart_customer_cohorts) as cohorts
                left join mart.mart_customer_cohorts as one_month
                    on one_month.cohort_month = cohorts.cohort_month and one_month.months_since_first_order = 1
                order by cohorts.cohort_month""");
        assertThat(text(figures.get("kpis").get("customers"))).isEqualTo(single("select customers from mart.mart_sales_totals"));

        JsonNode sp = figures(server, "customers", "state=SP");
        assertRows(sp, "segments", """
                select rfm_segment, count(*) as customers, sum(revenue) as revenue from mart.mart_customer_analytics
                where customer_state = 'SP' group by rfm_segment order by customers desc, rfm_segment""");
        assertThat(sp.get("kpis").get("customers").asLong()).isLessThan(figures.get("kpis").get("customers").asLong());
    }

    @Test
    void a_state_narrows_the_product_categories_to_the_orders_shipped_there() throws Exception {
        // The items of the counted orders shipped to SP total 991.50 with freight (see the executive test), those of
        // beleza_saude among them 225.00: o01 60.00, o10 95.00, o25 35.00, o29 35.00.
        JsonNode sp = figures(server, "products", "state=SP");
        assertThat(text(sp.get("kpis").get("revenue"))).isEqualTo("991.50");
        assertRows(sp, "categories", """
                select product_category_name as category, sum(orders) as orders, sum(items) as items,
                       sum(gross_merchandise_value) as gross_merchandise_value, sum(revenue) as revenue
                from mart.mart_sales_by_state_category
                where by_state and by_category and customer_state = 'SP'
                group by all order by 4 desc, 1 limit 20""");
        assertRows(sp, "months", """
                select purchase_month, sum(items) as items, sum(revenue) as revenue
                from mart.mart_sales_by_state_category
                where by_state and by_category and customer_state = 'SP' group by all order by 1""");
        assertThat(sp.get("tables").get("products").get("rows"))
                .as("the top products are those of every state").isEqualTo(
                        figures(server, "products", "").get("tables").get("products").get("rows"));
        JsonNode beauty = figures(server, "products", "state=SP&category=beleza_saude");
        assertThat(text(beauty.get("kpis").get("revenue"))).isEqualTo("225.00");
        assertThat(beauty.get("tables").get("categories").get("rows")).hasSize(1);
        assertThat(get(server, "/products?state=SP").body()).contains("of the orders shipped to the state")
                .contains("Top products by GMV (every state)");
        assertThat(get(server, "/api/products?state=ZZ").statusCode()).isEqualTo(400);
    }

    @Test
    void product_figures_equal_the_marts_and_a_category_narrows_them() throws Exception {
        JsonNode figures = figures(server, "products", "");
        assertThat(text(figures.get("kpis").get("gross_merchandise_value")))
                .isEqualTo(single("select gross_merchandise_value from mart.mart_sales_totals"));
        assertRows(figures, "categories", """
                select product_category_name as category, sum(gross_merchandise_value) as gross_merchandise_value
                from mart.mart_product_performance group by all order by 2 desc, 1 limit 20""");
        String category = single("""
                select product_category_name from mart.mart_product_performance
                group by all order by sum(gross_merchandise_value) desc, 1 limit 1""");
        JsonNode one = figures(server, "products", "category=" + URLEncoder.encode(category, StandardCharsets.UTF_8));
        assertThat(one.get("tables").get("categories").get("rows")).hasSize(1);
        assertThat(text(one.get("kpis").get("gross_merchandise_value"))).isEqualTo(single(
                "select sum(gross_merchandise_value) from mart.mart_product_performance where product_category_name = '"
                        + category + "'"));
        assertRows(one, "months", "select purchase_month, items, gross_merchandise_value, revenue "
                + "from mart.mart_product_performance where product_category_name = '" + category + "' order by 1");
        assertRows(one, "products", "select items.product_id, sum(items.price) as gross_merchandise_value "
                + "from core.fact_order_items as items join core.dim_category using (category_key) "
                + "where items.counts_as_revenue and product_category_name = '" + category + "' "
                + "group by all order by 2 desc, 1 limit 10");
        assertThat(single("select sum(price) from core.fact_order_items join core.dim_category using (category_key) "
                + "where counts_as_revenue and product_category_name = '" + category + "'"))
                .as("the category's products add up to its GMV in the mart")
                .isEqualTo(text(one.get("kpis").get("gross_merchandise_value")));
        JsonNode period = figures(server, "products", "from=2017-11&to=2017-11");
        assertRows(period, "products", """
                select product_id, count(*) as items, sum(price) as gross_merchandise_value
                from core.fact_order_items
                where counts_as_revenue and order_purchase_timestamp >= date '2017-11-01'
                    and order_purchase_timestamp < date '2017-12-01'
                group by all order by 3 desc, 1 limit 10""");
        assertThat(text(period.get("kpis").get("gross_merchandise_value"))).isEqualTo("853.80");
        assertRows(one, "reviews", "select review_score, orders as category_orders from mart.mart_review_scores "
                + "where product_category_name = '" + category + "' order by 1");
    }

    @Test
    void seller_figures_equal_the_scorecard_and_a_state_narrows_them() throws Exception {
        assertRows(figures(server, "sellers", ""), "sellers", """
                select revenue_rank, seller_id, gross_merchandise_value, on_time_rate, cancellation_rate
                from mart.mart_seller_scorecard order by revenue_rank, seller_id limit 25""");
        JsonNode sp = figures(server, "sellers", "state=sp");
        assertRows(sp, "sellers", """
                select seller_id, seller_state, gross_merchandise_value from mart.mart_seller_scorecard
                where seller_state = 'SP' order by revenue_rank, seller_id""");
        assertThat(text(sp.get("kpis").get("sellers")))
                .isEqualTo(single("select count(*) from mart.mart_seller_scorecard where seller_state = 'SP'"));
    }

    @Test
    void a_period_narrows_the_sellers_to_their_months_and_ranks_them_within_it() throws Exception {
        // 2018-01..2018-02: s06 o21 1500.00; s05 o16 199.00; s01 o19 79.90; s04 o15 60.50 + o20 35.00 = 95.50;
        // s03 o14 120.00; s02 o18 15.00.
        JsonNode period = figures(server, "sellers", "from=2018-01&to=2018-02");
        assertThat(text(period.get("kpis").get("gross_merchandise_value"))).isEqualTo("2009.40");
        assertThat(text(period.get("kpis").get("active_sellers"))).isEqualTo("6");
        assertRows(period, "sellers", """
                select cast(rank() over (order by sum(gross_merchandise_value) desc) as integer) as revenue_rank,
                       seller_id, sum(orders) as orders, sum(items) as items,
                       sum(gross_merchandise_value) as gross_merchandise_value,
                       share_of(sum(on_time_orders), sum(delivered_orders)) as on_time_rate
                from mart.mart_seller_monthly
                where purchase_month >= date '2018-01-01' and purchase_month < date '2018-03-01'
                group by seller_id order by revenue_rank, seller_id""");
        assertThat(period.get("tables").get("sellers").get("rows").get(0).get("seller_id").asText()).isEqualTo("s06");
        // SP sellers (s01 sao paulo, s02 campinas) in 2017-11: only s01 (o10 79.90, o11 89.90), ranked first.
        JsonNode sp = figures(server, "sellers", "state=SP&from=2017-11&to=2017-11");
        assertRows(sp, "sellers", """
                select 1 as revenue_rank, 's01' as seller_id, 'SP' as seller_state, 169.80 as gross_merchandise_value,
                       4.50 as average_review_score""");
        assertThat(text(sp.get("kpis").get("gross_merchandise_value"))).isEqualTo(single(
                "select sum(monthly.gross_merchandise_value) from mart.mart_seller_monthly as monthly"
                        + " join mart.mart_seller_scorecard using (seller_id)"
                        + " where seller_state = 'SP' and purchase_month = date '2017-11-01'"));
    }

    @Test
    void a_category_narrows_the_delivery_figures_to_its_orders() throws Exception {
        // beleza_saude: delivered o01, o10, o19, o25, all on time; o28, o29 not delivered.
        JsonNode beauty = figures(server, "delivery", "category=beleza_saude");
        assertThat(text(beauty.get("kpis").get("delivered_orders"))).isEqualTo("4");
        assertThat(text(beauty.get("kpis").get("late_orders"))).isEqualTo("0");
        assertRows(beauty, "months", """
                select purchase_month, delivered_orders, on_time_orders, late_orders
                from mart.mart_sales_by_state_category
                where by_category and not by_state and product_category_name = 'beleza_saude' order by 1""");
        // telefonia in PA: o13, late.
        JsonNode pa = figures(server, "delivery", "category=telefonia&state=PA");
        assertThat(text(pa.get("kpis").get("late_orders"))).isEqualTo("1");
        assertRows(pa, "states", """
                select customer_state as state, delivered_orders, late_orders from mart.mart_sales_by_state_category
                where by_state and by_category and customer_state = 'PA' and product_category_name = 'telefonia'""");
        assertThat(pa.get("tables").get("states").get("columns").toString()).doesNotContain("p90");
    }

    @Test
    void delivery_figures_equal_the_marts_and_a_state_narrows_them() throws Exception {
        JsonNode figures = figures(server, "delivery", "");
        assertRows(figures, "states", """
                select state, delivered_orders, late_orders, p90_delivery_days, average_days_versus_estimate
                from mart.mart_delivery_by_state order by p90_delivery_days desc, state""");
        assertThat(text(figures.get("kpis").get("delivered_orders")))
                .isEqualTo(single("select sum(delivered_orders) from mart.mart_delivery_by_state"));
        JsonNode sp = figures(server, "delivery", "state=SP&from=2017-01&to=2018-12");
        assertRows(sp, "months", """
                select purchase_month, delivered_orders, on_time_orders, late_orders, on_time_rate
                from mart.mart_delivery_metrics where customer_state = 'SP' order by purchase_month""");
        assertRows(sp, "states", "select state, p90_delivery_days from mart.mart_delivery_by_state where state = 'SP'");
    }

    @Test
    void geography_figures_equal_the_mart() throws Exception {
        JsonNode figures = figures(server, "geography", "");
        assertRows(figures, "states", """
                select state, customers, orders, revenue, freight_share from mart.mart_geographic_analysis
                where geo_level = 'state' order by revenue desc, state""");
        assertThat(text(figures.get("kpis").get("revenue"))).isEqualTo("6772.70");
        JsonNode rj = figures(server, "geography", "state=RJ");
        assertRows(rj, "states", "select state, revenue, p90_delivery_days from mart.mart_geographic_analysis "
                + "join mart.mart_delivery_by_state using (state, region) where state = 'RJ' and geo_level = 'state'");
        assertThat(get(server, "/geography").body()).contains("class=\"bar\" style=\"width:100%\"");
    }

    @Test
    void a_period_or_a_category_narrows_the_geography_to_the_rows_of_their_mart() throws Exception {
        // 2018-02: o18 MG 20.10, o19 RJ 95.00, o20 PR 42.50, o21 RS 1545.00.
        JsonNode february = figures(server, "geography", "from=2018-02&to=2018-02");
        assertThat(text(february.get("kpis").get("revenue"))).isEqualTo("1702.60");
        assertRows(february, "states", """
                select customer_state as state, orders, revenue, average_order_value, delivered_orders
                from mart.mart_sales_by_state_category
                where by_state and not by_category and purchase_month = date '2018-02-01'
                order by revenue desc, state""");
        assertThat(february.get("tables").get("states").get("columns").toString())
                .doesNotContain("customers").doesNotContain("p90");
        // beleza_saude by state over every month: SP o01, o10, o25, o29 = 225.00; RJ o19 95.00; GO o28 60.00.
        JsonNode beauty = figures(server, "geography", "category=beleza_saude");
        assertThat(text(beauty.get("kpis").get("revenue"))).isEqualTo("380.00");
        assertRows(beauty, "states", """
                select customer_state as state, sum(orders) as orders, sum(revenue) as revenue,
                       share_of(sum(freight_value), sum(revenue)) as freight_share
                from mart.mart_sales_by_state_category
                where by_state and by_category and product_category_name = 'beleza_saude'
                group by all order by revenue desc, state""");
        assertThat(beauty.get("tables").get("states").get("rows").get(0).get("revenue").decimalValue())
                .isEqualByComparingTo("225.00");
        JsonNode sp = figures(server, "geography", "category=beleza_saude&state=SP&from=2017-09&to=2017-11");
        assertThat(text(sp.get("kpis").get("revenue"))).isEqualTo("155.00");
    }

    @Test
    void invalid_filters_are_refused_with_400_and_a_reason() throws Exception {
        assertRefused("/delivery?state=XX", "unknown state 'XX'");
        assertRefused("/api/delivery?state=XX", "unknown state 'XX'");
        assertRefused("/api/geography?state=" + URLEncoder.encode("SP' or '1'='1", StandardCharsets.UTF_8),
                "unknown state");
        assertRefused("/api/executive?from=2017-13", "filter 'from' must be a month as yyyy-MM");
        assertRefused("/api/executive?from=2018-02&to=2018-01", "the period ends (to 2018-01) before it starts");
        assertRefused("/api/sellers?category=beleza_saude", "the sellers dashboard has no filter 'category'");
        assertRefused("/api/sellers?from=2018-1", "filter 'from' must be a month as yyyy-MM");
        assertRefused("/api/sellers?state=ZZ", "unknown state 'ZZ'");
        assertRefused("/api/executive?state=XX", "unknown state 'XX'");
        assertRefused("/api/executive?category=no_such_category", "unknown category 'no_such_category'");
        assertRefused("/api/geography?to=2018-02&from=2018-03", "the period ends (to 2018-02) before it starts");
        assertRefused("/api/geography?category=" + URLEncoder.encode("x' or '1'='1", StandardCharsets.UTF_8),
                "unknown category");
        assertRefused("/api/delivery?category=no_such_category", "unknown category 'no_such_category'");
        assertRefused("/api/customers?category=beleza_saude", "the customers dashboard has no filter 'category'");
        assertRefused("/api/products?category=no_such_category", "unknown category 'no_such_category'");
        assertRefused("/api/executive?from=2017-11&from=2017-12", "filter 'from' given 2 times");
        assertThat(get(server, "/no-such-dashboard").statusCode()).isEqualTo(404);
    }

    @Test
    void the_chart_library_and_the_assets_come_from_the_jar() throws Exception {
        HttpResponse<String> chart = get(server, "/assets/vendor/chart.js/chart.umd.min.js");
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("Chart.js v4");
        assertThat(get(server, "/assets/dashboards.js").statusCode()).isEqualTo(200);
        assertThat(get(server, "/assets/dashboards.css").statusCode()).isEqualTo(200);
        assertThat(get(server, "/assets/vendor/chart.js/LICENSE.md").body()).contains("MIT");
        String page = get(server, "/executive").body();
        assertThat(page).contains("<script src=\"/assets/vendor/chart.js/chart.umd.min.js\"></script>")
                .doesNotContain("http://").doesNotContain("https://");
    }

    @Test
    void the_warehouse_is_opened_read_only() {
        assertThatThrownBy(() -> server.served().read(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute("create table mart.written_by_a_reader (i integer)");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThat(single("select readonly from duckdb_databases() where database_name = '"
                + ServedWarehouse.WAREHOUSE + "'")).as("the published file is attached read-only").isEqualTo("true");
        assertThat(single("select current_setting('enable_external_access')")).as("no file reads or writes")
                .isEqualTo("false");
    }

    @Test
    void a_newly_published_warehouse_is_served_without_a_restart() throws Exception {
        Path published = directory.resolve("republished/warehouse.duckdb");
        try (DashboardServer republished = DashboardServer.start(published, "127.0.0.1", 0, PageGuard.OPEN)) {
            HttpResponse<String> none = get(republished, "/api/executive");
            assertThat(none.statusCode()).isEqualTo(503);
            assertThat(none.body()).contains("no warehouse published at");

            Warehouses.publish(published, Warehouses.starFixture(), 1);
            assertThat(text(figures(republished, "executive", "").get("kpis").get("revenue"))).isEqualTo("6772.70");

            Warehouses.publish(published, Warehouses.generated(0.01, 7, directory.resolve("sample")), 2);
            JsonNode after = figures(republished, "executive", "");
            String expected = republished.served().read(connection -> {
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("select revenue from mart.mart_sales_totals")) {
                    result.next();
                    return result.getBigDecimal(1).toPlainString();
                }
            });
            assertThat(text(after.get("kpis").get("revenue"))).isEqualTo(expected).isNotEqualTo("6772.70");
        }
    }

    @Test
    void the_guard_decides_on_every_request_before_anything_is_read() throws Exception {
        List<String> seen = new ArrayList<>();
        PageGuard sellersForbidden = request -> {
            seen.add(request.method() + " " + request.path() + " " + request.dashboard().map(Dashboard::slug).orElse("-"));
            return request.dashboard().filter(dashboard -> dashboard == Dashboard.SELLERS)
                    .map(dashboard -> new PageGuard.Refusal(403, "not allowed to see " + dashboard.slug()));
        };
        try (DashboardServer guarded = DashboardServer.start(directory.resolve("nowhere.duckdb"), "127.0.0.1", 0,
                sellersForbidden)) {
            HttpResponse<String> refused = get(guarded, "/api/sellers");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("not allowed to see sellers");
            assertThat(get(guarded, "/sellers").statusCode()).isEqualTo(403);
            assertThat(get(guarded, "/delivery").statusCode()).isEqualTo(503);
            assertThat(get(guarded, "/assets/dashboards.js").statusCode()).isEqualTo(200);
        }
        assertThat(seen).contains("GET /api/sellers sellers", "GET /delivery delivery", "GET /assets/dashboards.js -");
    }

    private static void assertRefused(String path, String reason) throws Exception {
        HttpResponse<String> response = get(server, path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.body()).as(path).contains(reason);
    }

    /** The JSON table's rows, restricted to the columns of {@code sql}, equal the rows of {@code sql}. */
    private static void assertRows(JsonNode figures, String table, String sql) {
        List<Map<String, String>> expected = rows(sql);
        assertThat(expected).as("rows of %s", sql).isNotEmpty();
        List<Map<String, String>> actual = new ArrayList<>();
        for (JsonNode row : figures.get("tables").get(table).get("rows")) {
            Map<String, String> values = new LinkedHashMap<>();
            expected.get(0).keySet().forEach(column -> {
                assertThat(row.has(column)).as("%s has %s", table, column).isTrue();
                values.put(column, text(row.get(column)));
            });
            actual.add(values);
        }
        assertThat(actual).as(table).isEqualTo(expected);
    }

    private static List<Map<String, String>> rows(String sql) {
        return server.served().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                ResultSetMetaData meta = result.getMetaData();
                List<Map<String, String>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object value = result.getObject(i);
                        row.put(meta.getColumnLabel(i), value == null ? null
                                : value instanceof java.math.BigDecimal decimal ? decimal.toPlainString()
                                : value.toString());
                    }
                    rows.add(row);
                }
                return rows;
            }
        });
    }

    private static String single(String sql) {
        return rows(sql).get(0).values().iterator().next();
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
    }

    private static JsonNode figures(DashboardServer on, String dashboard, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = get(on, "/api/" + dashboard + (query.isEmpty() ? "" : "?" + query));
        assertThat(response.statusCode()).as("%s?%s: %s", dashboard, query, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> get(DashboardServer on, String path) throws IOException, InterruptedException {
        URI uri = on.address("127.0.0.1").resolve(path);
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

}
