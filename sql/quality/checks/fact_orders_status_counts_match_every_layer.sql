-- No order is lost, duplicated or moved to another status between layers: for every status, as many
-- orders have it in staging (the first line of each order_id), in intermediate.int_orders, in
-- intermediate.int_order_enriched and in core.fact_orders. Returns the statuses whose counts differ, with
-- the four counts.
with

staged_orders as (

    select * from staging.stg_orders

),

source_orders as (

    select * from intermediate.int_orders

),

enriched_orders as (

    select * from intermediate.int_order_enriched

),

orders as (

    select * from core.fact_orders

),

first_lines as (

    select arg_min_null(order_status, _source_line) as order_status -- the first line's, null or not

    from staged_orders
    group by order_id

),

statuses as (

    select 'staging' as layer, order_status from first_lines
    union all
    select 'int_orders', order_status from source_orders
    union all
    select 'int_order_enriched', order_status from enriched_orders
    union all
    select 'fact_orders', order_status from orders

),

counts as (

    select
        order_status,
        count(*) filter (where layer = 'staging') as staging_orders,
        count(*) filter (where layer = 'int_orders') as int_orders,
        count(*) filter (where layer = 'int_order_enriched') as int_order_enriched,
        count(*) filter (where layer = 'fact_orders') as fact_orders

    from statuses
    group by order_status

)

select *

from counts
where staging_orders <> int_orders
    or staging_orders <> int_order_enriched
    or staging_orders <> fact_orders
