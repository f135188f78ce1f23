-- grain: one row per seller_id and calendar month of purchase, for every pair with at least one order
-- (any status) holding an item of the seller; items whose order is missing are left out, as in
-- intermediate.int_seller_metrics, whose rules this mart splits by month: an order belongs to a seller
-- when it holds at least one item of theirs; revenue measures count only orders that count as revenue
-- (rule in int_order_enriched); on time: delivered and not late; an order's review score is its latest
-- review's. Every measure is additive: summed over a seller's months it gives mart_seller_scorecard's
-- figure (orders of an unknown purchase date sit on a row whose month is null).
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
        cast(date_trunc('month', orders.order_purchase_timestamp) as date) as purchase_month,
        orders.order_status,
        orders.counts_as_revenue,
        orders.is_delivered,
        orders.is_late,
        orders.review_score

    from seller_orders
    inner join orders
        on seller_orders.order_id = orders.order_id

),

per_seller_month as (

    select
        seller_id,
        purchase_month,
        count(*) as orders_placed,
        count(*) filter (where order_status = 'canceled') as canceled_orders,
        count(*) filter (where counts_as_revenue) as orders,
        cast(coalesce(sum(items) filter (where counts_as_revenue), 0) as bigint) as items,
        coalesce(sum(items_price) filter (where counts_as_revenue), 0) as items_price,
        coalesce(sum(items_freight) filter (where counts_as_revenue), 0) as items_freight,
        count(*) filter (where counts_as_revenue and is_delivered) as delivered_orders,
        count(*) filter (where counts_as_revenue and is_delivered and not is_late) as on_time_orders,
        count(review_score) filter (where counts_as_revenue) as reviewed_orders,
        cast(sum(review_score) filter (where counts_as_revenue) as bigint) as review_score_sum

    from seller_orders_with_status
    group by seller_id, purchase_month

),

final as (

    select
        seller_id,
        purchase_month, -- first day of the month; null when the purchase date is unknown
        orders_placed, -- orders holding the seller's items, any status
        canceled_orders, -- of those, canceled
        orders, -- of those, counted as revenue
        items, -- the seller's items in counted orders
        cast(items_price as decimal(18, 2)) as gross_merchandise_value, -- BRL, prices of those items
        cast(items_freight as decimal(18, 2)) as freight_value, -- BRL, freight of those items
        delivered_orders, -- counted orders delivered
        on_time_orders, -- of those, not late
        reviewed_orders, -- counted orders with a review
        review_score_sum -- sum of their scores; null without reviews

    from per_seller_month

)

select * from final
