-- grain: one row per calendar day from the earliest to the latest date found in orders (all five
-- timestamps), order items (shipping limit, which runs to 2020) and reviews (creation and answer),
-- with no gaps; plus the unknown member (date_key = -1) that facts point to when a date is missing.
-- date_key is the date as a yyyymmdd integer. Weeks are ISO weeks (Monday first).
with

orders as (

    select * from staging.stg_orders

),

order_items as (

    select * from staging.stg_order_items

),

order_reviews as (

    select * from staging.stg_order_reviews

),

order_bounds as (

    select
        least(
            min(order_purchase_timestamp),
            min(order_approved_at),
            min(order_delivered_carrier_date),
            min(order_delivered_customer_date),
            min(order_estimated_delivery_date)
        ) as first_at,
        greatest(
            max(order_purchase_timestamp),
            max(order_approved_at),
            max(order_delivered_carrier_date),
            max(order_delivered_customer_date),
            max(order_estimated_delivery_date)
        ) as last_at

    from orders

),

order_item_bounds as (

    select
        min(shipping_limit_date) as first_at,
        max(shipping_limit_date) as last_at

    from order_items

),

order_review_bounds as (

    select
        least(min(review_creation_date), min(review_answer_timestamp)) as first_at,
        greatest(max(review_creation_date), max(review_answer_timestamp)) as last_at

    from order_reviews

),

all_bounds as (

    select * from order_bounds
    union all
    select * from order_item_bounds
    union all
    select * from order_review_bounds

),

date_range as (

    -- least and greatest ignore nulls, so an empty source or an empty column does not blank the range
    select
        cast(min(first_at) as date) as first_date,
        cast(max(last_at) as date) as last_date

    from all_bounds

),

days as (

    -- no rows when there are no dates at all
    select
        cast(unnest(generate_series(first_date, last_date, interval 1 day)) as date) as calendar_date

    from date_range

),

known_members as (

    select
        cast(strftime(calendar_date, '%Y%m%d') as integer) as date_key, -- yyyymmdd
        calendar_date,
        cast(year(calendar_date) as integer) as year,
        cast(quarter(calendar_date) as integer) as quarter, -- 1..4
        cast(month(calendar_date) as integer) as month, -- 1..12
        strftime(calendar_date, '%B') as month_name, -- January..December
        strftime(calendar_date, '%Y-%m') as year_month, -- e.g. 2017-11
        cast(date_trunc('month', calendar_date) as date) as month_start_date, -- first day of the month
        cast(day(calendar_date) as integer) as day_of_month, -- 1..31
        cast(dayofyear(calendar_date) as integer) as day_of_year, -- 1..366
        cast(isoyear(calendar_date) as integer) as iso_year, -- year the ISO week belongs to
        cast(week(calendar_date) as integer) as iso_week, -- 1..53
        cast(isodow(calendar_date) as integer) as day_of_week, -- ISO: 1 = Monday .. 7 = Sunday
        strftime(calendar_date, '%A') as day_name, -- Monday..Sunday
        isodow(calendar_date) in (6, 7) as is_weekend -- Saturday or Sunday

    from days

),

unknown_member as (

    select
        -1 as date_key,
        cast(null as date) as calendar_date,
        cast(null as integer) as year,
        cast(null as integer) as quarter,
        cast(null as integer) as month,
        'unknown' as month_name,
        'unknown' as year_month,
        cast(null as date) as month_start_date,
        cast(null as integer) as day_of_month,
        cast(null as integer) as day_of_year,
        cast(null as integer) as iso_year,
        cast(null as integer) as iso_week,
        cast(null as integer) as day_of_week,
        'unknown' as day_name,
        cast(null as boolean) as is_weekend

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
