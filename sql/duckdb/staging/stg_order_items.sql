-- Staging of raw.order_items: typed and cleaned, one row per raw row (duplicates are kept here and
-- resolved in intermediate.int_order_items).
-- Timestamps are read by source_timestamp, as in stg_orders (any separator between date and time).
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

source as (

    select * from raw.order_items

),

renamed as (

    select
        source_id(order_id) as order_id,
        source_integer(order_item_id) as order_item_id, -- 1..n within the order; "1.0" reads as 1
        source_id(product_id) as product_id,
        source_id(seller_id) as seller_id,
        source_timestamp(shipping_limit_date) as shipping_limit_date, -- runs to 2020
        source_amount(price) as price, -- BRL
        source_amount(freight_value) as freight_value, -- BRL, freight charged for this item
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
