-- Dashboard tile: "Seller leaderboard" (mart.mart_seller_scorecard): the 20 sellers with the most GMV,
-- with their orders, average review score and on-time delivery rate.
-- Grain: one row per seller_id of the sellers file with at least one counted order, the 20 with the
-- highest GMV (equal GMV ordered by seller_id), described by their current dim_seller version. Only the
-- seller's items in orders that count as revenue are measured. An order's review score is its latest
-- review's; delivered: status delivered with a delivered-customer date; on time: delivered and not late.
-- The rate and the average are divided here from the mart's exact counts and sums, rounded from ten decimal
-- places, so that DuckDB and PostgreSQL give the same figures.
with

seller_scorecard as (

    select * from mart.mart_seller_scorecard

),

selling_sellers as (

    select * from seller_scorecard where seller_key <> -1 and orders > 0

),

final as (

    select
        seller_id,
        seller_city, -- of the current version
        seller_state,
        seller_region,
        orders, -- counted orders holding the seller's items
        items, -- the seller's items in those orders
        gross_merchandise_value, -- GMV, BRL
        freight_value, -- BRL
        delivered_orders, -- of those orders, delivered
        on_time_orders, -- of those, not late
        round(cast(
            cast(on_time_orders as decimal(18, 4)) / nullif(delivered_orders, 0)
            as decimal(38, 10)), 4) as on_time_rate, -- 0..1; null without delivered orders
        round(cast(
            cast(review_score_sum as decimal(18, 4)) / nullif(reviewed_orders, 0)
            as decimal(38, 10)), 2) as average_review_score -- 1..5; null without reviews

    from selling_sellers

)

select * from final
order by gross_merchandise_value desc, seller_id
limit 20
