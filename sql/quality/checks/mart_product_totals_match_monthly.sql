-- mart.mart_product_totals holds, for every product and category, the sums of its months in
-- mart.mart_product_monthly, and no other row. Returns each product and category whose measures differ,
-- with both sides (a side missing is null).
with

product_totals as (

    select * from mart.mart_product_totals

),

product_monthly as (

    select * from mart.mart_product_monthly

),

monthly_sums as (

    select
        product_id,
        category_key,
        sum(orders) as orders,
        sum(items) as items,
        sum(gross_merchandise_value) as gross_merchandise_value,
        sum(freight_value) as freight_value,
        sum(revenue) as revenue,
        sum(reviewed_orders) as reviewed_orders,
        sum(review_score_sum) as review_score_sum

    from product_monthly
    group by product_id, category_key

)

select
    coalesce(product_totals.product_id, monthly_sums.product_id) as product_id,
    coalesce(product_totals.category_key, monthly_sums.category_key) as category_key,
    product_totals.gross_merchandise_value as totals_gross_merchandise_value,
    monthly_sums.gross_merchandise_value as monthly_gross_merchandise_value,
    product_totals.items as totals_items,
    monthly_sums.items as monthly_items,
    product_totals.review_score_sum as totals_review_score_sum,
    monthly_sums.review_score_sum as monthly_review_score_sum

from product_totals
full outer join monthly_sums
    on product_totals.product_id = monthly_sums.product_id
    and product_totals.category_key = monthly_sums.category_key
where product_totals.product_id is null
    or monthly_sums.product_id is null
    or product_totals.orders is distinct from monthly_sums.orders
    or product_totals.items is distinct from monthly_sums.items
    or product_totals.gross_merchandise_value is distinct from monthly_sums.gross_merchandise_value
    or product_totals.freight_value is distinct from monthly_sums.freight_value
    or product_totals.revenue is distinct from monthly_sums.revenue
    or product_totals.reviewed_orders is distinct from monthly_sums.reviewed_orders
    or product_totals.review_score_sum is distinct from monthly_sums.review_score_sum
