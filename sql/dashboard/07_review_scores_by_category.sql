-- Dashboard tile: "Review scores by category" (mart.mart_review_scores): how the orders of each product
-- category were scored, 1..5, as counts and shares of the category's reviewed orders.
-- Grain: one row per product category and review score given at least once. An order's score is its
-- latest review's; an order that counts as revenue is counted once in each category of its items (unknown
-- without a category). The share is divided here from the mart's counts, rounded from ten decimal places,
-- so that DuckDB and PostgreSQL give the same figures.
with

review_scores as (

    select * from mart.mart_review_scores

),

final as (

    select
        product_category_name, -- category in Portuguese; unknown without one
        product_category_name_english, -- category in English
        review_score, -- 1..5
        orders, -- reviewed orders of the category with this score
        category_orders, -- reviewed orders of the category
        round(cast(cast(orders as decimal(18, 4)) / category_orders as decimal(38, 10)), 4) as score_share -- of the category's reviewed orders, 0..1

    from review_scores

)

select * from final
order by product_category_name, review_score
