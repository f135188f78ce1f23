-- grain: one row per order item (order_id, order_item_id) in the order items file (a repeated pair
-- keeps its first line). No item is dropped when its order, customer, product or seller is missing:
-- the key then points to the unknown member (-1) and is_order_missing tells items without an order
-- apart. Product and seller keys are the versions valid at the purchase time (for an item without an
-- order, at the run's as-of time: the current versions); customer_key is the order's (fact_orders).
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

build as (

    select * from raw.build

),

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

items_with_order as (

    select
        order_items.*,
        orders.order_id is not null as has_order,
        orders.customer_key,
        orders.purchase_date_key,
        orders.order_status,
        orders.counts_as_revenue,
        orders.order_purchase_timestamp,
        coalesce(orders.order_purchase_timestamp, build.as_of) as version_at -- when to look dimension versions up

    from order_items
    cross join build
    left join orders
        on order_items.order_id = orders.order_id

),

joined as (

    select
        items_with_order.order_id,
        items_with_order.order_item_id, -- 1..n within the order
        coalesce(items_with_order.customer_key, -1) as customer_key,
        coalesce(products.product_key, -1) as product_key,
        coalesce(sellers.seller_key, -1) as seller_key,
        coalesce(products.category_key, -1) as category_key,
        coalesce(items_with_order.purchase_date_key, -1) as purchase_date_key, -- day the order was placed
        date_key_of(items_with_order.shipping_limit_date) as shipping_limit_date_key, -- day the seller must hand the item to the carrier
        items_with_order.product_id, -- kept so that an item with an unknown product stays traceable
        items_with_order.seller_id, -- kept so that an item with an unknown seller stays traceable
        not items_with_order.has_order as is_order_missing, -- the order is not in the orders file
        items_with_order.order_status, -- null when the order is missing
        coalesce(items_with_order.counts_as_revenue, false) as counts_as_revenue, -- the order counts as revenue
        items_with_order.order_purchase_timestamp, -- null when the order is missing
        items_with_order.shipping_limit_date,
        items_with_order.price, -- BRL
        items_with_order.freight_value, -- BRL
        cast(items_with_order.price + items_with_order.freight_value as decimal(12, 2)) as item_total_value -- BRL, price + freight_value

    from items_with_order
    left join products
        on items_with_order.product_id = products.product_id
        and items_with_order.version_at >= products.valid_from
        and items_with_order.version_at < coalesce(products.valid_to, timestamp 'infinity')
    left join sellers
        on items_with_order.seller_id = sellers.seller_id
        and items_with_order.version_at >= sellers.valid_from
        and items_with_order.version_at < coalesce(sellers.valid_to, timestamp 'infinity')

)

select * from joined
