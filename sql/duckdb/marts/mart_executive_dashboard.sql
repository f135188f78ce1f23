-- grain: one row per period: every day (period_grain = 'day') and every month (period_grain =
-- 'month') from the first to the last purchase date of any order, with no gaps; a period without a
-- counted order shows zeros.
-- Revenue rule (intermediate.int_order_enriched): only orders that count as revenue count. GMV is the
-- sum of item prices; revenue adds freight; average order value is revenue / orders. Customers are
-- distinct people (customer_unique_id), unknown ones not counted; active sellers are distinct sellers
-- with an item in a counted order of the period. Growth compares with the previous period of the same
-- grain, in percent; null when the previous period had no GMV (or orders).
with

orders as (

    select * from core.fact_orders

),

order_items as (

    select * from core.fact_order_items

),

customers as (

    select * from core.dim_customer

),

sellers as (

    select * from core.dim_seller

),

dates as (

    select * from core.dim_date

),

purchase_dates as (

    select
        dates.calendar_date as purchase_date

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.purchase_date_key <> -1

),

periods as (

    select
        'day' as period_grain,
        cast(unnest(generate_series(min(purchase_date), max(purchase_date), interval 1 day)) as date) as period_start

    from purchase_dates

    union all

    select
        'month' as period_grain,
        cast(unnest(generate_series(
            cast(date_trunc('month', min(purchase_date)) as date),
            cast(date_trunc('month', max(purchase_date)) as date),
            interval 1 month
        )) as date) as period_start

    from purchase_dates

),

counted_orders as (

    select
        dates.calendar_date as purchase_date,
        dates.month_start_date as purchase_month,
        customers.customer_unique_id,
        orders.items_price,
        orders.items_freight,
        orders.items_total

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    inner join customers
        on orders.customer_key = customers.customer_key
    where orders.counts_as_revenue and orders.purchase_date_key <> -1

),

counted_sellers as (

    select distinct
        dates.calendar_date as purchase_date,
        dates.month_start_date as purchase_month,
        sellers.seller_id

    from order_items
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    inner join sellers
        on order_items.seller_key = sellers.seller_key
    where order_items.counts_as_revenue and order_items.purchase_date_key <> -1 and sellers.seller_id <> 'unknown'

),

order_measures as (

    select
        case when grouping(purchase_date) = 0 then 'day' else 'month' end as period_grain,
        coalesce(purchase_date, purchase_month) as period_start,
        count(*) as orders,
        sum(items_price) as gross_merchandise_value,
        sum(items_freight) as freight_value,
        sum(items_total) as revenue,
        count(distinct customer_unique_id) filter (where customer_unique_id <> 'unknown') as customers

    from counted_orders
    group by grouping sets ((purchase_date), (purchase_month))

),

seller_measures as (

    select
        case when grouping(purchase_date) = 0 then 'day' else 'month' end as period_grain,
        coalesce(purchase_date, purchase_month) as period_start,
        count(distinct seller_id) as active_sellers

    from counted_sellers
    group by grouping sets ((purchase_date), (purchase_month))

),

measured as (

    select
        periods.period_grain,
        periods.period_start,
        coalesce(order_measures.orders, 0) as orders,
        cast(coalesce(order_measures.gross_merchandise_value, 0) as decimal(18, 2)) as gross_merchandise_value,
        cast(coalesce(order_measures.freight_value, 0) as decimal(18, 2)) as freight_value,
        cast(coalesce(order_measures.revenue, 0) as decimal(18, 2)) as revenue,
        coalesce(order_measures.customers, 0) as customers,
        coalesce(seller_measures.active_sellers, 0) as active_sellers

    from periods
    left join order_measures
        on periods.period_grain = order_measures.period_grain
        and periods.period_start = order_measures.period_start
    left join seller_measures
        on periods.period_grain = seller_measures.period_grain
        and periods.period_start = seller_measures.period_start

),

final as (

    select
        period_grain, -- day or month
        period_start, -- the day, or the first day of the month
        case when period_grain = 'day' then period_start else last_day(period_start) end as period_end, -- last day of the period
        orders, -- orders counted as revenue
        gross_merchandise_value, -- BRL, sum of item prices
        freight_value, -- BRL, sum of item freight
        revenue, -- BRL, prices + freight
        average_brl(revenue, orders) as average_order_value, -- BRL, revenue / orders; null without orders
        customers, -- distinct people with a counted order
        active_sellers, -- distinct sellers with an item in a counted order
        cast(round(
            (gross_merchandise_value - lag(gross_merchandise_value) over previous_period) * 100
            / nullif(lag(gross_merchandise_value) over previous_period, 0), 2
        ) as decimal(18, 2)) as gmv_growth_pct, -- versus the previous period of the same grain
        cast(round(
            (orders - lag(orders) over previous_period) * 100.0 / nullif(lag(orders) over previous_period, 0), 2
        ) as decimal(18, 2)) as orders_growth_pct -- versus the previous period of the same grain

    from measured
    window previous_period as (partition by period_grain order by period_start)

)

select * from final
