-- Dashboard tile: "Cohort retention" (mart.mart_customer_cohorts): of the people whose first counted order
-- fell in a month, how many ordered again 0, 1, 2... months later, and what they spent.
-- Grain: one row per acquisition cohort (the month of a person's first counted order) and month since that
-- first order, from 0 to the last month with a counted order, without gaps. People are customer_unique_id,
-- unknown ones left out; a person is active in a month with a counted order purchased in it.
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

months as (

    select distinct
        month_start_date as activity_month,
        year * 12 + month as month_number

    from dates
    where date_key <> -1

),

customer_orders as (

    select
        customers.customer_unique_id,
        dates.month_start_date as purchase_month,
        dates.year * 12 + dates.month as month_number,
        orders.items_total

    from orders
    inner join customers
        on orders.customer_key = customers.customer_key
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.counts_as_revenue = true
        and orders.purchase_date_key <> -1
        and customers.customer_unique_id <> 'unknown'

),

first_months as (

    select
        customer_unique_id,
        min(purchase_month) as cohort_month,
        min(month_number) as cohort_month_number

    from customer_orders
    group by customer_unique_id

),

cohort_sizes as (

    select
        cohort_month,
        cohort_month_number,
        count(*) as cohort_customers

    from first_months
    group by cohort_month, cohort_month_number

),

last_month as (

    select max(month_number) as last_month_number from customer_orders

),

grid as (

    select
        cohort_sizes.cohort_month,
        cohort_sizes.cohort_customers,
        months.activity_month,
        months.month_number - cohort_sizes.cohort_month_number as months_since_first_order

    from cohort_sizes
    cross join last_month
    inner join months
        on months.month_number between cohort_sizes.cohort_month_number and last_month.last_month_number

),

activity as (

    select
        first_months.cohort_month,
        customer_orders.purchase_month as activity_month,
        count(distinct customer_orders.customer_unique_id) as active_customers,
        count(*) as orders,
        sum(customer_orders.items_total) as revenue

    from customer_orders
    inner join first_months
        on customer_orders.customer_unique_id = first_months.customer_unique_id
    group by first_months.cohort_month, customer_orders.purchase_month

),

final as (

    select
        grid.cohort_month, -- first day of the month of the cohort's first counted orders
        grid.months_since_first_order, -- 0 = the cohort month
        grid.activity_month, -- first day of the month measured
        grid.cohort_customers, -- people whose first counted order is in the cohort month
        coalesce(activity.active_customers, 0) as active_customers, -- of those, people with a counted order in the activity month
        round(cast(
            cast(coalesce(activity.active_customers, 0) as decimal(18, 4)) / grid.cohort_customers
            as decimal(38, 10)), 4) as retention_rate, -- 0..1
        coalesce(activity.orders, 0) as orders, -- counted orders of the cohort in the activity month
        cast(coalesce(activity.revenue, 0) as decimal(18, 2)) as revenue -- BRL, prices + freight of those orders

    from grid
    left join activity
        on grid.cohort_month = activity.cohort_month
        and grid.activity_month = activity.activity_month

)

select * from final
order by cohort_month, months_since_first_order
