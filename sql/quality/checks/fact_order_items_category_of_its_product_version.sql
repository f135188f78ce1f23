-- core.fact_order_items.category_key is the category of the item's product version in core.dim_product.
-- Returns the items holding another category, with their product version's.
with

order_items as (

    select * from core.fact_order_items

),

products as (

    select * from core.dim_product

)

select
    order_items.order_id,
    order_items.order_item_id,
    order_items.product_key,
    order_items.category_key,
    products.category_key as product_category_key

from order_items
left join products
    on order_items.product_key = products.product_key
where order_items.category_key is distinct from products.category_key
