-- grain: one row per order item (order_id, order_item_id).
-- A pair repeated in a re-saved file keeps its first line, so that no item is counted twice (the duplicate
-- rule: of the lines of one source key, the first line of the file wins; README, Gates before publishing).
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

order_items as (

    select * from staging.stg_order_items

),

deduplicated as (

    select
        order_id,
        order_item_id, -- 1..n within the order
        product_id,
        seller_id,
        shipping_limit_date,
        price, -- BRL
        freight_value, -- BRL
        _source_line -- line of the kept row in the source file (lineage)

    from order_items
    qualify row_number() over (partition by order_id, order_item_id order by _source_line) = 1

)

select * from deduplicated
