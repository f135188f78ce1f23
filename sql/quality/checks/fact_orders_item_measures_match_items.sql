-- Each order of core.fact_orders holds the count, price and freight of its items in core.fact_order_items:
-- item_count, items_price and items_freight are their count and sums (0 without items). The orders with
-- items and the items' figures per order are compared first by a checksum (the sum of the hashes of each
-- order and its figures); only when it differs are they compared order by order. Returns the orders whose
-- measures differ, with their items' figures.
with

orders as (

    select * from core.fact_orders

),

order_items as (

    select * from core.fact_order_items

),

items_per_order as (

    select
        order_id,
        count(*) as items,
        sum(price) as price,
        sum(freight_value) as freight

    from order_items
    group by order_id

),

checksums_differ as (

    select
        (
            select sum(hash(order_id, item_count, items_price, items_freight))
            from orders
            where item_count <> 0 or items_price <> 0 or items_freight <> 0
        ) is distinct from (
            select sum(hash(order_id, items, price, freight)) from items_per_order
        ) as differ

),

compared as (

    select
        orders.order_id,
        orders.item_count,
        orders.items_price,
        orders.items_freight,
        coalesce(items_per_order.items, 0) as items_of_the_order,
        coalesce(items_per_order.price, 0) as price_of_its_items,
        coalesce(items_per_order.freight, 0) as freight_of_its_items

    from (select * from orders where (select differ from checksums_differ)) as orders
    left join items_per_order
        on orders.order_id = items_per_order.order_id

)

select *

from compared
where item_count is distinct from items_of_the_order
    or items_price is distinct from price_of_its_items
    or items_freight is distinct from freight_of_its_items
