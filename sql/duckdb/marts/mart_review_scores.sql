-- grain: one row per product category (Portuguese name; the category of the product version sold, unknown
-- without one) and review score given at least once, over the orders counted as revenue that have a
-- review. An order's score is its latest review's (fact_reviews.is_latest_for_order); an order is counted
-- once in each category of its items.
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
    where counts_as_revenue

),

scored as (

    select
        order_categories.category_key,
        reviews.review_score

    from reviews
    inner join order_categories
        on reviews.order_id = order_categories.order_id
    where reviews.is_latest_for_order

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
        product_category_name, -- Portuguese; unknown without a category
        product_category_name_english,
        review_score, -- 1..5
        orders, -- reviewed counted orders of the category with this score
        cast(sum(orders) over (partition by product_category_name) as bigint) as category_orders -- reviewed counted orders of the category, any score

    from per_score

)

select * from final
