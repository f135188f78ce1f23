-- Dashboard tile: "Sales map": revenue by the state the orders were shipped to, with a subtotal per region
-- (the rows of mart.mart_geographic_analysis) and the country total (mart.mart_sales_totals).
-- Grain: one row per region and state (geo_level state), one per region (geo_level region, state null)
-- and one total row (geo_level total, region and state null), over the orders that count as revenue,
-- each located by the address given with it (fact_orders.delivery_state).
-- The average order value and the freight share are divided here from the marts' exact sums, rounded from
-- ten decimal places, so that DuckDB and PostgreSQL give the same figures.
with

geographic_analysis as (

    select * from mart.mart_geographic_analysis

),

sales_totals as (

    select * from mart.mart_sales_totals

),

levels as (

    select
        geo_level,
        region,
        state,
        customers,
        orders,
        gross_merchandise_value,
        freight_value,
        revenue

    from geographic_analysis

    union all

    select
        'total' as geo_level,
        cast(null as varchar) as region,
        cast(null as varchar) as state,
        customers,
        orders,
        gross_merchandise_value,
        freight_value,
        revenue

    from sales_totals

),

final as (

    select
        geo_level, -- state, region or total
        region, -- IBGE region; null on the total row
        state, -- two-letter code; null on region and total rows
        customers, -- distinct people with a counted order
        orders,
        gross_merchandise_value, -- GMV, BRL
        freight_value, -- BRL
        revenue, -- BRL, prices + freight
        round(cast(revenue / orders as decimal(38, 10)), 2) as average_order_value, -- AOV, BRL
        round(cast(freight_value / nullif(revenue, 0) as decimal(38, 10)), 4) as freight_share -- 0..1

    from levels

)

select * from final
order by region nulls last, state nulls last
