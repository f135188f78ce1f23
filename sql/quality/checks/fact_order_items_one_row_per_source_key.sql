-- core.fact_order_items holds a row for each item (order_id, order_item_id) of the order items file
-- (staging.stg_order_items, every line read, so that no intermediate model is trusted) and for no other.
-- The keys (order_id, order_item_id) are compared first by their count and a checksum (the sum of their
-- hashes), in one scan of each side; only when these differ are the keys themselves compared, to name those
-- the file does not hold and those missing from the fact. A repeated key is the business of
-- fact_order_items_grain_unique.
with

fact as (

    select * from core.fact_order_items

),

staged as (

    select * from staging.stg_order_items

),

source_fingerprint as (

    select
        count(*) as source_keys,
        sum(key_hash) as source_checksum

    from (select distinct hash(order_id, order_item_id) as key_hash from staged)

),

fingerprints as (

    select
        (select count(*) from fact) as fact_keys,
        (select sum(hash(order_id, order_item_id)) from fact) as fact_checksum,
        source.source_keys,
        source.source_checksum

    from source_fingerprint as source

),

keys_differ as (

    select
        fact_keys <> source_keys or fact_checksum is distinct from source_checksum as differ

    from fingerprints

),

fact_keys as (

    select order_id, order_item_id from fact where (select differ from keys_differ)

),

source_keys as (

    select distinct order_id, order_item_id from staged where (select differ from keys_differ)

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

    from source_keys
    anti join fact
        on source_keys.order_id is not distinct from fact.order_id
        and source_keys.order_item_id is not distinct from fact.order_item_id

)

select * from unexpected_keys
union all
select * from missing_keys
