-- Invariant: dim_seller has one row per seller_id and per seller_key, and exactly one
-- unknown member (-1). Returns the offending keys.
with

sellers as (

    select * from core.dim_seller

),

duplicated_sellers as (

    select
        'seller_id repeated' as problem,
        seller_id as offending_value,
        count(*) as row_count

    from sellers
    group by seller_id
    having count(*) > 1

),

duplicated_keys as (

    select
        'seller_key repeated' as problem,
        cast(seller_key as varchar) as offending_value,
        count(*) as row_count

    from sellers
    group by seller_key
    having count(*) > 1

),

missing_unknown_member as (

    select
        'unknown member missing' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from sellers
    where seller_key = -1
    having count(*) <> 1

),

final as (

    select * from duplicated_sellers
    union all
    select * from duplicated_keys
    union all
    select * from missing_unknown_member

)

select * from final
