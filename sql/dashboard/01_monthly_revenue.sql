-- Dashboard tile: "Revenue by month" of the executive dashboard: the months of mart.mart_monthly_revenue,
-- with the change of GMV versus the month before.
-- Grain: one row per calendar month of purchase, without gaps, from the first to the last month in which
-- an order with items was purchased; a month without counted orders shows zeros.
-- Only orders that count as revenue are measured; people are customer_unique_id, unknown ones not counted.
-- The average order value and the growth are divided here from the mart's exact sums, rounded from ten
-- decimal places, so that DuckDB and PostgreSQL give the same figures.
with

monthly_revenue as (

    select * from mart.mart_monthly_revenue

),

with_previous as (

    select
        purchase_month,
        year,
        month,
        orders,
        items,
        customers,
        gross_merchandise_value,
        freight_value,
        revenue,
        lag(gross_merchandise_value) over (order by purchase_month) as previous_gross_merchandise_value

    from monthly_revenue

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
