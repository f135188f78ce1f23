-- The size of each cohort of mart.mart_customer_cohorts is the number of people of
-- mart.mart_customer_analytics whose first counted order falls in the cohort month, and every month in
-- which someone first bought has its cohort. Returns the months whose sizes differ, with both.
with

customer_cohorts as (

    select * from mart.mart_customer_cohorts

),

customer_analytics as (

    select * from mart.mart_customer_analytics

),

cohort_sizes as (

    select
        cohort_month,
        min(cohort_customers) as cohort_customers -- one size per cohort is asserted apart

    from customer_cohorts
    group by cohort_month

),

people_per_first_month as (

    select
        cast(date_trunc('month', first_order_date) as date) as cohort_month,
        count(*) as people

    from customer_analytics
    group by all

),

compared as (

    select
        coalesce(cohort_sizes.cohort_month, people_per_first_month.cohort_month) as cohort_month,
        coalesce(cohort_sizes.cohort_customers, 0) as cohort_customers,
        coalesce(people_per_first_month.people, 0) as people_first_buying

    from cohort_sizes
    full join people_per_first_month
        on cohort_sizes.cohort_month = people_per_first_month.cohort_month

)

select *

from compared
where cohort_customers <> people_first_buying
