-- grain: one row per product_id that has at least one item whose order is in the orders file (items
-- of missing orders are left out).
-- Measures count only items in orders that count as revenue (rule in int_order_enriched); the review
-- score of an order is its latest review's, averaged over the counted orders holding the product.
with

order_items as (

    select * from intermediate.int_order_items

),

orders as (

    select * from intermediate.int_order_enriched

),

items_with_order as (

    select
        order_items.product_id,
        order_items.order_id,
        order_items.price,
        order_items.freight_value,
        orders.counts_as_revenue,
        orders.review_score,
        orders.order_purchase_timestamp

    from order_items
    inner join orders
        on order_items.order_id = orders.order_id

),

per_product_order as (

    select
        product_id,
        order_id,
        any_value(review_score) as review_score

    from items_with_order
    where counts_as_revenue
    group by product_id, order_id

),

per_product as (

    select
        product_id,
        count(*) filter (where counts_as_revenue) as items,
        sum(price) filter (where counts_as_revenue) as items_price,
        sum(freight_value) filter (where counts_as_revenue) as items_freight,
        min(order_purchase_timestamp) filter (where counts_as_revenue) as first_sale_at,
        max(order_purchase_timestamp) filter (where counts_as_revenue) as last_sale_at

    from items_with_order
    group by product_id

),

orders_per_product as (

    select
        product_id,
        count(*) as orders, -- the product's counted orders, one row each
        avg(review_score) as average_review_score

    from per_product_order
    group by product_id

),

final as (

    select
        per_product.product_id,
        per_product.items, -- items sold in counted orders
        coalesce(orders_per_product.orders, 0) as orders, -- counted orders holding the product
        cast(coalesce(per_product.items_price, 0) as decimal(18, 2)) as gross_merchandise_value, -- BRL
        cast(coalesce(per_product.items_freight, 0) as decimal(18, 2)) as freight_value, -- BRL
        average_brl(per_product.items_price, per_product.items) as average_price, -- BRL
        cast(round(orders_per_product.average_review_score, 2) as decimal(4, 2)) as average_review_score, -- 1..5
        cast(per_product.first_sale_at as date) as first_sale_date,
        cast(per_product.last_sale_at as date) as last_sale_date

    from per_product
    left join orders_per_product
        on per_product.product_id = orders_per_product.product_id

)

select * from final
