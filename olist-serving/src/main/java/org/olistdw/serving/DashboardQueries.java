package org.olistdw.serving;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries of the six dashboards, reading only the marts (the products dashboard's top products from
 * {@code mart.mart_product_totals} and, for a period, {@code mart.mart_product_monthly}). Filter values are bound
 * parameters; the SQL text is made of constant fragments. Figures are the marts' own values, or sums of their
 * additive measures over the rows a filter keeps, with the warehouse's own macros ({@code average_brl},
 * {@code share_of}) for the averages and shares of those sums.
 */
final class DashboardQueries {

    private DashboardQueries() {
    }

    static Report report(Dashboard dashboard, Filters filters, Connection connection, String warehouse)
            throws SQLException {
        Map<String, Object> kpis = new LinkedHashMap<>();
        Map<String, Report.Table> tables = new LinkedHashMap<>();
        switch (dashboard) {
            case EXECUTIVE -> executive(filters, connection, kpis, tables);
            case CUSTOMERS -> customers(filters, connection, kpis, tables);
            case PRODUCTS -> products(filters, connection, kpis, tables);
            case SELLERS -> sellers(filters, connection, kpis, tables);
            case DELIVERY -> delivery(filters, connection, kpis, tables);
            case GEOGRAPHY -> geography(filters, connection, kpis, tables);
            default -> throw new IllegalArgumentException("no queries for " + dashboard);
        }
        return new Report(dashboard, filters, warehouse, kpis, tables);
    }

    /** The product categories the warehouse's marts name, for the category filter. */
    static List<String> categories(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> row : query(connection, """
                select distinct product_category_name as category
                from mart.mart_product_performance
                order by category""", List.of()).rows()) {
            names.add((String) row.get("category"));
        }
        return names;
    }

    private static void executive(Filters filters, Connection connection, Map<String, Object> kpis,
                                  Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = new Filters.Where()
                .always("period_grain = 'month'")
                .and("period_start >= cast(? as date)", filters.fromDay())
                .and("period_start < cast(? as date)", filters.endDayExclusive());
        kpis.putAll(single(query(connection, """
                select
                    sum(orders) as orders,
                    sum(revenue) as revenue,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    average_brl(sum(revenue), sum(orders)) as average_order_value
                from mart.mart_executive_dashboard
                """ + where.sql(), where.values())));
        tables.put("months", query(connection, """
                select
                    period_start as month,
                    orders,
                    revenue,
                    gross_merchandise_value,
                    average_order_value,
                    customers,
                    active_sellers,
                    gmv_growth_pct,
                    orders_growth_pct
                from mart.mart_executive_dashboard
                """ + where.sql() + "\norder by period_start", where.values()).titled("By month"));
    }

    private static void customers(Filters filters, Connection connection, Map<String, Object> kpis,
                                  Map<String, Report.Table> tables) throws SQLException {
        Filters.Where people = new Filters.Where()
                .and("customer_state = ?", filters.state())
                .and("first_order_date >= cast(? as date)", filters.fromDay())
                .and("first_order_date < cast(? as date)", filters.endDayExclusive());
        kpis.putAll(single(query(connection, """
                select
                    count(*) as customers,
                    count(*) filter (where orders > 1) as repeat_customers,
                    sum(orders) as orders,
                    sum(revenue) as revenue
                from mart.mart_customer_analytics
                """ + people.sql(), people.values())));
        tables.put("segments", query(connection, """
                select
                    rfm_segment,
                    count(*) as customers,
                    sum(orders) as orders,
                    sum(revenue) as revenue,
                    average_brl(sum(revenue), sum(orders)) as average_order_value
                from mart.mart_customer_analytics
                """ + people.sql() + """

                group by rfm_segment
                order by customers desc, rfm_segment""", people.values()).titled("RFM segments"));
        Filters.Where cohorts = new Filters.Where()
                .and("cohort_month >= cast(? as date)", filters.fromDay())
                .and("cohort_month < cast(? as date)", filters.endDayExclusive());
        tables.put("cohorts", query(connection, """
                select
                    cohort_month,
                    max(cohort_customers) as cohort_customers,
                    max(retention_rate) filter (where months_since_first_order = 1) as retention_month_1,
                    max(retention_rate) filter (where months_since_first_order = 2) as retention_month_2,
                    max(retention_rate) filter (where months_since_first_order = 3) as retention_month_3,
                    max(retention_rate) filter (where months_since_first_order = 6) as retention_month_6,
                    max(retention_rate) filter (where months_since_first_order = 12) as retention_month_12,
                    sum(revenue) as revenue
                from mart.mart_customer_cohorts
                """ + cohorts.sql() + """

                group by cohort_month
                order by cohort_month""", cohorts.values()).titled("Cohorts (all states): retention by month since the first order"));
    }

    private static void products(Filters filters, Connection connection, Map<String, Object> kpis,
                                 Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = new Filters.Where()
                .and("product_category_name = ?", filters.category())
                .and("purchase_month >= cast(? as date)", filters.fromDay())
                .and("purchase_month < cast(? as date)", filters.endDayExclusive());
        kpis.putAll(single(query(connection, """
                select
                    sum(items) as items,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    sum(revenue) as revenue,
                    average_brl(sum(gross_merchandise_value), sum(items)) as average_price
                from mart.mart_product_performance
                """ + where.sql(), where.values())));
        tables.put("categories", query(connection, """
                select
                    product_category_name as category,
                    product_category_name_english as category_english,
                    sum(orders) as orders,
                    sum(items) as items,
                    sum(products) as products_by_month,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    sum(revenue) as revenue
                from mart.mart_product_performance
                """ + where.sql() + """

                group by product_category_name, product_category_name_english
                order by gross_merchandise_value desc, category
                limit 20""", where.values()).titled("Top categories by GMV"));
        tables.put("months", query(connection, """
                select
                    purchase_month,
                    sum(items) as items,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    sum(revenue) as revenue
                from mart.mart_product_performance
                """ + where.sql() + """

                group by purchase_month
                order by purchase_month""", where.values()).titled("By month"));
        tables.put("products", topProducts(filters, connection).titled("Top products by GMV"));
        Filters.Where reviews = new Filters.Where().and("product_category_name = ?", filters.category());
        tables.put("reviews", query(connection, """
                select
                    review_score,
                    sum(orders) as category_orders
                from mart.mart_review_scores
                """ + reviews.sql() + """

                group by review_score
                order by review_score""", reviews.values()).titled("Review scores (every month)"));
    }

    /**
     * The ten products with the highest GMV, then by product_id: one row per product and category (the category
     * of the version sold, so a product that changed category has a row for each). Over every month they are
     * the rows of {@code mart_product_totals} ranked ten or better (overall, or within the category filtered
     * on); for a period, the sums of the period's rows of {@code mart_product_monthly}. Both give the same rows.
     */
    private static Report.Table topProducts(Filters filters, Connection connection) throws SQLException {
        if (filters.from().isEmpty() && filters.to().isEmpty()) {
            Filters.Where ranked = new Filters.Where()
                    .always(filters.category().isPresent() ? "category_gmv_rank <= 10" : "gmv_rank <= 10")
                    .and("product_category_name = ?", filters.category());
            return query(connection, """
                    select
                        product_id,
                        product_category_name as category,
                        items,
                        gross_merchandise_value,
                        revenue
                    from mart.mart_product_totals
                    """ + ranked.sql() + """

                    order by gross_merchandise_value desc, product_id
                    limit 10""", ranked.values());
        }
        Filters.Where months = new Filters.Where()
                .and("product_category_name = ?", filters.category())
                .and("purchase_month >= cast(? as date)", filters.fromDay())
                .and("purchase_month < cast(? as date)", filters.endDayExclusive());
        return query(connection, """
                select
                    product_id,
                    product_category_name as category,
                    cast(sum(items) as bigint) as items,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    sum(revenue) as revenue
                from mart.mart_product_monthly
                """ + months.sql() + """

                group by product_id, category_key, product_category_name
                order by gross_merchandise_value desc, product_id
                limit 10""", months.values());
    }

    private static void sellers(Filters filters, Connection connection, Map<String, Object> kpis,
                                Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = new Filters.Where().and("seller_state = ?", filters.state());
        kpis.putAll(single(query(connection, """
                select
                    count(*) as sellers,
                    count(*) filter (where orders > 0) as active_sellers,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    share_of(sum(on_time_orders), sum(delivered_orders)) as on_time_rate
                from mart.mart_seller_scorecard
                """ + where.sql(), where.values())));
        tables.put("sellers", query(connection, """
                select
                    revenue_rank,
                    seller_id,
                    seller_city,
                    seller_state,
                    orders,
                    items,
                    gross_merchandise_value,
                    delivered_orders,
                    on_time_rate,
                    average_review_score,
                    cancellation_rate
                from mart.mart_seller_scorecard
                """ + where.sql() + """

                order by revenue_rank, seller_id
                limit 25""", where.values()).titled("Top sellers by GMV"));
    }

    private static void delivery(Filters filters, Connection connection, Map<String, Object> kpis,
                                 Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = new Filters.Where()
                .and("customer_state = ?", filters.state())
                .and("purchase_month >= cast(? as date)", filters.fromDay())
                .and("purchase_month < cast(? as date)", filters.endDayExclusive());
        kpis.putAll(single(query(connection, """
                select
                    sum(delivered_orders) as delivered_orders,
                    sum(late_orders) as late_orders,
                    share_of(sum(on_time_orders), sum(delivered_orders)) as on_time_rate
                from mart.mart_delivery_metrics
                """ + where.sql(), where.values())));
        tables.put("months", query(connection, """
                select
                    purchase_month,
                    sum(delivered_orders) as delivered_orders,
                    sum(on_time_orders) as on_time_orders,
                    sum(late_orders) as late_orders,
                    share_of(sum(on_time_orders), sum(delivered_orders)) as on_time_rate
                from mart.mart_delivery_metrics
                """ + where.sql() + """

                group by purchase_month
                order by purchase_month""", where.values()).titled("By month of purchase"));
        Filters.Where states = new Filters.Where().and("state = ?", filters.state());
        tables.put("states", query(connection, """
                select
                    state,
                    region,
                    delivered_orders,
                    late_orders,
                    average_delivery_days,
                    p90_delivery_days,
                    average_days_versus_estimate
                from mart.mart_delivery_by_state
                """ + states.sql() + """

                order by p90_delivery_days desc, state""", states.values()).titled("By state (every month)"));
    }

    private static void geography(Filters filters, Connection connection, Map<String, Object> kpis,
                                  Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = new Filters.Where()
                .always("geography.geo_level = 'state'")
                .and("geography.state = ?", filters.state());
        kpis.putAll(single(query(connection, """
                select
                    sum(orders) as orders,
                    sum(revenue) as revenue
                from mart.mart_geographic_analysis as geography
                """ + where.sql(), where.values())));
        tables.put("states", query(connection, """
                select
                    geography.state,
                    geography.region,
                    geography.customers,
                    geography.orders,
                    geography.revenue,
                    geography.average_order_value,
                    geography.freight_share,
                    delivery.delivered_orders,
                    delivery.late_orders,
                    delivery.average_delivery_days,
                    delivery.p90_delivery_days
                from mart.mart_geographic_analysis as geography
                left join mart.mart_delivery_by_state as delivery
                    on delivery.state = geography.state
                """ + where.sql() + """

                order by geography.revenue desc, geography.state""", where.values()).titled("By state"));
    }

    private static Map<String, Object> single(Report.Table table) {
        return table.rows().isEmpty() ? Map.of() : table.rows().get(0);
    }

    static Report.Table query(Connection connection, String sql, List<Object> values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                statement.setString(i + 1, (String) values.get(i));
            }
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnLabel(i));
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.put(columns.get(i - 1), value(result.getObject(i)));
                    }
                    rows.add(row);
                }
                return new Report.Table("", columns, rows);
            }
        }
    }

    /** Dates as ISO text; numbers and text as the driver gives them. */
    private static Object value(Object value) {
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof java.time.temporal.TemporalAccessor temporal) {
            return temporal.toString();
        }
        return value;
    }
}
