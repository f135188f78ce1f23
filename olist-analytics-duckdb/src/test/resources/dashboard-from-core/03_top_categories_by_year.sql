-- Dashboard tile: "Top categories": the ten product categories with the most revenue in each year of
-- purchase (mart.mart_product_performance summed over the year), with their share of the year's revenue.
-- Grain: one row per purchase year and revenue rank 1..10 (fewer when the year has fewer categories);
-- equal revenue is ranked by the Portuguese category name. Items of orders that count as revenue, each in
-- the category of the product version sold (unknown without one).
with

order_items as (

    select * from core.fact_order_items

),

categories as (

    select * from core.dim_category

),

dates as (

    select * from core.dim_date

),

counted_items as (

    select
        dates.year,
        order_items.category_key,
        order_items.order_id,
        order_items.price,
        order_items.item_total_value

    from order_items
    inner join dates
        on order_items.purchase_date_key = dates.date_key
    where order_items.counts_as_revenue = true
        and order_items.purchase_date_key <> -1

),

per_category_year as (

    select
        counted_items.year,
        categories.product_category_name,
        categories.product_category_name_english,
        count(distinct counted_items.order_id) as orders,
        count(*) as items,
        sum(counted_items.price) as gross_merchandise_value,
        sum(counted_items.item_total_value) as revenue

    from counted_items
    inner join categories
        on counted_items.category_key = categories.category_key
    group by
        counted_items.year,
        categories.product_category_name,
        categories.product_category_name_english

),

ranked as (

    select
        per_category_year.*,
        sum(revenue) over (partition by year) as year_revenue,
        row_number() over (partition by year order by revenue desc, product_category_name) as revenue_rank

    from per_category_year

),

final as (

    select
        year, -- calendar year of purchase
        cast(revenue_rank as integer) as revenue_rank, -- 1 = most revenue in the year
        product_category_name, -- category in Portuguese; unknown without one
        product_category_name_english, -- category in English
        orders, -- counted orders with an item of the category
        items, -- items of the category in those orders
        cast(gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- GMV, BRL
        cast(revenue as decimal(18, 2)) as revenue, -- BRL, prices + freight
        round(cast(revenue / nullif(year_revenue, 0) as decimal(38, 10)), 4) as revenue_share -- of the year's revenue, 0..1

    from ranked
    where revenue_rank <= 10

)

select * from final
order by year, revenue_rank
