-- mart.mart_product_monthly adds up, to the cent, to the items of core.fact_order_items in orders counted
-- as revenue with a known purchase date: their count, GMV, freight and revenue, and the latest review
-- scores of their orders, each order counted once per product and category it holds. Returns the
-- measures whose totals differ, with both totals.
with

product_monthly as (

    select * from mart.mart_product_monthly

),

order_items as (

    select * from core.fact_order_items

),

orders as (

    select * from core.fact_orders

),

mart_totals as (

    select
        cast(coalesce(sum(items), 0) as decimal(38, 2)) as items,
        cast(coalesce(sum(gross_merchandise_value), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(freight_value), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(revenue), 0) as decimal(38, 2)) as revenue,
        cast(coalesce(sum(reviewed_orders), 0) as decimal(38, 2)) as reviewed_orders,
        cast(coalesce(sum(review_score_sum), 0) as decimal(38, 2)) as review_score_sum

    from product_monthly

),

dated_items as (

    select * from order_items
    where counts_as_revenue and purchase_date_key <> -1 -- the mart places orders on the calendar

),

reviewed_products as (

    select
        count(orders.review_score) as reviewed_orders,
        sum(orders.review_score) as review_score_sum

    from (select distinct order_id, product_id, category_key from dated_items) as order_products
    inner join orders
        on order_products.order_id = orders.order_id

),

fact_totals as (

    select
        cast(coalesce((select count(*) from dated_items), 0) as decimal(38, 2)) as items,
        cast(coalesce((select sum(price) from dated_items), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce((select sum(freight_value) from dated_items), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce((select sum(item_total_value) from dated_items), 0) as decimal(38, 2)) as revenue,
        cast(coalesce(reviewed_products.reviewed_orders, 0) as decimal(38, 2)) as reviewed_orders,
        cast(coalesce(reviewed_products.review_score_sum, 0) as decimal(38, 2)) as review_score_sum

    from reviewed_products

),

mart_measures as (

    unpivot mart_totals
    on items, gross_merchandise_value, freight_value, revenue, reviewed_orders, review_score_sum
    into name measure value mart_total

),

fact_measures as (

    unpivot fact_totals
    on items, gross_merchandise_value, freight_value, revenue, reviewed_orders, review_score_sum
    into name measure value fact_total

)

select
    mart_measures.measure,
    mart_measures.mart_total,
    fact_measures.fact_total

from mart_measures
inner join fact_measures
    on mart_measures.measure = fact_measures.measure
where mart_measures.mart_total is distinct from fact_measures.fact_total
