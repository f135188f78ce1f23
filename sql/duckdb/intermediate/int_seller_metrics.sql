-- grain: one row per seller_id that has at least one item whose order is in the orders file.
-- An order belongs to a seller when it holds at least one item of theirs; items whose order is
-- missing are left out. Revenue measures count only the seller's items in orders that count as
-- revenue (rule in int_order_enriched). On time: delivered (rule in int_order_enriched) and not late.
-- The review score of an order is its latest review's; the average is over the seller's counted
-- orders that have a review.
with

order_items as (

    select * from intermediate.int_order_items

),

orders as (

    select * from intermediate.int_order_enriched

),

seller_orders as (

    select
        order_items.seller_id,
        order_items.order_id,
        count(*) as items,
        sum(order_items.price) as items_price,
        sum(order_items.freight_value) as items_freight

    from order_items
    group by order_items.seller_id, order_items.order_id

),

seller_orders_with_status as (

    select
        seller_orders.*,
        orders.order_status,
        orders.counts_as_revenue,
        orders.is_delivered,
        orders.is_late,
        orders.review_score,
        orders.order_purchase_timestamp

    from seller_orders
    inner join orders
        on seller_orders.order_id = orders.order_id

),

per_seller as (

    select
        seller_id,
        count(*) as orders_placed,
        count(*) filter (where order_status = 'canceled') as canceled_orders,
        count(*) filter (where counts_as_revenue) as orders,
        cast(sum(items) filter (where counts_as_revenue) as bigint) as items,
        sum(items_price) filter (where counts_as_revenue) as items_price,
        sum(items_freight) filter (where counts_as_revenue) as items_freight,
        count(*) filter (where counts_as_revenue and is_delivered) as delivered_orders,
        count(*) filter (where counts_as_revenue and is_delivered and not is_late) as on_time_orders,
        avg(review_score) filter (where counts_as_revenue) as average_review_score,
        count(review_score) filter (where counts_as_revenue) as reviewed_orders,
        cast(sum(review_score) filter (where counts_as_revenue) as bigint) as review_score_sum,
        min(order_purchase_timestamp) filter (where counts_as_revenue) as first_sale_at,
        max(order_purchase_timestamp) filter (where counts_as_revenue) as last_sale_at

    from seller_orders_with_status
    group by seller_id

),

final as (

    select
        seller_id,
        orders_placed, -- orders holding the seller's items, any status
        canceled_orders, -- of those, canceled
        orders, -- of those, counted as revenue
        coalesce(items, 0) as items, -- the seller's items in counted orders
        cast(coalesce(items_price, 0) as decimal(18, 2)) as gross_merchandise_value, -- BRL, prices of those items
        cast(coalesce(items_freight, 0) as decimal(18, 2)) as freight_value, -- BRL, freight of those items
        delivered_orders, -- counted orders delivered
        on_time_orders, -- delivered orders not late
        cast(round(average_review_score, 2) as decimal(4, 2)) as average_review_score, -- 1..5; null without reviews
        reviewed_orders, -- counted orders with a review
        review_score_sum, -- sum of their scores, null without reviews: the exact average is this / reviewed_orders
        cast(first_sale_at as date) as first_sale_date,
        cast(last_sale_at as date) as last_sale_date

    from per_seller

)

select * from final
