-- grain: one row per product category (the category of the product version sold, unknown for items
-- without a category or product) and calendar month of purchase, for every pair with at least one
-- item in an order counted as revenue (rule in intermediate.int_order_enriched).
-- The review score of an order is its latest review's; the average is over the distinct counted
-- orders of the category and month that have a review. gmv_share_of_month is the category's share of
-- the month's GMV over all categories.
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
        order_items.category_key,
        dates.month_start_date as purchase_month,
        order_items.order_id,
        order_items.product_id,
        order_items.price,
        order_items.freight_value,
        order_items.item_total_value

    from order_items
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    where order_items.counts_as_revenue and order_items.purchase_date_key <> -1

),

per_category_month as (

    select
        category_key,
        purchase_month,
        count(*) as items,
        count(distinct product_id) as products,
        sum(price) as gross_merchandise_value,
        sum(freight_value) as freight_value,
        sum(item_total_value) as revenue

    from counted_items
    group by category_key, purchase_month

),

category_orders as (

    select distinct
        category_key,
        purchase_month,
        order_id

    from counted_items

),

orders_per_category_month as (

    select
        category_orders.category_key,
        category_orders.purchase_month,
        count(*) as orders, -- one row per order
        avg(orders.review_score) as average_review_score

    from category_orders
    left join orders
        on category_orders.order_id = orders.order_id
    group by category_orders.category_key, category_orders.purchase_month

),

final as (

    select
        per_category_month.category_key,
        categories.product_category_name, -- Portuguese; unknown without a category
        categories.product_category_name_english,
        per_category_month.purchase_month, -- first day of the month
        orders_per_category_month.orders, -- counted orders with an item of the category
        per_category_month.items, -- items of the category in counted orders
        per_category_month.products, -- distinct products sold
        cast(per_category_month.gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- BRL, sum of item prices
        cast(per_category_month.freight_value as decimal(18, 2)) as freight_value, -- BRL, sum of item freight
        cast(per_category_month.revenue as decimal(18, 2)) as revenue, -- BRL, prices + freight
        average_brl(per_category_month.gross_merchandise_value, per_category_month.items) as average_price, -- BRL, GMV / items
        cast(round(orders_per_category_month.average_review_score, 2) as decimal(4, 2)) as average_review_score, -- 1..5; null without reviews
        share_of(
            per_category_month.gross_merchandise_value,
            sum(per_category_month.gross_merchandise_value) over (partition by per_category_month.purchase_month)
        ) as gmv_share_of_month -- 0..1

    from per_category_month
    inner join categories
        on per_category_month.category_key = categories.category_key
    inner join orders_per_category_month
        on per_category_month.category_key = orders_per_category_month.category_key
        and per_category_month.purchase_month = orders_per_category_month.purchase_month

)

select * from final
