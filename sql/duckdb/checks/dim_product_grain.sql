-- Invariant: dim_product has one row per product_id and per product_key, and exactly one
-- unknown member (-1). Returns the offending keys.
with

products as (

    select * from core.dim_product

),

duplicated_products as (

    select
        'product_id repeated' as problem,
        product_id as offending_value,
        count(*) as row_count

    from products
    group by product_id
    having count(*) > 1

),

duplicated_keys as (

    select
        'product_key repeated' as problem,
        cast(product_key as varchar) as offending_value,
        count(*) as row_count

    from products
    group by product_key
    having count(*) > 1

),

missing_unknown_member as (

    select
        'unknown member missing' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from products
    where product_key = -1
    having count(*) <> 1

),

final as (

    select * from duplicated_products
    union all
    select * from duplicated_keys
    union all
    select * from missing_unknown_member

)

select * from final
