-- grain: one row per order item (order_id, order_item_id) in the order items file (a repeated pair
-- keeps its first line). No item is dropped when its order, customer, product or seller is missing:
-- the key then points to the unknown member (-1) and is_order_missing tells items without an order
-- apart. Product and seller keys are the versions valid at the purchase time (the current versions
-- for an item without an order); customer_key is the order's (fact_orders).
with

order_items as (

    select * from intermediate.int_order_items

),

orders as (

    select * from core.fact_orders

),

products as (

    select * from core.dim_product

),

sellers as (

    select * from core.dim_seller

),

joined as (

    select
        order_items.order_id,
        order_items.order_item_id, -- 1..n within the order
        coalesce(orders.customer_key, -1) as customer_key,
        coalesce(products.product_key, -1) as product_key,
        coalesce(sellers.seller_key, -1) as seller_key,
        coalesce(products.category_key, -1) as category_key,
        coalesce(orders.purchase_date_key, -1) as purchase_date_key, -- day the order was placed
        coalesce(year(order_items.shipping_limit_date) * 10000 + month(order_items.shipping_limit_date) * 100 + day(order_items.shipping_limit_date), -1) as shipping_limit_date_key, -- day the seller must hand the item to the carrier
        order_items.product_id, -- kept so that an item with an unknown product stays traceable
        order_items.seller_id, -- kept so that an item with an unknown seller stays traceable
        orders.order_id is null as is_order_missing, -- the order is not in the orders file
        orders.order_status, -- null when the order is missing
        coalesce(orders.counts_as_revenue, false) as counts_as_revenue, -- the order counts as revenue
        orders.order_purchase_timestamp, -- null when the order is missing
        order_items.shipping_limit_date,
        order_items.price, -- BRL
        order_items.freight_value, -- BRL
        cast(order_items.price + order_items.freight_value as decimal(12, 2)) as item_total_value -- BRL, price + freight_value

    from order_items
    left join orders
        on order_items.order_id = orders.order_id
    left join products
        on order_items.product_id = products.product_id
        and (
            (orders.order_purchase_timestamp is null and products.is_current)
            or (orders.order_purchase_timestamp >= products.valid_from
                and (products.valid_to is null or orders.order_purchase_timestamp < products.valid_to))
        )
    left join sellers
        on order_items.seller_id = sellers.seller_id
        and (
            (orders.order_purchase_timestamp is null and sellers.is_current)
            or (orders.order_purchase_timestamp >= sellers.valid_from
                and (sellers.valid_to is null or orders.order_purchase_timestamp < sellers.valid_to))
        )

)

select * from joined
