-- core.fact_order_items carries its order's customer_key and purchase_date_key, those of core.fact_orders, or -1
-- for both when the order is missing. Returns the items carrying other keys, with their order's.
with

order_items as (

    select * from core.fact_order_items

),

orders as (

    select * from core.fact_orders

),

compared as (

    select
        order_items.order_id,
        order_items.order_item_id,
        order_items.customer_key,
        order_items.purchase_date_key,
        coalesce(orders.customer_key, -1) as order_customer_key,
        coalesce(orders.purchase_date_key, -1) as order_purchase_date_key

    from order_items
    left join orders
        on order_items.order_id = orders.order_id

)

select *

from compared
where customer_key is distinct from order_customer_key
    or purchase_date_key is distinct from order_purchase_date_key
