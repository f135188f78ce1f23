-- grain: one row per seller_id: every seller of the sellers file (described by their current version
-- in dim_seller) and every seller_id found only in the items of known orders (described as unknown).
-- Measures come from intermediate.int_seller_metrics (revenue, delivery and review rules there);
-- a seller without items has zeros. on_time_rate = on-time / delivered orders; cancellation_rate =
-- canceled / all orders holding their items; both null when the divisor is zero.
-- revenue_rank ranks by GMV, highest first; equal GMV shares a rank (rank()).
with

sellers as (

    select * from core.dim_seller

),

seller_metrics as (

    select * from intermediate.int_seller_metrics

),

current_sellers as (

    select * from sellers where is_current and seller_id <> 'unknown'

),

seller_ids as (

    select seller_id from current_sellers
    union
    select seller_id from seller_metrics

),

joined as (

    select
        seller_ids.seller_id,
        coalesce(current_sellers.seller_key, -1) as seller_key,
        coalesce(current_sellers.seller_city, 'unknown') as seller_city,
        coalesce(current_sellers.seller_state, 'unknown') as seller_state,
        coalesce(current_sellers.seller_region, 'unknown') as seller_region,
        coalesce(seller_metrics.orders, 0) as orders,
        coalesce(seller_metrics.items, 0) as items,
        coalesce(seller_metrics.gross_merchandise_value, 0) as gross_merchandise_value,
        coalesce(seller_metrics.freight_value, 0) as freight_value,
        coalesce(seller_metrics.delivered_orders, 0) as delivered_orders,
        coalesce(seller_metrics.on_time_orders, 0) as on_time_orders,
        seller_metrics.average_review_score,
        coalesce(seller_metrics.reviewed_orders, 0) as reviewed_orders,
        seller_metrics.review_score_sum,
        coalesce(seller_metrics.orders_placed, 0) as orders_placed,
        coalesce(seller_metrics.canceled_orders, 0) as canceled_orders,
        seller_metrics.first_sale_date,
        seller_metrics.last_sale_date

    from seller_ids
    left join current_sellers
        on seller_ids.seller_id = current_sellers.seller_id
    left join seller_metrics
        on seller_ids.seller_id = seller_metrics.seller_id

),

final as (

    select
        seller_id,
        seller_key, -- current version; -1 when the seller is not in the sellers file
        seller_city,
        seller_state,
        seller_region,
        orders, -- orders counted as revenue holding the seller's items
        items, -- the seller's items in those orders
        cast(gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- BRL, prices of those items
        cast(freight_value as decimal(18, 2)) as freight_value, -- BRL, freight of those items
        delivered_orders, -- counted orders delivered
        on_time_orders, -- of those, not late
        share_of(on_time_orders, delivered_orders) as on_time_rate, -- 0..1
        average_review_score, -- 1..5 over counted orders with a review
        reviewed_orders, -- counted orders with a review
        review_score_sum, -- sum of their scores; null without reviews
        orders_placed, -- every order holding the seller's items, any status
        canceled_orders, -- of those, canceled
        share_of(canceled_orders, orders_placed) as cancellation_rate, -- 0..1
        first_sale_date, -- first counted purchase
        last_sale_date, -- last counted purchase
        cast(rank() over (order by gross_merchandise_value desc) as integer) as revenue_rank -- 1 = highest GMV

    from joined

)

select * from final
