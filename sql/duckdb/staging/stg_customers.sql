-- Staging of raw.customers: typed and cleaned, one row per raw row (one row per customer_id in the
-- published file; duplicates are kept here and resolved in intermediate.int_customers).
with

source as (

    select * from raw.customers

),

renamed as (

    select
        source_id(customer_id) as customer_id, -- key of the customer as seen by one order
        source_id(customer_unique_id) as customer_unique_id, -- the person, shared by all their orders
        source_zip_prefix(customer_zip_code_prefix) as customer_zip_code_prefix, -- 5 characters, leading zeros restored
        source_text(customer_city) as customer_city,
        source_state_code(customer_state) as customer_state, -- two-letter state code
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
