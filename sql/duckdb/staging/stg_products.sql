-- Staging of raw.products: typed and cleaned, one row per raw row, with the category translated to
-- English. A category without a translation keeps its Portuguese name as the English name; a product
-- without a category has null in both (dimensions show it as unknown).
with

source as (

    select * from raw.products

),

translations as (

    select * from staging.stg_category_translation

),

translation_per_category as (

    -- the translation file should hold each category once; if not, its first line wins so that
    -- the join below cannot multiply products
    select
        product_category_name,
        arg_min(product_category_name_english, _source_line) as product_category_name_english

    from translations
    group by product_category_name

),

renamed as (

    select
        source_id(product_id) as product_id,
        source_text(product_category_name) as product_category_name, -- Portuguese
        source_integer(product_name_lenght) as product_name_length, -- characters; the source spells it lenght
        source_integer(product_description_lenght) as product_description_length, -- characters; the source spells it lenght
        source_integer(product_photos_qty) as product_photos_qty,
        source_decimal(product_weight_g) as product_weight_g,
        source_decimal(product_length_cm) as product_length_cm,
        source_decimal(product_height_cm) as product_height_cm,
        source_decimal(product_width_cm) as product_width_cm,
        _source_line -- line of the row in the source file (lineage)

    from source

),

translated as (

    select
        renamed.product_id,
        renamed.product_category_name,
        case
            when renamed.product_category_name is null then null
            else coalesce(translation_per_category.product_category_name_english, renamed.product_category_name)
        end as product_category_name_english, -- Portuguese name when no translation exists
        renamed.product_name_length,
        renamed.product_description_length,
        renamed.product_photos_qty,
        renamed.product_weight_g,
        renamed.product_length_cm,
        renamed.product_height_cm,
        renamed.product_width_cm,
        renamed._source_line

    from renamed
    left join translation_per_category
        on renamed.product_category_name = translation_per_category.product_category_name

)

select * from translated
