-- grain: one row per acquisition cohort (the month of a person's first counted order) and month since
-- that first order (0 = the cohort month), from 0 to the last month with a counted order, no gaps.
-- Revenue rule (intermediate.int_order_enriched): only orders that count as revenue count; people are
-- customer_unique_id, unknown ones left out. A person is active in a month when they have a counted
-- order purchased in it; retention is active people / cohort size.
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

customer_orders as (

    select
        customers.customer_unique_id,
        dates.month_start_date as purchase_month,
        orders.items_total

    from orders
    inner join customers
        on orders.customer_key = customers.customer_key
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.counts_as_revenue and customers.customer_unique_id <> 'unknown' and orders.purchase_date_key <> -1

),

first_months as (

    select
        customer_unique_id,
        min(purchase_month) as cohort_month

    from customer_orders
    group by customer_unique_id

),

cohort_sizes as (

    select
        cohort_month,
        count(*) as cohort_customers

    from first_months
    group by cohort_month

),

last_month as (

    select max(purchase_month) as last_purchase_month from customer_orders

),

grid as (

    select
        cohort_sizes.cohort_month,
        cohort_sizes.cohort_customers,
        unnest(generate_series(0, date_diff('month', cohort_sizes.cohort_month, last_month.last_purchase_month))) as months_since_first_order

    from cohort_sizes
    cross join last_month

),

activity as (

    select
        first_months.cohort_month,
        date_diff('month', first_months.cohort_month, customer_orders.purchase_month) as months_since_first_order,
        count(distinct customer_orders.customer_unique_id) as active_customers,
        count(*) as orders,
        sum(customer_orders.items_total) as revenue

    from customer_orders
    inner join first_months
        on customer_orders.customer_unique_id = first_months.customer_unique_id
    group by all

),

final as (

    select
        grid.cohort_month, -- first day of the month of the cohort's first counted orders
        cast(grid.months_since_first_order as integer) as months_since_first_order, -- 0 = the cohort month
        cast(grid.cohort_month + to_months(cast(grid.months_since_first_order as integer)) as date) as activity_month, -- first day of the month measured
        grid.cohort_customers, -- people whose first counted order is in the cohort month
        coalesce(activity.active_customers, 0) as active_customers, -- of those, people with a counted order in the activity month
        share_of(coalesce(activity.active_customers, 0), grid.cohort_customers) as retention_rate, -- active / cohort, 0..1
        coalesce(activity.orders, 0) as orders, -- counted orders of the cohort in the activity month
        cast(coalesce(activity.revenue, 0) as decimal(18, 2)) as revenue -- BRL, prices + freight of those orders

    from grid
    left join activity
        on grid.cohort_month = activity.cohort_month
        and grid.months_since_first_order = activity.months_since_first_order

)

select * from final
