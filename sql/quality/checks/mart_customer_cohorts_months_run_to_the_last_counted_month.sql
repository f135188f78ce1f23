-- Each cohort of mart.mart_customer_cohorts has a row for each month from its month 0 to the last month
-- with a counted order of a known person (core.fact_orders), without a gap. Returns the cohorts whose
-- months do not, with the months they hold and the last one expected.
with

customer_cohorts as (

    select * from mart.mart_customer_cohorts

),

orders as (

    select * from core.fact_orders

),

dates as (

    select * from core.dim_date

),

last_counted_month as (

    select max(dates.month_start_date) as last_month

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.counts_as_revenue and orders.customer_key <> -1 and orders.purchase_date_key <> -1

),

cohort_spans as (

    select
        customer_cohorts.cohort_month,
        count(*) as months,
        min(customer_cohorts.months_since_first_order) as first_month,
        max(customer_cohorts.months_since_first_order) as last_month,
        date_diff('month', customer_cohorts.cohort_month, any_value(last_counted_month.last_month))
            as expected_last_month

    from customer_cohorts
    cross join last_counted_month
    group by customer_cohorts.cohort_month

)

select *

from cohort_spans
where first_month <> 0
    or last_month is distinct from expected_last_month
    or months <> last_month + 1
