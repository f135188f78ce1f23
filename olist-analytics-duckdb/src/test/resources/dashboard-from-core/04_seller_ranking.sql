-- Dashboard tile: "Seller leaderboard" (the measures of mart.mart_seller_scorecard): the 20 sellers with
-- the most GMV, with their orders, average review score and on-time delivery rate.
-- Grain: one row per seller_id, the 20 with the highest GMV (equal GMV ordered by seller_id), described by
-- their current dim_seller version. Only the seller's items in orders that count as revenue are measured;
-- items of unknown sellers are left out. The items of one seller in one order share the seller version
-- valid at its purchase, so orders are counted per version and summed per seller_id. An order's review
-- score is its latest review's; delivered: status delivered with a delivered-customer date; on time:
-- delivered and not late (all from fact_orders).
with

order_items as (

    select * from core.fact_order_items

),

orders as (

    select * from core.fact_orders

),

sellers as (

    select * from core.dim_seller

),

seller_orders as (

    select
        seller_key,
        order_id,
        count(*) as items,
        sum(price) as items_price,
        sum(freight_value) as items_freight

    from order_items
    where counts_as_revenue = true
        and seller_key <> -1
    group by seller_key, order_id

),

seller_orders_with_outcome as (

    select
        sellers.seller_id,
        seller_orders.items,
        seller_orders.items_price,
        seller_orders.items_freight,
        orders.review_score,
        case when orders.is_delivered = true then 1 else 0 end as delivered,
        case when orders.is_delivered = true and orders.is_late = false then 1 else 0 end as on_time

    from seller_orders
    inner join sellers
        on seller_orders.seller_key = sellers.seller_key
    inner join orders
        on seller_orders.order_id = orders.order_id

),

per_seller as (

    select
        seller_id,
        count(*) as orders,
        sum(items) as items,
        sum(items_price) as gross_merchandise_value,
        sum(items_freight) as freight_value,
        sum(delivered) as delivered_orders,
        sum(on_time) as on_time_orders,
        avg(review_score) as average_review_score

    from seller_orders_with_outcome
    group by seller_id

),

current_sellers as (

    select * from sellers where is_current = true

),

final as (

    select
        per_seller.seller_id,
        current_sellers.seller_city, -- of the current version
        current_sellers.seller_state,
        current_sellers.seller_region,
        per_seller.orders, -- counted orders holding the seller's items
        cast(per_seller.items as bigint) as items, -- the seller's items in those orders
        cast(per_seller.gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- GMV, BRL
        cast(per_seller.freight_value as decimal(18, 2)) as freight_value, -- BRL
        cast(per_seller.delivered_orders as bigint) as delivered_orders, -- of those orders, delivered
        cast(per_seller.on_time_orders as bigint) as on_time_orders, -- of those, not late
        round(cast(
            cast(per_seller.on_time_orders as decimal(18, 4)) / nullif(per_seller.delivered_orders, 0)
            as decimal(38, 10)), 4) as on_time_rate, -- 0..1; null without delivered orders
        round(cast(per_seller.average_review_score as decimal(38, 10)), 2) as average_review_score -- 1..5; null without reviews

    from per_seller
    inner join current_sellers
        on per_seller.seller_id = current_sellers.seller_id

)

select * from final
order by gross_merchandise_value desc, seller_id
limit 20
