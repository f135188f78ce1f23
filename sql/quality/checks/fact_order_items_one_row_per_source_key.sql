-- core.fact_order_items holds a row for each item (order_id, order_item_id) of the order items file
-- (staging.stg_order_items, every line read, so that no intermediate model is trusted) and for no other:
-- none of its keys is missing from the file, and it has as many rows as the file has keys. Returns the keys
-- (order_id, order_item_id) the file does not hold and, when the counts differ, those missing from the
-- fact; a repeated key is the business of fact_order_items_grain_unique.
with

fact as (

    select * from core.fact_order_items

),

staged as (

    select * from staging.stg_order_items

),

fact_keys as (

    select order_id, order_item_id from fact

),

source_keys as (

    select distinct order_id, order_item_id from staged

),

counts_differ as (

    select (select count(*) from fact_keys) <> (select count(*) from source_keys) as differ

),

unexpected_keys as (

    select
        'not in the file' as problem,
        order_id,
        order_item_id

    from fact_keys
    anti join staged
        on fact_keys.order_id is not distinct from staged.order_id
        and fact_keys.order_item_id is not distinct from staged.order_item_id

),

missing_keys as (

    select
        'missing from the fact' as problem,
        order_id,
        order_item_id

    from (
        -- only when the counts differ can a key be missing: otherwise the costly side is skipped
        select * from source_keys where (select differ from counts_differ)
    ) as source_keys
    anti join fact_keys
        on source_keys.order_id is not distinct from fact_keys.order_id
        and source_keys.order_item_id is not distinct from fact_keys.order_item_id

)

select * from unexpected_keys
union all
select * from missing_keys
