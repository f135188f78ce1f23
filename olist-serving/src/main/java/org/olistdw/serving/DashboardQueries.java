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
        if (filters.state().isPresent() || filters.category().isPresent()) {
            executiveOfStateOrCategory(filters, connection, kpis, tables);
            return;
        }
        Filters.Where where = new Filters.Where()
                .always("period_grain = 'month'")
                .inPeriod("period_start", filters);
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

    /**
     * The executive figures of a state, a category or both: the rows of {@code mart_sales_by_state_category}
     * grouped by exactly the filters given, so that each month's distinct counts are that combination's own.
     * Growth is left out: the months of a state or category without orders have no row to compare with.
     */
    private static void executiveOfStateOrCategory(Filters filters, Connection connection, Map<String, Object> kpis,
                                                   Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = salesByStateCategory(filters);
        kpis.putAll(single(query(connection, """
                select
                    sum(orders) as orders,
                    sum(revenue) as revenue,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    average_brl(sum(revenue), sum(orders)) as average_order_value
                from mart.mart_sales_by_state_category
                """ + where.sql(), where.values())));
        tables.put("months", query(connection, """
                select
                    purchase_month as month,
                    orders,
                    revenue,
                    gross_merchandise_value,
                    average_order_value,
                    customers,
                    active_sellers
                from mart.mart_sales_by_state_category
                """ + where.sql() + "\norder by purchase_month", where.values()).titled(
                "By month: counted orders" + (filters.state().isPresent() ? " shipped to the state" : "")
                        + (filters.category().isPresent() ? " holding an item of the category, revenue of those items"
                        : "") + " (growth only without a state or category)"));
    }

    /**
     * The rows of {@code mart_sales_by_state_category} of exactly the state and category filters given (the
     * grouping by state only when a state is chosen, by category only when a category is), in the period.
     */
    private static Filters.Where salesByStateCategory(Filters filters) {
        return new Filters.Where()
                .always(filters.state().isPresent() ? "by_state" : "not by_state")
                .always(filters.category().isPresent() ? "by_category" : "not by_category")
                .and("customer_state = ?", filters.state())
                .and("product_category_name = ?", filters.category())
                .inPeriod("purchase_month", filters);
    }

    private static void customers(Filters filters, Connection connection, Map<String, Object> kpis,
                                  Map<String, Report.Table> tables) throws SQLException {
        Filters.Where people = new Filters.Where()
                .and("customer_state = ?", filters.state())
                .inPeriod("first_order_date", filters);
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
                .inPeriod("cohort_month", filters);
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

    /**
     * Items, GMV and revenue by category and month from {@code mart_product_performance}, or for a state from the
     * rows of {@code mart_sales_by_state_category} of that state by category; the top products and the review
     * scores are those of every state.
     */
    private static void products(Filters filters, Connection connection, Map<String, Object> kpis,
                                 Map<String, Report.Table> tables) throws SQLException {
        boolean ofState = filters.state().isPresent();
        Filters.Where where = new Filters.Where();
        if (ofState) {
            where.always("by_state").always("by_category").and("customer_state = ?", filters.state());
        }
        where.and("product_category_name = ?", filters.category()).inPeriod("purchase_month", filters);
        String mart = ofState ? "mart.mart_sales_by_state_category" : "mart.mart_product_performance";
        kpis.putAll(single(query(connection, """
                select
                    sum(items) as items,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    sum(revenue) as revenue,
                    average_brl(sum(gross_merchandise_value), sum(items)) as average_price
                from\s""" + mart + "\n" + where.sql(), where.values())));
        tables.put("categories", ofState ? categoriesOfState(where, connection) : categories(where, connection));
        tables.put("months", query(connection, """
                select
                    purchase_month,
                    sum(items) as items,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    sum(revenue) as revenue
                from\s""" + mart + "\n" + where.sql() + """

                group by purchase_month
                order by purchase_month""", where.values()).titled("By month"));
        tables.put("products", topProducts(filters, connection).titled("Top products by GMV"
                + (ofState ? " (every state)" : "")));
        Filters.Where reviews = new Filters.Where().and("product_category_name = ?", filters.category());
        tables.put("reviews", query(connection, """
                select
                    review_score,
                    sum(orders) as category_orders
                from mart.mart_review_scores
                """ + reviews.sql() + """

                group by review_score
                order by review_score""", reviews.values()).titled("Review scores (every month"
                + (ofState ? " and state)" : ")")));
    }

    /** The top categories by GMV of every state, from {@code mart_product_performance}. */
    private static Report.Table categories(Filters.Where where, Connection connection) throws SQLException {
        return query(connection, """
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
                limit 20""", where.values()).titled("Top categories by GMV");
    }

    /**
     * The top categories by GMV of the orders shipped to one state: the rows of
     * {@code mart_sales_by_state_category} of that state by category, summed over the period's months. Products
     * per month are not known by state, so that column is left out.
     */
    private static Report.Table categoriesOfState(Filters.Where where, Connection connection) throws SQLException {
        return query(connection, """
                with sales as (
                    select
                        product_category_name,
                        sum(orders) as orders,
                        sum(items) as items,
                        sum(gross_merchandise_value) as gross_merchandise_value,
                        sum(revenue) as revenue
                    from mart.mart_sales_by_state_category
                """ + where.sql() + """

                    group by product_category_name
                ),
                names as (
                    select distinct product_category_name, product_category_name_english
                    from mart.mart_product_performance
                )
                select
                    sales.product_category_name as category,
                    names.product_category_name_english as category_english,
                    sales.orders,
                    sales.items,
                    sales.gross_merchandise_value,
                    sales.revenue
                from sales
                left join names
                    on names.product_category_name = sales.product_category_name
                order by sales.gross_merchandise_value desc, category
                limit 20""", where.values()).titled("Top categories by GMV of the orders shipped to the state");
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
                .inPeriod("purchase_month", filters);
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
        if (filters.from().isPresent() || filters.to().isPresent()) {
            sellersOfPeriod(filters, connection, kpis, tables);
            return;
        }
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

    /**
     * The sellers' figures of a period: {@code mart_seller_monthly}'s additive measures summed over its months,
     * the sellers described and filtered by state as in {@code mart_seller_scorecard}, ranked by GMV among the
     * sellers with an order in the period.
     */
    private static void sellersOfPeriod(Filters filters, Connection connection, Map<String, Object> kpis,
                                        Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = new Filters.Where()
                .and("scorecard.seller_state = ?", filters.state())
                .inPeriod("monthly.purchase_month", filters);
        String ofPeriod = """
                with of_period as (
                    select
                        monthly.seller_id,
                        scorecard.seller_city,
                        scorecard.seller_state,
                        sum(monthly.orders) as orders,
                        sum(monthly.items) as items,
                        sum(monthly.gross_merchandise_value) as gross_merchandise_value,
                        sum(monthly.delivered_orders) as delivered_orders,
                        sum(monthly.on_time_orders) as on_time_orders,
                        sum(monthly.reviewed_orders) as reviewed_orders,
                        sum(monthly.review_score_sum) as review_score_sum,
                        sum(monthly.orders_placed) as orders_placed,
                        sum(monthly.canceled_orders) as canceled_orders
                    from mart.mart_seller_monthly as monthly
                    inner join mart.mart_seller_scorecard as scorecard
                        on scorecard.seller_id = monthly.seller_id
                """ + where.sql() + """

                    group by monthly.seller_id, scorecard.seller_city, scorecard.seller_state
                )
                """;
        kpis.putAll(single(query(connection, ofPeriod + """
                select
                    count(*) filter (where orders > 0) as active_sellers,
                    sum(gross_merchandise_value) as gross_merchandise_value,
                    share_of(sum(on_time_orders), sum(delivered_orders)) as on_time_rate
                from of_period""", where.values())));
        tables.put("sellers", query(connection, ofPeriod + """
                select
                    cast(rank() over (order by gross_merchandise_value desc) as integer) as revenue_rank,
                    seller_id,
                    seller_city,
                    seller_state,
                    orders,
                    items,
                    gross_merchandise_value,
                    delivered_orders,
                    share_of(on_time_orders, delivered_orders) as on_time_rate,
                    cast(round(review_score_sum / nullif(reviewed_orders, 0), 2) as decimal(4, 2)) as average_review_score,
                    share_of(canceled_orders, orders_placed) as cancellation_rate
                from of_period
                order by revenue_rank, seller_id
                limit 25""", where.values()).titled("Top sellers by GMV in the period (ranked among the sellers with an order in it)"));
    }

    private static void delivery(Filters filters, Connection connection, Map<String, Object> kpis,
                                 Map<String, Report.Table> tables) throws SQLException {
        if (filters.category().isPresent()) {
            deliveryOfCategory(filters, connection, kpis, tables);
            return;
        }
        Filters.Where where = new Filters.Where()
                .and("customer_state = ?", filters.state())
                .inPeriod("purchase_month", filters);
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

    /**
     * The delivery figures of a category: the delivered orders holding an item of it, from
     * {@code mart_sales_by_state_category} (orders counted as revenue); delivery days are left out, as
     * percentiles and averages of days do not add up over its rows.
     */
    private static void deliveryOfCategory(Filters filters, Connection connection, Map<String, Object> kpis,
                                           Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = salesByStateCategory(filters);
        kpis.putAll(single(query(connection, """
                select
                    sum(delivered_orders) as delivered_orders,
                    sum(late_orders) as late_orders,
                    share_of(sum(on_time_orders), sum(delivered_orders)) as on_time_rate
                from mart.mart_sales_by_state_category
                """ + where.sql(), where.values())));
        tables.put("months", query(connection, """
                select
                    purchase_month,
                    delivered_orders,
                    on_time_orders,
                    late_orders,
                    share_of(on_time_orders, delivered_orders) as on_time_rate
                from mart.mart_sales_by_state_category
                """ + where.sql() + """

                order by purchase_month""", where.values()).titled("By month of purchase (orders with an item of the category)"));
        Filters.Where states = new Filters.Where()
                .always("by_state")
                .always("by_category")
                .and("customer_state = ?", filters.state())
                .and("product_category_name = ?", filters.category())
                .inPeriod("purchase_month", filters);
        tables.put("states", query(connection, """
                select
                    customer_state as state,
                    sum(delivered_orders) as delivered_orders,
                    sum(late_orders) as late_orders,
                    share_of(sum(on_time_orders), sum(delivered_orders)) as on_time_rate
                from mart.mart_sales_by_state_category
                """ + states.sql() + """

                group by customer_state
                having sum(delivered_orders) > 0
                order by late_orders desc, state""", states.values())
                .titled("By state (orders with an item of the category; delivery days only without a category)"));
    }

    private static void geography(Filters filters, Connection connection, Map<String, Object> kpis,
                                  Map<String, Report.Table> tables) throws SQLException {
        if (filters.from().isPresent() || filters.to().isPresent() || filters.category().isPresent()) {
            geographyOfPeriodOrCategory(filters, connection, kpis, tables);
            return;
        }
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

    /**
     * The geography of a period, a category or both: {@code mart_sales_by_state_category}'s state rows summed
     * over the period's months. People are left out (a person buying in two months is in both rows), and so
     * are delivery days (their averages and percentiles do not add up over months).
     */
    private static void geographyOfPeriodOrCategory(Filters filters, Connection connection, Map<String, Object> kpis,
                                                    Map<String, Report.Table> tables) throws SQLException {
        Filters.Where where = new Filters.Where()
                .always("sales.by_state")
                .always(filters.category().isPresent() ? "sales.by_category" : "not sales.by_category")
                .and("sales.customer_state = ?", filters.state())
                .and("sales.product_category_name = ?", filters.category())
                .inPeriod("sales.purchase_month", filters);
        kpis.putAll(single(query(connection, """
                select
                    sum(orders) as orders,
                    sum(revenue) as revenue
                from mart.mart_sales_by_state_category as sales
                """ + where.sql(), where.values())));
        tables.put("states", query(connection, """
                select
                    sales.customer_state as state,
                    any_value(geography.region) as region,
                    sum(sales.orders) as orders,
                    sum(sales.revenue) as revenue,
                    average_brl(sum(sales.revenue), sum(sales.orders)) as average_order_value,
                    share_of(sum(sales.freight_value), sum(sales.revenue)) as freight_share,
                    sum(sales.delivered_orders) as delivered_orders,
                    sum(sales.late_orders) as late_orders
                from mart.mart_sales_by_state_category as sales
                left join mart.mart_geographic_analysis as geography
                    on geography.geo_level = 'state' and geography.state = sales.customer_state
                """ + where.sql() + """

                group by sales.customer_state
                order by revenue desc, state""", where.values())
                .titled("By state (counted orders of the period" + (filters.category().isPresent()
                        ? " holding an item of the category, revenue of those items" : "")
                        + "; people and delivery days only without a period or category)"));
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
