-- Invariant: every fact holds exactly one row per grain key and exactly the keys of its source:
--   fact_orders: one row per order_id of the orders file;
--   fact_order_items: one row per (order_id, order_item_id) of the order items file;
--   fact_payments: one row per (order_id, payment_sequential) of the payments file;
--   fact_reviews: one row per (review_id, order_id) of the reviews file;
--   fact_deliveries: one row per delivered order_id: the first line of the order in the orders file
--   has status delivered and a delivered-customer date.
-- Sources are read from staging (every raw line) so that no intermediate model is trusted. Returns one
-- row per fact and repeated, missing or unexpected key.
with

orders as (

    select * from core.fact_orders

),

order_items as (

    select * from core.fact_order_items

),

payments as (

    select * from core.fact_payments

),

reviews as (

    select * from core.fact_reviews

),

deliveries as (

    select * from core.fact_deliveries

),

staged_orders as (

    select * from staging.stg_orders

),

staged_order_items as (

    select * from staging.stg_order_items

),

staged_payments as (

    select * from staging.stg_order_payments

),

staged_reviews as (

    select * from staging.stg_order_reviews

),

first_order_lines as (

    select *

    from staged_orders
    qualify row_number() over (partition by order_id order by _source_line) = 1

),

fact_keys as (

    select 'fact_orders' as fact, coalesce(order_id, '<null>') as grain_key from orders
    union all
    select 'fact_order_items', coalesce(order_id, '<null>') || '/' || coalesce(cast(order_item_id as varchar), '<null>') from order_items
    union all
    select 'fact_payments', coalesce(order_id, '<null>') || '/' || coalesce(cast(payment_sequential as varchar), '<null>') from payments
    union all
    select 'fact_reviews', coalesce(review_id, '<null>') || '/' || coalesce(order_id, '<null>') from reviews
    union all
    select 'fact_deliveries', coalesce(order_id, '<null>') from deliveries

),

source_keys as (

    select distinct 'fact_orders' as fact, coalesce(order_id, '<null>') as grain_key from staged_orders
    union
    select 'fact_order_items', coalesce(order_id, '<null>') || '/' || coalesce(cast(order_item_id as varchar), '<null>') from staged_order_items
    union
    select 'fact_payments', coalesce(order_id, '<null>') || '/' || coalesce(cast(payment_sequential as varchar), '<null>') from staged_payments
    union
    select 'fact_reviews', coalesce(review_id, '<null>') || '/' || coalesce(order_id, '<null>') from staged_reviews
    union
    select 'fact_deliveries', coalesce(order_id, '<null>')
    from first_order_lines
    where order_status = 'delivered' and order_delivered_customer_date is not null

),

repeated_keys as (

    select
        fact || ': grain key repeated' as problem,
        grain_key as offending_value,
        count(*) as row_count

    from fact_keys
    group by fact, grain_key
    having count(*) > 1

),

missing_keys as (

    select
        source_keys.fact || ': key of the source missing from the fact' as problem,
        source_keys.grain_key as offending_value,
        1 as row_count

    from source_keys
    anti join fact_keys
        on source_keys.fact = fact_keys.fact
        and source_keys.grain_key = fact_keys.grain_key

),

unexpected_keys as (

    select
        fact_keys.fact || ': key not in the source' as problem,
        fact_keys.grain_key as offending_value,
        count(*) as row_count

    from fact_keys
    anti join source_keys
        on fact_keys.fact = source_keys.fact
        and fact_keys.grain_key = source_keys.grain_key
    group by all

),

final as (

    select * from repeated_keys
    union all
    select * from missing_keys
    union all
    select * from unexpected_keys

)

select * from final
