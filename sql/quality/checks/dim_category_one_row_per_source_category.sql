-- core.dim_category has a member for each category named in the products or the translation file and for no
-- other (besides its unknown member, -1). Returns the categories missing from the dimension and the members
-- no source file names.
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

    select product_category_name from categories where category_key <> -1

),

source_categories as (

    select product_category_name from products where product_category_name is not null
    union
    select product_category_name from translations where product_category_name is not null

),

missing_members as (

    select
        'missing from the dimension' as problem,
        product_category_name

    from source_categories
    anti join known_members
        on source_categories.product_category_name = known_members.product_category_name

),

unexpected_members as (

    select
        'named by no source file' as problem,
        product_category_name

    from known_members
    anti join source_categories
        on known_members.product_category_name = source_categories.product_category_name

)

select * from missing_members
union all
select * from unexpected_members
