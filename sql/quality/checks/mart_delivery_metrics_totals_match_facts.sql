-- mart.mart_delivery_metrics adds up to the orders of core.fact_orders: delivered orders (is_delivered),
-- those on time and those late (is_late). Returns the measures whose totals differ, with both totals.
with

delivery_metrics as (

    select * from mart.mart_delivery_metrics

),

orders as (

    select * from core.fact_orders

),

mart_totals as (

    select
        cast(coalesce(sum(delivered_orders), 0) as decimal(38, 2)) as delivered_orders,
        cast(coalesce(sum(on_time_orders), 0) as decimal(38, 2)) as on_time_orders,
        cast(coalesce(sum(late_orders), 0) as decimal(38, 2)) as late_orders

    from delivery_metrics

),

fact_totals as (

    select
        cast(coalesce(count(*) filter (where is_delivered), 0) as decimal(38, 2)) as delivered_orders,
        cast(coalesce(count(*) filter (where is_delivered and not is_late), 0) as decimal(38, 2)) as on_time_orders,
        cast(coalesce(count(*) filter (where is_delivered and is_late), 0) as decimal(38, 2)) as late_orders

    from orders

),

mart_measures as (

    unpivot mart_totals
    on delivered_orders, on_time_orders, late_orders
    into name measure value mart_total

),

fact_measures as (

    unpivot fact_totals
    on delivered_orders, on_time_orders, late_orders
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
