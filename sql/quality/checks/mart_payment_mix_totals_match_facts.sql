-- mart.mart_payment_mix adds up, to the cent, to the orders of core.fact_orders: the payments of orders
-- counted as revenue and their value. Returns the measures whose totals differ, with both totals.
with

payment_mix as (

    select * from mart.mart_payment_mix

),

orders as (

    select * from core.fact_orders

),

mart_totals as (

    select
        cast(coalesce(sum(payments), 0) as decimal(38, 2)) as payments,
        cast(coalesce(sum(payment_value), 0) as decimal(38, 2)) as payment_value

    from payment_mix

),

fact_totals as (

    select
        cast(coalesce(sum(payment_count) filter (where counts_as_revenue), 0) as decimal(38, 2)) as payments,
        cast(coalesce(sum(payment_value) filter (where counts_as_revenue), 0) as decimal(38, 2)) as payment_value

    from orders

),

mart_measures as (

    unpivot mart_totals
    on payments, payment_value
    into name measure value mart_total

),

fact_measures as (

    unpivot fact_totals
    on payments, payment_value
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
