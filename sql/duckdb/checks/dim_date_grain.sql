-- Invariant: core.dim_date has one row per date_key and per calendar_date, date_key is the date as a
-- yyyymmdd integer, the unknown member (-1) exists exactly once, and the known days run without a gap
-- from the earliest to the latest date of the orders (five timestamps), the order items (shipping
-- limit) and the reviews (creation and answer). Returns the offending keys.
with

dates as (

    select * from core.dim_date

),

orders as (

    select * from staging.stg_orders

),

order_items as (

    select * from staging.stg_order_items

),

order_reviews as (

    select * from staging.stg_order_reviews

),

source_dates as (

    select cast(order_purchase_timestamp as date) as source_date from orders
    union all
    select cast(order_approved_at as date) from orders
    union all
    select cast(order_delivered_carrier_date as date) from orders
    union all
    select cast(order_delivered_customer_date as date) from orders
    union all
    select cast(order_estimated_delivery_date as date) from orders
    union all
    select cast(shipping_limit_date as date) from order_items
    union all
    select cast(review_creation_date as date) from order_reviews
    union all
    select cast(review_answer_timestamp as date) from order_reviews

),

source_range as (

    select
        min(source_date) as first_date,
        max(source_date) as last_date

    from source_dates

),

known_days as (

    select * from dates where date_key <> -1

),

duplicated_keys as (

    select
        'date_key repeated' as problem,
        cast(date_key as varchar) as offending_value,
        count(*) as row_count

    from dates
    group by date_key
    having count(*) > 1

),

duplicated_dates as (

    select
        'calendar_date repeated' as problem,
        cast(calendar_date as varchar) as offending_value,
        count(*) as row_count

    from known_days
    group by calendar_date
    having count(*) > 1

),

malformed_keys as (

    select
        'date_key is not the yyyymmdd of calendar_date' as problem,
        coalesce(cast(date_key as varchar), 'null') || ' for ' || coalesce(cast(calendar_date as varchar), 'null') as offending_value,
        1 as row_count

    from known_days
    where date_key is distinct from cast(strftime(calendar_date, '%Y%m%d') as integer)

),

unknown_member as (

    select
        'unknown member (-1) missing or repeated' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from dates
    where date_key = -1
    having count(*) <> 1

),

gaps as (

    select
        'days missing in the calendar' as problem,
        cast(min(calendar_date) as varchar) || '..' || cast(max(calendar_date) as varchar) as offending_value,
        count(*) as row_count

    from known_days
    having count(*) <> coalesce(date_diff('day', min(calendar_date), max(calendar_date)) + 1, 0)

),

range_differences as (

    select
        'calendar does not run from the first to the last date of the data' as problem,
        'calendar ' || coalesce(cast(calendar.first_date as varchar), 'none') || '..' || coalesce(cast(calendar.last_date as varchar), 'none')
            || ', data ' || coalesce(cast(source_range.first_date as varchar), 'none') || '..'
            || coalesce(cast(source_range.last_date as varchar), 'none') as offending_value,
        calendar.days as row_count

    from (
        select min(calendar_date) as first_date, max(calendar_date) as last_date, count(*) as days from known_days
    ) as calendar
    cross join source_range
    where calendar.first_date is distinct from source_range.first_date
        or calendar.last_date is distinct from source_range.last_date

),

final as (

    select * from duplicated_keys
    union all
    select * from duplicated_dates
    union all
    select * from malformed_keys
    union all
    select * from unknown_member
    union all
    select * from gaps
    union all
    select * from range_differences

)

select * from final
