-- grain: one row per product (product_id of the items) and product category (the category of the product
-- version sold, unknown for items without a category or product), over every month: the sums of the rows
-- of mart_product_monthly for that product and category, counted from the same items (those of orders
-- counted as revenue, with a known purchase date). Measures are additive as there; gmv_rank ranks every
-- row by GMV, highest first, and category_gmv_rank the rows of one category name; equal GMV shares a
-- rank (rank()), so a reader takes a top n as the rows ranked n or better, ordered by GMV and product_id.
with

order_items as (

    select * from core.fact_order_items

),

orders as (

    select * from core.fact_orders

),

categories as (

    select * from core.dim_category

),

counted_items as (

    select
        product_id,
        category_key,
        order_id,
        price,
        freight_value,
        item_total_value

    from order_items
    where counts_as_revenue and purchase_date_key <> -1

),

per_order as (

    select
        product_id,
        category_key,
        order_id,
        count(*) as items,
        sum(price) as gross_merchandise_value,
        sum(freight_value) as freight_value,
        sum(item_total_value) as revenue

    from counted_items
    group by product_id, category_key, order_id

),

per_product as (

    select
        per_order.product_id,
        per_order.category_key,
        count(*) as orders,
        sum(per_order.items) as items,
        sum(per_order.gross_merchandise_value) as gross_merchandise_value,
        sum(per_order.freight_value) as freight_value,
        sum(per_order.revenue) as revenue,
        count(orders.review_score) as reviewed_orders,
        coalesce(sum(orders.review_score), 0) as review_score_sum

    from per_order
    left join orders
        on per_order.order_id = orders.order_id
    group by per_order.product_id, per_order.category_key

),

final as (

    select
        per_product.product_id,
        per_product.category_key,
        categories.product_category_name, -- Portuguese; unknown without a category
        per_product.orders, -- counted orders with an item of the product
        cast(per_product.items as bigint) as items, -- items of the product in counted orders
        cast(per_product.gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- BRL, sum of item prices
        cast(per_product.freight_value as decimal(18, 2)) as freight_value, -- BRL, sum of item freight
        cast(per_product.revenue as decimal(18, 2)) as revenue, -- BRL, prices + freight
        per_product.reviewed_orders, -- of those orders, the ones with a review
        cast(per_product.review_score_sum as bigint) as review_score_sum, -- sum of their latest review scores; 0 without reviews
        rank() over (order by per_product.gross_merchandise_value desc) as gmv_rank, -- 1 = highest GMV
        rank() over (
            partition by categories.product_category_name order by per_product.gross_merchandise_value desc
        ) as category_gmv_rank -- 1 = highest GMV of the category

    from per_product
    inner join categories
        on per_product.category_key = categories.category_key

)

select * from final
