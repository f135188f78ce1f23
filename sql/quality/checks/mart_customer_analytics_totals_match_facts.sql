-- mart.mart_customer_analytics adds up, to the cent, to the orders of known people counted as revenue in
-- core.fact_orders: as many people (distinct customer_unique_id of their dim_customer versions), orders and
-- revenue. Returns the measures whose totals differ, with both totals.
with

customer_analytics as (

    select * from mart.mart_customer_analytics

),

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

counted_orders as (

    select
        orders.items_total,
        customers.customer_unique_id

    from orders
    left join customers
        on orders.customer_key = customers.customer_key
    where orders.counts_as_revenue and orders.customer_key <> -1

),

analytics_totals as (

    select
        cast(count(*) as decimal(38, 2)) as people,
        cast(coalesce(sum(orders), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(revenue), 0) as decimal(38, 2)) as revenue

    from customer_analytics

),

fact_totals as (

    select
        cast(count(distinct customer_unique_id) as decimal(38, 2)) as people,
        cast(count(*) as decimal(38, 2)) as orders,
        cast(coalesce(sum(items_total), 0) as decimal(38, 2)) as revenue

    from counted_orders

),

analytics_measures as (

    unpivot analytics_totals
    on people, orders, revenue
    into name measure value mart_total

),

fact_measures as (

    unpivot fact_totals
    on people, orders, revenue
    into name measure value fact_total

)

select
    analytics_measures.measure,
    analytics_measures.mart_total,
    fact_measures.fact_total

from analytics_measures
inner join fact_measures
    on analytics_measures.measure = fact_measures.measure
where analytics_measures.mart_total is distinct from fact_measures.fact_total
