-- Invariant: no order is lost, duplicated or moved to another status between layers. For every order
-- status, the number of distinct orders in staging (the first line of each order_id, the duplicate
-- rule) equals the number in intermediate.int_orders, intermediate.int_order_enriched and
-- core.fact_orders. Returns one row per status whose counts differ.
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

    select *

    from staged_orders
    qualify row_number() over (partition by order_id order by _source_line) = 1

),

statuses as (

    select 'staging' as layer, coalesce(order_status, '<null>') as order_status from first_lines
    union all
    select 'int_orders', coalesce(order_status, '<null>') from source_orders
    union all
    select 'int_order_enriched', coalesce(order_status, '<null>') from enriched_orders
    union all
    select 'fact_orders', coalesce(order_status, '<null>') from orders

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

),

differences as (

    select
        'order count by status differs between layers' as problem,
        order_status || ': staging ' || staging_orders || ', int_orders ' || int_orders
            || ', int_order_enriched ' || int_order_enriched || ', fact_orders ' || fact_orders as offending_value,
        greatest(staging_orders, int_orders, int_order_enriched, fact_orders)
            - least(staging_orders, int_orders, int_order_enriched, fact_orders) as row_count

    from counts
    where staging_orders <> int_orders
        or staging_orders <> int_order_enriched
        or staging_orders <> fact_orders

)

select * from differences
