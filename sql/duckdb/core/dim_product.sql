-- grain: one row per product_id found in the products file, plus the unknown member
-- (product_key = -1) that facts point to when the product of an item is missing.
-- A product_id repeated in a re-saved file keeps its first line. A product without a category shows
-- unknown in both category columns. product_key numbers the products in product_id order.
with

products as (

    select * from staging.stg_products

),

products_deduplicated as (

    select *

    from products
    qualify row_number() over (partition by product_id order by _source_line) = 1

),

known_members as (

    select
        row_number() over (order by product_id) as product_key,
        product_id,
        coalesce(product_category_name, 'unknown') as product_category_name, -- Portuguese
        coalesce(product_category_name_english, 'unknown') as product_category_name_english, -- Portuguese name when untranslated
        product_name_length, -- characters in the product name
        product_description_length, -- characters in the product description
        product_photos_qty,
        product_weight_g,
        product_length_cm,
        product_height_cm,
        product_width_cm,
        cast(product_length_cm * product_height_cm * product_width_cm as decimal(18, 2)) as product_volume_cm3 -- length x height x width

    from products_deduplicated

),

unknown_member as (

    select
        cast(-1 as bigint) as product_key,
        'unknown' as product_id,
        'unknown' as product_category_name,
        'unknown' as product_category_name_english,
        cast(null as integer) as product_name_length,
        cast(null as integer) as product_description_length,
        cast(null as integer) as product_photos_qty,
        cast(null as decimal(12, 2)) as product_weight_g,
        cast(null as decimal(12, 2)) as product_length_cm,
        cast(null as decimal(12, 2)) as product_height_cm,
        cast(null as decimal(12, 2)) as product_width_cm,
        cast(null as decimal(18, 2)) as product_volume_cm3

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
