-- grain: one row per seller_id found in the sellers file, plus the unknown member (seller_key = -1)
-- that facts point to when the seller of an item is missing.
-- A seller_id repeated in a re-saved file keeps its first line. seller_key numbers the sellers in
-- seller_id order.
with

sellers as (

    select * from staging.stg_sellers

),

sellers_deduplicated as (

    select *

    from sellers
    qualify row_number() over (partition by seller_id order by _source_line) = 1

),

known_members as (

    select
        row_number() over (order by seller_id) as seller_key,
        seller_id,
        coalesce(seller_zip_code_prefix, 'unknown') as seller_zip_code_prefix, -- 5 characters
        coalesce(seller_city, 'unknown') as seller_city, -- as written by the seller, sometimes dirty
        coalesce(seller_state, 'unknown') as seller_state

    from sellers_deduplicated

),

unknown_member as (

    select
        cast(-1 as bigint) as seller_key,
        'unknown' as seller_id,
        'unknown' as seller_zip_code_prefix,
        'unknown' as seller_city,
        'unknown' as seller_state

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
