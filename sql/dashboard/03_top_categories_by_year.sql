-- Dashboard tile: "Top categories": the ten product categories with the most revenue in each year of
-- purchase (the months of mart.mart_product_performance summed over the year), with their share of the
-- year's revenue.
-- Grain: one row per purchase year and revenue rank 1..10 (fewer when the year has fewer categories);
-- equal revenue is ranked by the Portuguese category name. Items of orders that count as revenue, each in
-- the category of the product version sold (unknown without one). An order is purchased in one month, so
-- its monthly counts add up to the year's.
with

product_performance as (

    select * from mart.mart_product_performance

),

per_category_year as (

    select
        cast(extract(year from purchase_month) as integer) as year,
        product_category_name,
        product_category_name_english,
        cast(sum(orders) as bigint) as orders,
        cast(sum(items) as bigint) as items,
        sum(gross_merchandise_value) as gross_merchandise_value,
        sum(revenue) as revenue

    from product_performance
    group by
        cast(extract(year from purchase_month) as integer),
        product_category_name,
        product_category_name_english

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
