-- mart.mart_monthly_revenue has a row for each month from the first to the last month in which an order
-- item of a known order was purchased (core.fact_order_items), without a gap, and no other row. Returns the
-- months missing and those outside the purchases.
with

monthly_revenue as (

    select * from mart.mart_monthly_revenue

),

order_items as (

    select * from core.fact_order_items

),

dates as (

    select * from core.dim_date

),

purchase_months as (

    select
        min(dates.month_start_date) as first_month,
        max(dates.month_start_date) as last_month

    from order_items
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    where order_items.purchase_date_key <> -1

),

expected_months as (

    select cast(unnest(generate_series(first_month, last_month, interval 1 month)) as date) as purchase_month

    from purchase_months

),

months as (

    select purchase_month from monthly_revenue

),

missing_months as (

    select
        'missing' as problem,
        purchase_month

    from expected_months
    anti join months
        on expected_months.purchase_month = months.purchase_month

),

unexpected_months as (

    select
        'not a month of the purchases' as problem,
        purchase_month

    from months
    anti join expected_months
        on months.purchase_month = expected_months.purchase_month

)

select * from missing_months
union all
select * from unexpected_months
