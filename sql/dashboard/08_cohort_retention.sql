-- Dashboard tile: "Cohort retention" (mart.mart_customer_cohorts): of the people whose first counted order
-- fell in a month, how many ordered again 0, 1, 2... months later, and what they spent.
-- Grain: one row per acquisition cohort (the month of a person's first counted order) and month since that
-- first order, from 0 to the last month with a counted order, without gaps. People are customer_unique_id,
-- unknown ones left out; a person is active in a month with a counted order purchased in it. The retention
-- rate is divided here from the mart's counts, rounded from ten decimal places, so that DuckDB and
-- PostgreSQL give the same figures.
with

customer_cohorts as (

    select * from mart.mart_customer_cohorts

),

final as (

    select
        cohort_month, -- first day of the month of the cohort's first counted orders
        months_since_first_order, -- 0 = the cohort month
        activity_month, -- first day of the month measured
        cohort_customers, -- people whose first counted order is in the cohort month
        active_customers, -- of those, people with a counted order in the activity month
        round(cast(
            cast(active_customers as decimal(18, 4)) / cohort_customers
            as decimal(38, 10)), 4) as retention_rate, -- 0..1
        orders, -- counted orders of the cohort in the activity month
        revenue -- BRL, prices + freight of those orders

    from customer_cohorts

)

select * from final
order by cohort_month, months_since_first_order
