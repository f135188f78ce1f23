-- grain: one row per customer_id (the customer as seen by one order).
-- The published file has each customer_id once; if a re-saved file repeats one, its first line wins
-- so that joins on customer_id can never multiply rows (the duplicate rule: of the lines of one source key,
-- the first line of the file wins; README, Gates before publishing).
with

customers as (

    select * from staging.stg_customers

),

deduplicated as (

    select
        customer_id,
        customer_unique_id, -- the person
        customer_zip_code_prefix,
        customer_city,
        customer_state,
        _source_line -- line of the kept row in the source file (lineage)

    from customers
    qualify row_number() over (partition by customer_id order by _source_line) = 1

)

select * from deduplicated
