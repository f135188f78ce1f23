-- mart.mart_product_performance adds up, to the cent, to the orders of core.fact_orders with a known
-- purchase date: the items of orders counted as revenue, their GMV, freight and revenue. Returns the
-- measures whose totals differ, with both totals.
with

product_performance as (

    select * from mart.mart_product_performance

),

orders as (

    select * from core.fact_orders

),

mart_totals as (

    select
        cast(coalesce(sum(items), 0) as decimal(38, 2)) as items,
        cast(coalesce(sum(gross_merchandise_value), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(freight_value), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(revenue), 0) as decimal(38, 2)) as revenue

    from product_performance

),

fact_totals as (

    select
        cast(coalesce(sum(item_count) filter (where counts_as_revenue), 0) as decimal(38, 2)) as items,
        cast(coalesce(sum(items_price) filter (where counts_as_revenue), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(items_freight) filter (where counts_as_revenue), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(items_total) filter (where counts_as_revenue), 0) as decimal(38, 2)) as revenue

    from orders
    where purchase_date_key <> -1 -- the mart places orders on the calendar

),

mart_measures as (

    unpivot mart_totals
    on items, gross_merchandise_value, freight_value, revenue
    into name measure value mart_total

),

fact_measures as (

    unpivot fact_totals
    on items, gross_merchandise_value, freight_value, revenue
    into name measure value fact_total

)

select
    mart_measures.measure,
    mart_measures.mart_total,
    fact_measures.fact_total

from mart_measures
inner join fact_measures
    on mart_measures.measure = fact_measures.measure
where mart_measures.mart_total is distinct from fact_measures.fact_total
