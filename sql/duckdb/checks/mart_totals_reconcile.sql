-- Invariant: the marts add up, to the cent, to the facts they summarise. Reference: core.fact_orders,
-- orders counted as revenue (counts_as_revenue, which must follow the revenue rule: the macro
-- counts_as_revenue, generated from the domain's RevenueRule: status neither canceled nor unavailable and
-- at least one item);
-- marts that place orders on the calendar are compared with the counted orders with a known purchase
-- date. Compared totals:
--   orders, GMV (items_price), freight and revenue (items_total): mart_monthly_revenue, the month rows and
--   the day rows of mart_executive_dashboard, the state rows and the region rows of
--   mart_geographic_analysis;
--   items, GMV, freight and revenue: mart_monthly_revenue, mart_product_performance;
--   items, GMV and freight: mart_seller_scorecard;
--   excluded orders (canceled or unavailable with items): mart_monthly_revenue;
--   payments and payment value of counted orders: mart_payment_mix;
--   delivered, on-time and late orders (fact_orders.is_delivered, is_late): mart_delivery_metrics.
-- Returns one row per mart measure whose total differs, and one per order breaking the revenue rule.
with

orders as (

    select * from core.fact_orders

),

order_items as (

    select * from core.fact_order_items

),

monthly_revenue as (

    select * from mart.mart_monthly_revenue

),

executive_dashboard as (

    select * from mart.mart_executive_dashboard

),

geographic_analysis as (

    select * from mart.mart_geographic_analysis

),

product_performance as (

    select * from mart.mart_product_performance

),

seller_scorecard as (

    select * from mart.mart_seller_scorecard

),

payment_mix as (

    select * from mart.mart_payment_mix

),

delivery_metrics as (

    select * from mart.mart_delivery_metrics

),

rule_breaches as (

    select
        'fact_orders.counts_as_revenue breaks the revenue rule' as problem,
        order_id || ': ' || coalesce(order_status, 'null') || ', ' || item_count || ' items, '
            || coalesce(cast(counts_as_revenue as varchar), 'null') as offending_value,
        1 as row_count

    from orders
    where counts_as_revenue is distinct from counts_as_revenue(order_status, item_count)

    union all

    select
        'fact_order_items.counts_as_revenue differs from its order''s' as problem,
        order_items.order_id || '/' || order_items.order_item_id as offending_value,
        1 as row_count

    from order_items
    left join orders
        on order_items.order_id = orders.order_id
    where order_items.counts_as_revenue is distinct from coalesce(orders.counts_as_revenue, false)

),

fact_totals as (

    select
        dated,
        cast(count(*) filter (where counts_as_revenue) as decimal(38, 2)) as orders,
        cast(coalesce(sum(item_count) filter (where counts_as_revenue), 0) as decimal(38, 2)) as items,
        cast(coalesce(sum(items_price) filter (where counts_as_revenue), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(items_freight) filter (where counts_as_revenue), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(items_total) filter (where counts_as_revenue), 0) as decimal(38, 2)) as revenue,
        cast(count(*) filter (where not counts_as_revenue and item_count > 0) as decimal(38, 2)) as excluded_orders,
        cast(coalesce(sum(payment_count) filter (where counts_as_revenue), 0) as decimal(38, 2)) as payments,
        cast(coalesce(sum(payment_value) filter (where counts_as_revenue), 0) as decimal(38, 2)) as payment_value,
        cast(count(*) filter (where is_delivered) as decimal(38, 2)) as delivered_orders,
        cast(count(*) filter (where is_delivered and not is_late) as decimal(38, 2)) as on_time_orders,
        cast(count(*) filter (where is_delivered and is_late) as decimal(38, 2)) as late_orders

    from (
        select *, true as dated from orders where purchase_date_key <> -1
        union all
        select *, false as dated from orders
    ) as orders_by_scope
    group by dated

),

mart_totals as (

    select
        'mart_monthly_revenue' as mart,
        true as dated,
        cast(coalesce(sum(orders), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(items), 0) as decimal(38, 2)) as items,
        cast(coalesce(sum(gross_merchandise_value), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(freight_value), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(revenue), 0) as decimal(38, 2)) as revenue,
        cast(coalesce(sum(excluded_orders), 0) as decimal(38, 2)) as excluded_orders,
        cast(null as decimal(38, 2)) as payments,
        cast(null as decimal(38, 2)) as payment_value,
        cast(null as decimal(38, 2)) as delivered_orders,
        cast(null as decimal(38, 2)) as on_time_orders,
        cast(null as decimal(38, 2)) as late_orders,
        count(*) as mart_rows

    from monthly_revenue

    union all

    select
        'mart_executive_dashboard (' || period_grain || ' rows)',
        true,
        coalesce(sum(orders), 0),
        null,
        coalesce(sum(gross_merchandise_value), 0),
        coalesce(sum(freight_value), 0),
        coalesce(sum(revenue), 0),
        null, null, null, null, null, null,
        count(executive_dashboard.period_grain)

    from (select 'day' as period_grain union all select 'month') as grains
    left join executive_dashboard using (period_grain)
    group by period_grain

    union all

    select
        'mart_geographic_analysis (' || geo_level || ' rows)',
        false,
        coalesce(sum(orders), 0),
        null,
        coalesce(sum(gross_merchandise_value), 0),
        coalesce(sum(freight_value), 0),
        coalesce(sum(revenue), 0),
        null, null, null, null, null, null,
        count(geographic_analysis.geo_level)

    from (select 'state' as geo_level union all select 'region') as levels
    left join geographic_analysis using (geo_level)
    group by geo_level

    union all

    select
        'mart_product_performance',
        true,
        null,
        coalesce(sum(items), 0),
        coalesce(sum(gross_merchandise_value), 0),
        coalesce(sum(freight_value), 0),
        coalesce(sum(revenue), 0),
        null, null, null, null, null, null,
        count(*)

    from product_performance

    union all

    select
        'mart_seller_scorecard',
        false,
        null,
        coalesce(sum(items), 0),
        coalesce(sum(gross_merchandise_value), 0),
        coalesce(sum(freight_value), 0),
        null, null, null, null, null, null, null,
        count(*)

    from seller_scorecard

    union all

    select
        'mart_payment_mix',
        false,
        null, null, null, null, null, null,
        coalesce(sum(payments), 0),
        coalesce(sum(payment_value), 0),
        null, null, null,
        count(*)

    from payment_mix

    union all

    select
        'mart_delivery_metrics',
        false,
        null, null, null, null, null, null, null, null,
        coalesce(sum(delivered_orders), 0),
        coalesce(sum(on_time_orders), 0),
        coalesce(sum(late_orders), 0),
        count(*)

    from delivery_metrics

),

mart_measures as (

    select * from mart_totals
    unpivot (
        mart_value for measure in (
            orders, items, gross_merchandise_value, freight_value, revenue, excluded_orders, payments,
            payment_value, delivered_orders, on_time_orders, late_orders
        )
    )

),

fact_measures as (

    select * from fact_totals
    unpivot (
        fact_value for measure in (
            orders, items, gross_merchandise_value, freight_value, revenue, excluded_orders, payments,
            payment_value, delivered_orders, on_time_orders, late_orders
        )
    )

),

total_differences as (

    select
        mart_measures.mart || ': ' || mart_measures.measure || ' total differs from fact_orders' as problem,
        cast(mart_measures.mart_value as varchar) || ' vs ' || coalesce(cast(fact_measures.fact_value as varchar), 'none') as offending_value,
        mart_measures.mart_rows as row_count

    from mart_measures
    left join fact_measures
        on mart_measures.dated = fact_measures.dated
        and mart_measures.measure = fact_measures.measure
    where mart_measures.mart_value is distinct from fact_measures.fact_value

),

final as (

    select * from rule_breaches
    union all
    select * from total_differences

)

select * from final
