-- The orders and revenue of mart.mart_customer_cohorts add up, to the cent, to those of
-- mart.mart_customer_analytics. Returns the measures whose totals differ, with both totals.
with

customer_cohorts as (

    select * from mart.mart_customer_cohorts

),

customer_analytics as (

    select * from mart.mart_customer_analytics

),

cohort_totals as (

    select
        cast(coalesce(sum(orders), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(revenue), 0) as decimal(38, 2)) as revenue

    from customer_cohorts

),

analytics_totals as (

    select
        cast(coalesce(sum(orders), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(revenue), 0) as decimal(38, 2)) as revenue

    from customer_analytics

),

cohort_measures as (

    unpivot cohort_totals
    on orders, revenue
    into name measure value cohorts_total

),

analytics_measures as (

    unpivot analytics_totals
    on orders, revenue
    into name measure value customer_analytics_total

)

select
    cohort_measures.measure,
    cohort_measures.cohorts_total,
    analytics_measures.customer_analytics_total

from cohort_measures
inner join analytics_measures
    on cohort_measures.measure = analytics_measures.measure
where cohort_measures.cohorts_total is distinct from analytics_measures.customer_analytics_total
