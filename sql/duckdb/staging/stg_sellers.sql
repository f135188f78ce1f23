-- Staging of raw.sellers: typed and cleaned, one row per raw row (duplicates are kept here and
-- resolved in core.dim_seller).
with

source as (

    select * from raw.sellers

),

renamed as (

    select
        source_id(seller_id) as seller_id,
        source_zip_prefix(seller_zip_code_prefix) as seller_zip_code_prefix, -- 5 characters, leading zeros restored
        source_text(seller_city) as seller_city, -- sometimes dirty in the source (sao paulo / sao paulo)
        source_state_code(seller_state) as seller_state, -- two-letter state code
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
