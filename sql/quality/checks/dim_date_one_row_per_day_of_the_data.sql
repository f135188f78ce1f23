-- core.dim_date has one row for each day from the earliest to the latest date of the orders (five
-- timestamps), the order items (shipping limit) and the reviews (creation and answer), without a gap, and
-- for no other day (besides its unknown member, -1). Returns the days missing from the calendar and the
-- days outside the dates of the data.
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

ranges as (

    select
        least(
            min(order_purchase_timestamp), min(order_approved_at), min(order_delivered_carrier_date),
            min(order_delivered_customer_date), min(order_estimated_delivery_date)
        ) as first_at,
        greatest(
            max(order_purchase_timestamp), max(order_approved_at), max(order_delivered_carrier_date),
            max(order_delivered_customer_date), max(order_estimated_delivery_date)
        ) as last_at

    from orders

    union all

    select min(shipping_limit_date), max(shipping_limit_date) from order_items

    union all

    select
        least(min(review_creation_date), min(review_answer_timestamp)),
        greatest(max(review_creation_date), max(review_answer_timestamp))

    from order_reviews

),

data_days as (

    select cast(unnest(generate_series(cast(min(first_at) as date), cast(max(last_at) as date), interval 1 day)) as date)
        as calendar_date

    from ranges

),

calendar_days as (

    select calendar_date from dates where date_key <> -1

),

missing_days as (

    select
        'missing from the calendar' as problem,
        calendar_date

    from data_days
    anti join calendar_days
        on data_days.calendar_date = calendar_days.calendar_date

),

unexpected_days as (

    select
        'outside the dates of the data' as problem,
        calendar_date

    from calendar_days
    anti join data_days
        on calendar_days.calendar_date = data_days.calendar_date

)

select * from missing_days
union all
select * from unexpected_days
