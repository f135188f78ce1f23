-- Staging of raw.geolocation: typed and cleaned, one row per raw row. The source has many rows per
-- zip prefix, exact duplicates included; they are kept here and summarised by the geography model.
with

source as (

    select * from raw.geolocation

),

renamed as (

    select
        source_zip_prefix(geolocation_zip_code_prefix) as geolocation_zip_code_prefix, -- 5 characters, leading zeros restored
        source_number(geolocation_lat) as geolocation_lat, -- degrees; a few points lie outside Brazil
        source_number(geolocation_lng) as geolocation_lng, -- degrees
        source_text(geolocation_city) as geolocation_city, -- spelled with or without accents
        source_state_code(geolocation_state) as geolocation_state, -- two-letter state code
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
