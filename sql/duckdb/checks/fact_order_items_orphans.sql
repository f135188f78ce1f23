-- Data finding (not a model defect): order items whose order, customer, product or seller is not in
-- its source file. They stay in the fact pointing to the unknown member (-1); this lists them so they
-- are counted. None in the full published dataset; expected when a subset of the files is loaded.
with

order_items as (

    select * from core.fact_order_items

),

orphans as (

    select
        order_id,
        order_item_id,
        product_id,
        seller_id,
        is_order_missing,
        not is_order_missing and customer_key = -1 as is_customer_missing, -- the order exists, its customer does not
        product_key = -1 as is_product_missing,
        seller_key = -1 as is_seller_missing

    from order_items
    where is_order_missing
        or customer_key = -1
        or product_key = -1
        or seller_key = -1

)

select * from orphans
