-- Dashboard tile: "Review scores by category": how the orders of each product category were scored, 1..5,
-- as counts and shares of the category's reviewed orders.
-- Grain: one row per product category and review score given at least once. An order's score is its
-- latest review's (fact_reviews.is_latest_for_order); an order that counts as revenue is counted once in
-- each category of its items (unknown without a category).
with

reviews as (

    select * from core.fact_reviews

),

order_items as (

    select * from core.fact_order_items

),

categories as (

    select * from core.dim_category

),

order_categories as (

    select distinct
        order_id,
        category_key

    from order_items
    where counts_as_revenue = true

),

scored as (

    select
        order_categories.category_key,
        reviews.review_score

    from reviews
    inner join order_categories
        on reviews.order_id = order_categories.order_id
    where reviews.is_latest_for_order = true

),

per_score as (

    select
        categories.product_category_name,
        categories.product_category_name_english,
        scored.review_score,
        count(*) as orders

    from scored
    inner join categories
        on scored.category_key = categories.category_key
    group by
        categories.product_category_name,
        categories.product_category_name_english,
        scored.review_score

),

final as (

    select
        product_category_name, -- category in Portuguese; unknown without one
        product_category_name_english, -- category in English
        review_score, -- 1..5
        orders, -- reviewed orders of the category with this score
        cast(sum(orders) over (partition by product_category_name) as bigint) as category_orders, -- reviewed orders of the category
        round(cast(
            cast(orders as decimal(18, 4)) / sum(orders) over (partition by product_category_name)
            as decimal(38, 10)), 4) as score_share -- of the category's reviewed orders, 0..1

    from per_score

)

select * from final
order by product_category_name, review_score
