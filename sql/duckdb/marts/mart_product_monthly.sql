-- grain: one row per product (product_id of the items), product category (the category of the product
-- version sold, unknown for items without a category or product) and calendar month of purchase, for
-- every triple with at least one item in an order counted as revenue (rule in
-- intermediate.int_order_enriched). Every measure is additive, so that a reader sums the rows of any
-- set of categories and months: the average review score of a set is review_score_sum / reviewed_orders.
-- The review score of an order is its latest review's, counted once per product however many of its
-- items the order holds.
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

dates as (

    select * from core.dim_date

),

counted_items as (

    select
        order_items.product_id,
        order_items.category_key,
        dates.month_start_date as purchase_month,
        order_items.order_id,
        order_items.price,
        order_items.freight_value,
        order_items.item_total_value

    from order_items
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    where order_items.counts_as_revenue and order_items.purchase_date_key <> -1

),

per_order as (

    select
        product_id,
        category_key,
        purchase_month,
        order_id,
        count(*) as items,
        sum(price) as gross_merchandise_value,
        sum(freight_value) as freight_value,
        sum(item_total_value) as revenue

    from counted_items
    group by product_id, category_key, purchase_month, order_id

),

per_product_month as (

    select
        per_order.product_id,
        per_order.category_key,
        per_order.purchase_month,
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
    group by per_order.product_id, per_order.category_key, per_order.purchase_month

),

final as (

    select
        per_product_month.product_id,
        per_product_month.category_key,
        categories.product_category_name, -- Portuguese; unknown without a category
        per_product_month.purchase_month, -- first day of the month
        per_product_month.orders, -- counted orders with an item of the product
        cast(per_product_month.items as bigint) as items, -- items of the product in counted orders
        cast(per_product_month.gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- BRL, sum of item prices
        cast(per_product_month.freight_value as decimal(18, 2)) as freight_value, -- BRL, sum of item freight
        cast(per_product_month.revenue as decimal(18, 2)) as revenue, -- BRL, prices + freight
        per_product_month.reviewed_orders, -- of those orders, the ones with a review
        cast(per_product_month.review_score_sum as bigint) as review_score_sum -- sum of their latest review scores; 0 without reviews

    from per_product_month
    inner join categories
        on per_product_month.category_key = categories.category_key

)

select * from final
