-- mart.mart_executive_dashboard has a day row for each day and a month row for each month from the first
-- to the last purchase date of any order (core.fact_orders), without a gap, and no other row. Returns the
-- periods missing and those outside the purchases (a month row not starting on the 1st is one).
with

executive_dashboard as (

    select * from mart.mart_executive_dashboard

),

orders as (

    select * from core.fact_orders

),

dates as (

    select * from core.dim_date

),

purchase_days as (

    select
        min(dates.calendar_date) as first_day,
        max(dates.calendar_date) as last_day

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.purchase_date_key <> -1

),

expected_periods as (

    select
        'day' as period_grain,
        cast(unnest(generate_series(first_day, last_day, interval 1 day)) as date) as period_start

    from purchase_days

    union all

    select
        'month',
        cast(unnest(generate_series(date_trunc('month', first_day), date_trunc('month', last_day), interval 1 month))
            as date)

    from purchase_days

),

periods as (

    select period_grain, period_start from executive_dashboard

),

missing_periods as (

    select
        'missing' as problem,
        period_grain,
        period_start

    from expected_periods
    anti join periods
        on expected_periods.period_grain = periods.period_grain
        and expected_periods.period_start = periods.period_start

),

unexpected_periods as (

    select
        'not a period of the purchases' as problem,
        period_grain,
        period_start

    from periods
    anti join expected_periods
        on periods.period_grain = expected_periods.period_grain
        and periods.period_start = expected_periods.period_start

)

select * from missing_periods
union all
select * from unexpected_periods
