-- Invariant: core.dim_category has one row per category_key and per product_category_name, exactly
-- the categories named in the products or the translation file plus the unknown member (-1), which
-- exists exactly once. Returns the offending keys.
with

categories as (

    select * from core.dim_category

),

products as (

    select * from staging.stg_products

),

translations as (

    select * from staging.stg_category_translation

),

known_members as (

    select * from categories where category_key <> -1

),

source_categories as (

    select product_category_name from products where product_category_name is not null
    union
    select product_category_name from translations where product_category_name is not null

),

duplicated_keys as (

    select
        'category_key repeated' as problem,
        cast(category_key as varchar) as offending_value,
        count(*) as row_count

    from categories
    group by category_key
    having count(*) > 1

),

duplicated_names as (

    select
        'product_category_name repeated' as problem,
        coalesce(product_category_name, 'null') as offending_value,
        count(*) as row_count

    from categories
    group by product_category_name
    having count(*) > 1

),

null_keys as (

    select
        'category_key or product_category_name null' as problem,
        coalesce(cast(category_key as varchar), product_category_name, 'null') as offending_value,
        count(*) as row_count

    from categories
    where category_key is null or product_category_name is null
    group by all

),

unknown_member as (

    select
        'unknown member (-1) missing or repeated' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from categories
    where category_key = -1
    having count(*) <> 1

),

missing_categories as (

    select
        'category of the source files missing from the dimension' as problem,
        source_categories.product_category_name as offending_value,
        1 as row_count

    from source_categories
    anti join known_members
        on source_categories.product_category_name = known_members.product_category_name

),

extra_categories as (

    select
        'category of the dimension not in the source files' as problem,
        coalesce(known_members.product_category_name, 'null') as offending_value,
        1 as row_count

    from known_members
    anti join source_categories
        on known_members.product_category_name = source_categories.product_category_name

),

final as (

    select * from duplicated_keys
    union all
    select * from duplicated_names
    union all
    select * from null_keys
    union all
    select * from unknown_member
    union all
    select * from missing_categories
    union all
    select * from extra_categories

)

select * from final
