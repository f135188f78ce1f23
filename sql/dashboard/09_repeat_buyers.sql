-- Dashboard tile: "Repeat buyers" (mart.mart_repeat_buyers): the share of people who came back for a second
-- counted order, by the region of their current address, and over the country.
-- Grain: one row per region of the person's current dim_customer version and one total row (region null),
-- over the people (customer_unique_id, unknown left out) with at least one order that counts as revenue.
-- Shares and orders per customer are divided here from the mart's counts and sums, rounded from ten
-- decimal places, so that DuckDB and PostgreSQL give the same figures.
with

repeat_buyers as (

    select * from mart.mart_repeat_buyers

),

final as (

    select
        region, -- IBGE region of the current address; null on the total row
        customers, -- people with a counted order
        repeat_customers, -- of those, people with more than one
        round(cast(cast(repeat_customers as decimal(18, 4)) / customers as decimal(38, 10)), 4) as repeat_share, -- 0..1
        orders, -- their counted orders
        round(cast(cast(orders as decimal(18, 4)) / customers as decimal(38, 10)), 2) as orders_per_customer,
        revenue, -- BRL, prices + freight
        round(cast(repeat_revenue / nullif(revenue, 0) as decimal(38, 10)), 4) as repeat_revenue_share -- revenue of repeat buyers, 0..1

    from repeat_buyers

)

select * from final
order by region nulls last
