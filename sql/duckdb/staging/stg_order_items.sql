-- Staging of raw.order_items: typed and cleaned, one row per raw row (duplicates are kept here and
-- resolved in intermediate.int_order_items).
-- Timestamps are read by source_timestamp, as in stg_orders (any separator between date and time).
with

source as (

    select * from raw.order_items

),

renamed as (

    select
        -- an id goes through trim() only when trim() may change it (a character outside ASCII, a first
        -- character below '!', a last one a space): trim() decodes and copies every value
        if(order_id >= '!' and not ends_with(order_id, ' ') and strlen(order_id) = length(order_id), order_id,
            trim(order_id)) as order_id,
        source_integer(order_item_id) as order_item_id, -- 1..n within the order; "1.0" reads as 1
        if(product_id >= '!' and not ends_with(product_id, ' ') and strlen(product_id) = length(product_id), product_id,
            trim(product_id)) as product_id,
        if(seller_id >= '!' and not ends_with(seller_id, ' ') and strlen(seller_id) = length(seller_id), seller_id,
            trim(seller_id)) as seller_id,
        source_timestamp(shipping_limit_date) as shipping_limit_date, -- runs to 2020
        source_amount(price) as price, -- BRL
        source_amount(freight_value) as freight_value, -- BRL, freight charged for this item
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
