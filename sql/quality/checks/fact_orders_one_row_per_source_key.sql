-- core.fact_orders holds a row for each order of the orders file (staging.stg_orders, every line read, so
-- that no intermediate model is trusted) and for no other: none of its keys is missing from the file, and
-- it has as many rows as the file has keys. Returns the keys (order_id) the file does not hold and, when
-- the counts differ, those missing from the fact; a repeated key is the business of
-- fact_orders_grain_unique.
with

fact as (

    select * from core.fact_orders

),

staged as (

    select * from staging.stg_orders

),

fact_keys as (

    select order_id from fact

),

source_keys as (

    select distinct order_id from staged

),

counts_differ as (

    select (select count(*) from fact_keys) <> (select count(*) from source_keys) as differ

),

unexpected_keys as (

    select
        'not in the file' as problem,
        order_id

    from fact_keys
    anti join staged
        on fact_keys.order_id is not distinct from staged.order_id

),

missing_keys as (

    select
        'missing from the fact' as problem,
        order_id

    from (
        -- only when the counts differ can a key be missing: otherwise the costly side is skipped
        select * from source_keys where (select differ from counts_differ)
    ) as source_keys
    anti join fact_keys
        on source_keys.order_id is not distinct from fact_keys.order_id

)

select * from unexpected_keys
union all
select * from missing_keys
