-- The day rows and, apart, the month rows of mart.mart_executive_dashboard add up, to the cent, to the
-- orders of core.fact_orders with a known purchase date: orders counted as revenue, their GMV, freight and
-- revenue. Returns the grain and measure of each total that differs, with both totals.
with

executive_dashboard as (

    select * from mart.mart_executive_dashboard

),

orders as (

    select * from core.fact_orders

),

mart_totals as (

    select
        row_groups.period_grain,
        cast(coalesce(sum(executive_dashboard.orders), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(executive_dashboard.gross_merchandise_value), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(executive_dashboard.freight_value), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(executive_dashboard.revenue), 0) as decimal(38, 2)) as revenue

    from (values ('day'), ('month')) as row_groups (period_grain)
    left join executive_dashboard
        on executive_dashboard.period_grain = row_groups.period_grain
    group by row_groups.period_grain

),

fact_totals as (

    select
        cast(coalesce(count(*) filter (where counts_as_revenue), 0) as decimal(38, 2)) as orders,
        cast(coalesce(sum(items_price) filter (where counts_as_revenue), 0) as decimal(38, 2)) as gross_merchandise_value,
        cast(coalesce(sum(items_freight) filter (where counts_as_revenue), 0) as decimal(38, 2)) as freight_value,
        cast(coalesce(sum(items_total) filter (where counts_as_revenue), 0) as decimal(38, 2)) as revenue

    from orders
    where purchase_date_key <> -1 -- the mart places orders on the calendar

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
    mart_measures.period_grain,
    mart_measures.measure,
    mart_measures.mart_total,
    fact_measures.fact_total

from mart_measures
inner join fact_measures
    on mart_measures.measure = fact_measures.measure
where mart_measures.mart_total is distinct from fact_measures.fact_total
