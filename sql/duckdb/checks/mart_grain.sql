-- Invariant: every mart has the grain its header states.
--   mart_customer_analytics: one row per person with a counted order (intermediate.int_customer_metrics,
--   orders > 0), no one else;
--   mart_customer_cohorts: one row per cohort month and month since the first order, months 0 to the
--   last month with a counted order, no gaps;
--   mart_delivery_metrics: one row per customer state and purchase month, each with a delivered order;
--   mart_executive_dashboard: one row per day and per month from the first to the last purchase date of
--   any order, no gaps;
--   mart_geographic_analysis: one row per state (geo_level state) and per region (geo_level region);
--   mart_monthly_revenue: one row per month from the first to the last month an order item was
--   purchased, no gaps;
--   mart_payment_mix: one row per payment type and installments;
--   mart_product_performance: one row per category and purchase month, each with an item;
--   mart_seller_scorecard: one row per seller_id: the current sellers of dim_seller and the sellers of
--   the order items, no one else;
--   mart_delivery_by_state, mart_orders_heatmap, mart_repeat_buyers, mart_review_scores and
--   mart_sales_totals (the marts of the dashboard tiles): no grain key repeated (one row at most for
--   mart_sales_totals).
-- Returns one row per mart and offending key.
with

customer_analytics as (

    select * from mart.mart_customer_analytics

),

customer_cohorts as (

    select * from mart.mart_customer_cohorts

),

delivery_metrics as (

    select * from mart.mart_delivery_metrics

),

executive_dashboard as (

    select * from mart.mart_executive_dashboard

),

geographic_analysis as (

    select * from mart.mart_geographic_analysis

),

monthly_revenue as (

    select * from mart.mart_monthly_revenue

),

payment_mix as (

    select * from mart.mart_payment_mix

),

product_performance as (

    select * from mart.mart_product_performance

),

seller_scorecard as (

    select * from mart.mart_seller_scorecard

),

delivery_by_state as (

    select * from mart.mart_delivery_by_state

),

orders_heatmap as (

    select * from mart.mart_orders_heatmap

),

repeat_buyers as (

    select * from mart.mart_repeat_buyers

),

review_scores as (

    select * from mart.mart_review_scores

),

sales_totals as (

    select * from mart.mart_sales_totals

),

customer_metrics as (

    select * from intermediate.int_customer_metrics

),

source_order_items as (

    select * from intermediate.int_order_items

),

orders as (

    select * from core.fact_orders

),

order_items as (

    select * from core.fact_order_items

),

sellers as (

    select * from core.dim_seller

),

dates as (

    select * from core.dim_date

),

mart_keys as (

    select 'mart_customer_analytics' as mart, coalesce(customer_unique_id, '<null>') as grain_key from customer_analytics
    union all
    select 'mart_customer_cohorts', coalesce(cast(cohort_month as varchar), '<null>') || '/' || coalesce(cast(months_since_first_order as varchar), '<null>') from customer_cohorts
    union all
    select 'mart_delivery_metrics', coalesce(customer_state, '<null>') || '/' || coalesce(cast(purchase_month as varchar), '<null>') from delivery_metrics
    union all
    select 'mart_executive_dashboard', coalesce(period_grain, '<null>') || '/' || coalesce(cast(period_start as varchar), '<null>') from executive_dashboard
    union all
    select 'mart_geographic_analysis', coalesce(geo_level, '<null>') || '/' || coalesce(case when geo_level = 'state' then state else region end, '<null>') from geographic_analysis
    union all
    select 'mart_monthly_revenue', coalesce(cast(purchase_month as varchar), '<null>') from monthly_revenue
    union all
    select 'mart_payment_mix', coalesce(payment_type, '<null>') || '/' || coalesce(cast(payment_installments as varchar), '<null>') from payment_mix
    union all
    select 'mart_product_performance', coalesce(cast(category_key as varchar), '<null>') || '/' || coalesce(cast(purchase_month as varchar), '<null>') from product_performance
    union all
    select 'mart_seller_scorecard', coalesce(seller_id, '<null>') from seller_scorecard
    union all
    select 'mart_delivery_by_state', coalesce(state, '<null>') from delivery_by_state
    union all
    select 'mart_orders_heatmap', coalesce(cast(day_of_week as varchar), '<null>') || '/' || coalesce(cast(hour_of_day as varchar), '<null>') from orders_heatmap
    union all
    select 'mart_repeat_buyers', coalesce(geo_level, '<null>') || '/' || coalesce(region, '<country>') from repeat_buyers
    union all
    select 'mart_review_scores', coalesce(product_category_name, '<null>') || '/' || coalesce(cast(review_score as varchar), '<null>') from review_scores
    union all
    select 'mart_sales_totals', 'all' from sales_totals

),

repeated_keys as (

    select
        mart || ': grain key repeated' as problem,
        grain_key as offending_value,
        count(*) as row_count

    from mart_keys
    group by mart, grain_key
    having count(*) > 1

),

counted_people as (

    select customer_unique_id from customer_metrics where orders > 0

),

analytics_people_differences as (

    select
        'mart_customer_analytics: person with a counted order missing' as problem,
        counted_people.customer_unique_id as offending_value,
        1 as row_count

    from counted_people
    anti join customer_analytics
        on counted_people.customer_unique_id = customer_analytics.customer_unique_id

    union all

    select
        'mart_customer_analytics: person without a counted order' as problem,
        coalesce(customer_analytics.customer_unique_id, '<null>') as offending_value,
        1 as row_count

    from customer_analytics
    anti join counted_people
        on customer_analytics.customer_unique_id = counted_people.customer_unique_id

),

last_counted_month as (

    select max(dates.month_start_date) as last_month

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.counts_as_revenue and orders.customer_key <> -1 and orders.purchase_date_key <> -1

),

cohort_spans as (

    select
        customer_cohorts.cohort_month,
        count(*) as months,
        min(customer_cohorts.months_since_first_order) as first_month,
        max(customer_cohorts.months_since_first_order) as last_month,
        date_diff('month', customer_cohorts.cohort_month, any_value(last_counted_month.last_month)) as expected_last_month,
        count(*) filter (where customer_cohorts.activity_month
            <> customer_cohorts.cohort_month + to_months(customer_cohorts.months_since_first_order)) as misplaced_months

    from customer_cohorts
    cross join last_counted_month
    group by customer_cohorts.cohort_month

),

cohort_gaps as (

    select
        'mart_customer_cohorts: cohort does not run from month 0 to the last counted month without a gap' as problem,
        coalesce(cast(cohort_month as varchar), '<null>') || ': months ' || first_month || '..' || last_month
            || ' in ' || months || ' rows, expected 0..' || coalesce(cast(expected_last_month as varchar), 'none') as offending_value,
        months as row_count

    from cohort_spans
    where first_month <> 0
        or last_month is distinct from expected_last_month
        or months <> last_month + 1

    union all

    select
        'mart_customer_cohorts: activity_month is not cohort_month + months_since_first_order' as problem,
        cast(cohort_month as varchar) as offending_value,
        misplaced_months as row_count

    from cohort_spans
    where misplaced_months > 0

),

empty_rows as (

    select
        'mart_delivery_metrics: row without a delivered order' as problem,
        coalesce(customer_state, '<null>') || '/' || coalesce(cast(purchase_month as varchar), '<null>') as offending_value,
        1 as row_count

    from delivery_metrics
    where not delivered_orders > 0

    union all

    select
        'mart_product_performance: row without an item' as problem,
        coalesce(cast(category_key as varchar), '<null>') || '/' || coalesce(cast(purchase_month as varchar), '<null>') as offending_value,
        1 as row_count

    from product_performance
    where not items > 0

    union all

    select
        'mart_payment_mix: row without a payment' as problem,
        coalesce(payment_type, '<null>') || '/' || coalesce(cast(payment_installments as varchar), '<null>') as offending_value,
        1 as row_count

    from payment_mix
    where not payments > 0

),

purchase_days as (

    select
        min(dates.calendar_date) as first_day,
        max(dates.calendar_date) as last_day

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.purchase_date_key <> -1

),

item_purchase_months as (

    select
        min(dates.month_start_date) as first_month,
        max(dates.month_start_date) as last_month

    from order_items
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    where order_items.purchase_date_key <> -1

),

expected_periods as (

    select
        'day' as period_grain,
        first_day as first_period,
        last_day as last_period,
        date_diff('day', first_day, last_day) + 1 as periods

    from purchase_days

    union all

    select
        'month',
        cast(date_trunc('month', first_day) as date),
        cast(date_trunc('month', last_day) as date),
        date_diff('month', first_day, last_day) + 1

    from purchase_days

),

dashboard_periods as (

    select
        period_grain,
        min(period_start) as first_period,
        max(period_start) as last_period,
        count(*) as periods,
        count(*) filter (where period_grain = 'month' and period_start <> date_trunc('month', period_start)) as misaligned

    from executive_dashboard
    group by period_grain

),

dashboard_span_differences as (

    select
        'mart_executive_dashboard: periods do not run from the first to the last purchase without a gap' as problem,
        coalesce(dashboard_periods.period_grain, expected_periods.period_grain) || ': '
            || coalesce(cast(dashboard_periods.first_period as varchar), 'none') || '..'
            || coalesce(cast(dashboard_periods.last_period as varchar), 'none') || ' in '
            || coalesce(dashboard_periods.periods, 0) || ' rows, expected '
            || coalesce(cast(expected_periods.first_period as varchar), 'none') || '..'
            || coalesce(cast(expected_periods.last_period as varchar), 'none') || ' in '
            || coalesce(expected_periods.periods, 0) as offending_value,
        coalesce(dashboard_periods.periods, 0) as row_count

    from dashboard_periods
    full join expected_periods
        on dashboard_periods.period_grain = expected_periods.period_grain
    where dashboard_periods.first_period is distinct from expected_periods.first_period
        or dashboard_periods.last_period is distinct from expected_periods.last_period
        or coalesce(dashboard_periods.periods, 0) <> coalesce(expected_periods.periods, 0)
        or dashboard_periods.misaligned > 0

),

monthly_span as (

    select
        min(purchase_month) as first_month,
        max(purchase_month) as last_month,
        count(*) as months

    from monthly_revenue

),

monthly_span_differences as (

    select
        'mart_monthly_revenue: months do not run from the first to the last item purchase without a gap' as problem,
        coalesce(cast(monthly_span.first_month as varchar), 'none') || '..'
            || coalesce(cast(monthly_span.last_month as varchar), 'none') || ' in ' || monthly_span.months
            || ' rows, expected ' || coalesce(cast(item_purchase_months.first_month as varchar), 'none') || '..'
            || coalesce(cast(item_purchase_months.last_month as varchar), 'none') as offending_value,
        monthly_span.months as row_count

    from monthly_span
    cross join item_purchase_months
    where monthly_span.first_month is distinct from item_purchase_months.first_month
        or monthly_span.last_month is distinct from item_purchase_months.last_month
        or monthly_span.months <> coalesce(date_diff('month', item_purchase_months.first_month, item_purchase_months.last_month) + 1, 0)

),

geographic_levels as (

    select
        'mart_geographic_analysis: row is neither a state row with a state nor a region row without one' as problem,
        coalesce(geo_level, '<null>') || '/' || coalesce(region, '<null>') || '/' || coalesce(state, '<null>') as offending_value,
        1 as row_count

    from geographic_analysis
    where not (
        (geo_level = 'state' and state is not null and region is not null)
        or (geo_level = 'region' and state is null and region is not null)
    )

),

expected_sellers as (

    select seller_id from sellers where is_current and seller_id <> 'unknown'
    union
    select seller_id from source_order_items

),

scorecard_seller_differences as (

    select
        'mart_seller_scorecard: seller missing' as problem,
        expected_sellers.seller_id as offending_value,
        1 as row_count

    from expected_sellers
    anti join seller_scorecard
        on expected_sellers.seller_id = seller_scorecard.seller_id

    union all

    select
        'mart_seller_scorecard: seller neither in dim_seller nor in the order items' as problem,
        coalesce(seller_scorecard.seller_id, '<null>') as offending_value,
        1 as row_count

    from seller_scorecard
    anti join expected_sellers
        on seller_scorecard.seller_id = expected_sellers.seller_id

),

final as (

    select * from repeated_keys
    union all
    select * from analytics_people_differences
    union all
    select * from cohort_gaps
    union all
    select * from empty_rows
    union all
    select * from dashboard_span_differences
    union all
    select * from monthly_span_differences
    union all
    select * from geographic_levels
    union all
    select * from scorecard_seller_differences

)

select * from final
