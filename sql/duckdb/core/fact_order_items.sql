-- grain: one row per order item (order_id, order_item_id) in the order items file.
-- A pair repeated in a re-saved file keeps its first line. No item is dropped when its order,
-- customer, product or seller is missing: the key then points to the unknown member (-1) of the
-- dimension and is_order_missing tells items without an order apart.
with

order_items as (

    select * from staging.stg_order_items

),

orders as (

    select * from intermediate.int_orders

),

customers as (

    select * from core.dim_customer

),

products as (

    select * from core.dim_product

),

sellers as (

    select * from core.dim_seller

),

dates as (

    select * from core.dim_date

),

order_items_deduplicated as (

    select *

    from order_items
    qualify row_number() over (partition by order_id, order_item_id order by _source_line) = 1

),

joined as (

    select
        order_items_deduplicated.order_id,
        order_items_deduplicated.order_item_id, -- 1..n within the order
        coalesce(customers.customer_key, -1) as customer_key,
        coalesce(products.product_key, -1) as product_key,
        coalesce(sellers.seller_key, -1) as seller_key,
        coalesce(purchase_dates.date_key, -1) as purchase_date_key, -- day the order was placed
        coalesce(shipping_limit_dates.date_key, -1) as shipping_limit_date_key, -- day the seller must hand the item to the carrier
        order_items_deduplicated.product_id, -- kept so that an item with an unknown product stays traceable
        order_items_deduplicated.seller_id, -- kept so that an item with an unknown seller stays traceable
        orders.order_id is null as is_order_missing, -- the order is not in the orders file
        orders.order_status, -- null when the order is missing
        orders.order_purchase_timestamp, -- null when the order is missing
        order_items_deduplicated.shipping_limit_date,
        order_items_deduplicated.price, -- BRL
        order_items_deduplicated.freight_value, -- BRL
        cast(order_items_deduplicated.price + order_items_deduplicated.freight_value as decimal(12, 2)) as item_total_value -- BRL, price + freight_value

    from order_items_deduplicated
    left join orders
        on order_items_deduplicated.order_id = orders.order_id
    left join customers
        on orders.customer_unique_id = customers.customer_unique_id
    left join products
        on order_items_deduplicated.product_id = products.product_id
    left join sellers
        on order_items_deduplicated.seller_id = sellers.seller_id
    left join dates as purchase_dates
        on orders.order_purchase_date = purchase_dates.calendar_date
    left join dates as shipping_limit_dates
        on cast(order_items_deduplicated.shipping_limit_date as date) = shipping_limit_dates.calendar_date

)

select * from joined
