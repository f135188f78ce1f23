-- The state rows and, apart, the region rows of mart.mart_geographic_analysis add up, to the cent, to the
-- orders of core.fact_orders: orders counted as revenue, their GMV, freight and revenue. Returns the level
-- and measure of each total that differs, with both totals.
with

geographic_analysis as (

    select * from mart.mart_geographic_analysis

),

orders as (

    select * from core.fact_orders

),

mart_totals as (

    select
        row_groups.geo_level,
        cast(coalesce(sum(geographic_analysis.orders), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(geographic_analysis.gross_merchandise_value), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(geographic_analysis.freight_value), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(geographic_analysis.revenue), 0) as decimal(38, 2)) as revenue

    from (values ('state'), ('region')) as row_groups (geo_level)
    left join geographic_analysis
        on geographic_analysis.geo_level = row_groups.geo_level
    group by row_groups.geo_level

),

fact_totals as (

    select
        cast(coalesce(count(*) filter (where counts_as_revenue), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(items_price) filter (where counts_as_revenue), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(items_freight) filter (where counts_as_revenue), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(items_total) filter (where counts_as_revenue), 0) as decimal(38, 2)) as revenue

    from orders

),

mart_measures as (

    unpivot mart_totals
    on orders, gross_merchandise_value, freight_value, revenue
    into name measure value mart_total

),

fact_measures as (

    unpivot fact_totals
    on orders, gross_merchandise_value, freight_value, revenue
    into name measure value fact_total

)

select
    mart_measures.geo_level,
    mart_measures.measure,
    mart_measures.mart_total,
    fact_measures.fact_total

from mart_measures
inner join fact_measures
    on mart_measures.measure = fact_measures.measure
where mart_measures.mart_total is distinct from fact_measures.fact_total
