-- core.fact_payments holds a row for each payment (order_id, payment_sequential) of the payments file
-- (staging.stg_order_payments, every line read, so that no intermediate model is trusted) and for no other.
-- The keys (order_id, payment_sequential) are compared first by their count and a checksum (the sum of
-- their hashes), in one scan of each side; only when these differ are the keys themselves compared, to name
-- those the file does not hold and those missing from the fact. A repeated key is the business of
-- fact_payments_grain_unique.
with

fact as (

    select * from core.fact_payments

),

staged as (

    select * from staging.stg_order_payments

),

source_fingerprint as (

    select
        count(*) as source_keys,
        sum(key_hash) as source_checksum

    from (select distinct hash(order_id, payment_sequential) as key_hash from staged)

),

fingerprints as (

    select
        (select count(*) from fact) as fact_keys,
        (select sum(hash(order_id, payment_sequential)) from fact) as fact_checksum,
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

    select order_id, payment_sequential from fact where (select differ from keys_differ)

),

source_keys as (

    select distinct order_id, payment_sequential from staged where (select differ from keys_differ)

),

unexpected_keys as (

    select
        'not in the file' as problem,
        order_id,
        payment_sequential

    from fact_keys
    anti join staged
        on fact_keys.order_id is not distinct from staged.order_id
        and fact_keys.payment_sequential is not distinct from staged.payment_sequential

),

missing_keys as (

    select
        'missing from the fact' as problem,
        order_id,
        payment_sequential

    from source_keys
    anti join fact
        on source_keys.order_id is not distinct from fact.order_id
        and source_keys.payment_sequential is not distinct from fact.payment_sequential

)

select * from unexpected_keys
union all
select * from missing_keys
