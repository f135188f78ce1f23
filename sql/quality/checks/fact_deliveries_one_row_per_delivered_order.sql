-- core.fact_deliveries holds a row for each delivered order of the orders file (staging.stg_orders, every
-- line read: the first line of the order has status delivered and a delivered-customer date) and for no
-- other order. The orders are compared first by their count and a checksum (the sum of their hashes); only
-- when these differ are the orders themselves compared, to name those missing from the fact and those that
-- are not delivered orders of the file. A repeated order is the business of fact_deliveries_grain_unique.
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
        arg_min_null(order_status, _source_line) as order_status, -- the first line's, null or not
        arg_min_null(order_delivered_customer_date, _source_line) as order_delivered_customer_date

    from staged_orders
    group by order_id

),

delivered_orders as (

    select order_id

    from first_lines
    where order_status = 'delivered' and order_delivered_customer_date is not null

),

fingerprints as (

    select
        (select count(*) from deliveries) as fact_orders,
        (select sum(hash(order_id)) from deliveries) as fact_checksum,
        (select count(*) from delivered_orders) as source_orders,
        (select sum(hash(order_id)) from delivered_orders) as source_checksum

),

orders_differ as (

    select
        fact_orders <> source_orders or fact_checksum is distinct from source_checksum as differ

    from fingerprints

),

missing_orders as (

    select
        'missing from the fact' as problem,
        order_id

    from (select * from delivered_orders where (select differ from orders_differ)) as delivered_orders
    anti join deliveries
        on delivered_orders.order_id is not distinct from deliveries.order_id

),

unexpected_orders as (

    select
        'not a delivered order of the file' as problem,
        order_id

    from (select * from deliveries where (select differ from orders_differ)) as deliveries
    anti join delivered_orders
        on deliveries.order_id is not distinct from delivered_orders.order_id

)

select * from missing_orders
union all
select * from unexpected_orders
