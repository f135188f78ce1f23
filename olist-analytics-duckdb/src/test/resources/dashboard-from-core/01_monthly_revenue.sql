-- Dashboard tile: "Revenue by month" of the executive dashboard (the measures of mart.mart_monthly_revenue
-- and of the month rows of mart.mart_executive_dashboard), with the change of GMV versus the month before.
-- Grain: one row per calendar month of purchase, without gaps, from the first to the last month in which
-- an order with items was purchased; a month without counted orders shows zeros.
-- Only orders that count as revenue are measured; people are customer_unique_id, unknown ones not counted.
with

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

dates as (

    select * from core.dim_date

),

orders_with_month as (

    select
        orders.counts_as_revenue,
        orders.item_count,
        orders.items_price,
        orders.items_freight,
        orders.items_total,
        customers.customer_unique_id,
        dates.month_start_date as purchase_month

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    inner join customers
        on orders.customer_key = customers.customer_key
    where orders.purchase_date_key <> -1
        and orders.item_count > 0

),

bounds as (

    select
        min(purchase_month) as first_month,
        max(purchase_month) as last_month

    from orders_with_month

),

months as (

    select distinct
        dates.month_start_date as purchase_month,
        dates.year,
        dates.month

    from dates
    inner join bounds
        on dates.month_start_date between bounds.first_month and bounds.last_month

),

monthly as (

    select
        purchase_month,
        count(*) as orders,
        sum(item_count) as items,
        count(distinct customer_unique_id) filter (where customer_unique_id <> 'unknown') as customers,
        sum(items_price) as gross_merchandise_value,
        sum(items_freight) as freight_value,
        sum(items_total) as revenue

    from orders_with_month
    where counts_as_revenue = true
    group by purchase_month

),

filled as (

    select
        months.purchase_month,
        months.year,
        months.month,
        coalesce(monthly.orders, 0) as orders,
        cast(coalesce(monthly.items, 0) as bigint) as items,
        coalesce(monthly.customers, 0) as customers,
        cast(coalesce(monthly.gross_merchandise_value, 0) as decimal(18, 2)) as gross_merchandise_value,
        cast(coalesce(monthly.freight_value, 0) as decimal(18, 2)) as freight_value,
        cast(coalesce(monthly.revenue, 0) as decimal(18, 2)) as revenue

    from months
    left join monthly
        on months.purchase_month = monthly.purchase_month

),

with_previous as (

    select
        filled.*,
        lag(gross_merchandise_value) over (order by purchase_month) as previous_gross_merchandise_value

    from filled

),

final as (

    select
        purchase_month, -- first day of the month
        year,
        month, -- 1..12
        orders, -- orders counted as revenue
        items, -- items of those orders
        customers, -- distinct people behind those orders
        gross_merchandise_value, -- GMV, BRL: sum of item prices
        freight_value, -- BRL, sum of item freight
        revenue, -- BRL, prices + freight
        round(cast(revenue / nullif(orders, 0) as decimal(38, 10)), 2) as average_order_value, -- AOV, BRL; null without orders
        round(cast(
            100 * (gross_merchandise_value - previous_gross_merchandise_value)
            / nullif(previous_gross_merchandise_value, 0) as decimal(38, 10)), 2) as gmv_growth_pct -- null for the first month or after a month without GMV

    from with_previous

)

select * from final
order by purchase_month
