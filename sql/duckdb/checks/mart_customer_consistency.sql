-- Invariant: the customer marts agree with each other and with the facts.
--   mart_customer_cohorts: each cohort has one size on all its rows; in month 0 every person of the
--   cohort is active (active_customers = cohort_customers) and no month has more active people than the
--   cohort; the cohort sizes add up to the people of mart_customer_analytics, and each cohort's size is
--   the number of those people whose first counted order falls in the cohort month; the cohorts' orders
--   and revenue add up to those of mart_customer_analytics.
--   mart_customer_analytics: its orders and revenue add up to the counted orders of known people in
--   core.fact_orders, and its customer_key is the current version of the same person in dim_customer.
-- Returns one row per offending cohort, person or total.
with

customer_cohorts as (

    select * from mart.mart_customer_cohorts

),

customer_analytics as (

    select * from mart.mart_customer_analytics

),

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

cohorts as (

    select
        cohort_month,
        min(cohort_customers) as cohort_customers,
        count(distinct cohort_customers) as sizes,
        max(active_customers) filter (where months_since_first_order = 0) as month_zero_active,
        count(*) filter (where active_customers > cohort_customers) as overfull_months

    from customer_cohorts
    group by cohort_month

),

cohort_problems as (

    select
        'mart_customer_cohorts: cohort size differs between its rows' as problem,
        cast(cohort_month as varchar) as offending_value,
        sizes as row_count

    from cohorts
    where sizes <> 1

    union all

    select
        'mart_customer_cohorts: month-0 active customers differ from the cohort size' as problem,
        cast(cohort_month as varchar) || ': ' || coalesce(cast(month_zero_active as varchar), 'no month 0')
            || ' active of ' || cohort_customers as offending_value,
        cohort_customers as row_count

    from cohorts
    where month_zero_active is distinct from cohort_customers

    union all

    select
        'mart_customer_cohorts: more active customers than the cohort size' as problem,
        cast(cohort_month as varchar) as offending_value,
        overfull_months as row_count

    from cohorts
    where overfull_months > 0

),

people_per_first_month as (

    select
        cast(date_trunc('month', first_order_date) as date) as cohort_month,
        count(*) as people

    from customer_analytics
    group by all

),

cohort_size_differences as (

    select
        'mart_customer_cohorts: cohort size differs from the people of mart_customer_analytics first buying that month' as problem,
        coalesce(cast(cohorts.cohort_month as varchar), cast(people_per_first_month.cohort_month as varchar), '<null>')
            || ': ' || coalesce(cohorts.cohort_customers, 0) || ' vs ' || coalesce(people_per_first_month.people, 0) as offending_value,
        coalesce(people_per_first_month.people, 0) as row_count

    from cohorts
    full join people_per_first_month
        on cohorts.cohort_month = people_per_first_month.cohort_month
    where coalesce(cohorts.cohort_customers, 0) <> coalesce(people_per_first_month.people, 0)

),

totals as (

    select
        'mart_customer_cohorts' as source,
        (select coalesce(sum(cohort_customers), 0) from cohorts) as people,
        coalesce(sum(orders), 0) as orders,
        cast(coalesce(sum(revenue), 0) as decimal(38, 2)) as revenue

    from customer_cohorts

    union all

    select
        'mart_customer_analytics',
        count(*),
        coalesce(sum(orders), 0),
        cast(coalesce(sum(revenue), 0) as decimal(38, 2))

    from customer_analytics

    union all

    select
        'core.fact_orders (counted, known person)',
        (
            select count(distinct customers.customer_unique_id)
            from orders as counted
            inner join customers
                on counted.customer_key = customers.customer_key
            where counted.counts_as_revenue and counted.customer_key <> -1
        ),
        count(*),
        cast(coalesce(sum(items_total), 0) as decimal(38, 2))

    from orders
    where counts_as_revenue and customer_key <> -1

),

reference as (

    select * from totals where source = 'mart_customer_analytics'

),

total_differences as (

    select
        'people total differs from mart_customer_analytics' as problem,
        totals.source || ': ' || totals.people || ' vs ' || reference.people as offending_value,
        totals.people as row_count

    from totals
    cross join reference
    where totals.people <> reference.people

    union all

    select
        'orders total differs from mart_customer_analytics' as problem,
        totals.source || ': ' || totals.orders || ' vs ' || reference.orders as offending_value,
        totals.orders as row_count

    from totals
    cross join reference
    where totals.orders <> reference.orders

    union all

    select
        'revenue total differs from mart_customer_analytics' as problem,
        totals.source || ': ' || totals.revenue || ' vs ' || reference.revenue as offending_value,
        totals.orders as row_count

    from totals
    cross join reference
    where totals.revenue <> reference.revenue

),

wrong_current_versions as (

    select
        'mart_customer_analytics.customer_key is not the current version of the person' as problem,
        customer_analytics.customer_unique_id || ': ' || coalesce(cast(customer_analytics.customer_key as varchar), 'null') as offending_value,
        1 as row_count

    from customer_analytics
    left join customers
        on customer_analytics.customer_key = customers.customer_key
    where customers.customer_key is null
        or not customers.is_current
        or customers.customer_unique_id is distinct from customer_analytics.customer_unique_id

),

final as (

    select * from cohort_problems
    union all
    select * from cohort_size_differences
    union all
    select * from total_differences
    union all
    select * from wrong_current_versions

)

select * from final
