-- grain: one row per product category (Portuguese name) found in the products or the translation
-- file, plus the unknown member (category_key = -1) for products without a category.
-- A category without a translation keeps its Portuguese name as its English name. category_key
-- numbers the categories in Portuguese-name order.
with

products as (

    select * from staging.stg_products

),

translations as (

    select * from staging.stg_category_translation

),

translation_per_category as (

    select
        product_category_name,
        arg_min(product_category_name_english, _source_line) as product_category_name_english

    from translations
    where product_category_name is not null and product_category_name_english is not null
    group by product_category_name

),

categories as (

    select product_category_name from products where product_category_name is not null
    union
    select product_category_name from translations where product_category_name is not null

),

known_members as (

    select
        row_number() over (order by categories.product_category_name) as category_key,
        categories.product_category_name, -- Portuguese
        coalesce(translation_per_category.product_category_name_english, categories.product_category_name) as product_category_name_english, -- Portuguese name when untranslated
        translation_per_category.product_category_name is not null as has_translation

    from categories
    left join translation_per_category
        on categories.product_category_name = translation_per_category.product_category_name

),

unknown_member as (

    select
        cast(-1 as bigint) as category_key,
        'unknown' as product_category_name,
        'unknown' as product_category_name_english,
        false as has_translation

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
