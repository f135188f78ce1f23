-- Staging of raw.category_translation: cleaned, one row per raw row.
with

source as (

    select * from raw.category_translation

),

renamed as (

    select
        trim(product_category_name) as product_category_name, -- Portuguese
        source_text(product_category_name_english) as product_category_name_english,
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
