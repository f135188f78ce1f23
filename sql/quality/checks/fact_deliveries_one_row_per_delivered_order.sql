-- core.fact_deliveries holds a row for each delivered order of the orders file (staging.stg_orders, every
-- line read: the first line of the order has status delivered and a delivered-customer date) and for no
-- other order. Returns the orders missing from the fact and those that are not delivered orders of the
-- file; a repeated order is the business of fact_deliveries_grain_unique.
with

deliveries as (

    select * from core.fact_deliveries

),

staged_orders as (

    select * from staging.stg_orders

),

first_lines as (

    select
        order_id,
        arg_min_null(order_status, _source_line) as order_status,
        arg_min_null(order_delivered_customer_date, _source_line) as order_delivered_customer_date

    from staged_orders
    group by order_id

),

delivered_orders as (

    select order_id

    from first_lines
    where order_status = 'delivered' and order_delivered_customer_date is not null

),

fact_keys as (

    select distinct order_id from deliveries

),

missing_orders as (

    select
        'missing from the fact' as problem,
        order_id

    from delivered_orders
    anti join fact_keys
        on delivered_orders.order_id is not distinct from fact_keys.order_id

),

unexpected_orders as (

    select
        'not a delivered order of the file' as problem,
        order_id

    from fact_keys
    anti join delivered_orders
        on fact_keys.order_id is not distinct from delivered_orders.order_id

)

select * from missing_orders
union all
select * from unexpected_orders
