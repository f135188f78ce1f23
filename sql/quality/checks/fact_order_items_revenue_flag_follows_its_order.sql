-- core.fact_order_items.counts_as_revenue is its order's in core.fact_orders, false when the order is
-- missing. Returns the items whose flag differs, with their order's.
with

order_items as (

    select * from core.fact_order_items

),

orders as (

    select * from core.fact_orders

)

select
    order_items.order_id,
    order_items.order_item_id,
    order_items.counts_as_revenue,
    orders.counts_as_revenue as order_counts_as_revenue

from order_items
left join orders
    on order_items.order_id = orders.order_id
where order_items.counts_as_revenue is distinct from coalesce(orders.counts_as_revenue, false)
