-- Invariant: mart_monthly_revenue adds up to the counted items of fact_order_items (orders neither
-- canceled nor unavailable, with a known purchase date). Returns one row per measure that differs.
with

months as (

    select * from mart.mart_monthly_revenue

),

order_items as (

    select * from core.fact_order_items

),

mart_totals as (

    select
        coalesce(sum(items), 0) as items,
        coalesce(sum(revenue), 0) as revenue,
        coalesce(sum(gross_merchandise_value), 0) as gross_merchandise_value

    from months

),

fact_totals as (

    select
        count(*) as items,
        coalesce(sum(item_total_value), 0) as revenue,
        coalesce(sum(price), 0) as gross_merchandise_value

    from order_items
    where purchase_date_key <> -1
        and order_status not in ('canceled', 'unavailable')

),

differences as (

    select
        'items' as measure,
        cast(mart_totals.items as decimal(18, 2)) as mart_value,
        cast(fact_totals.items as decimal(18, 2)) as fact_value

    from mart_totals
    cross join fact_totals
    where mart_totals.items <> fact_totals.items

    union all

    select
        'revenue' as measure,
        mart_totals.revenue,
        fact_totals.revenue

    from mart_totals
    cross join fact_totals
    where mart_totals.revenue <> fact_totals.revenue

    union all

    select
        'gross_merchandise_value' as measure,
        mart_totals.gross_merchandise_value,
        fact_totals.gross_merchandise_value

    from mart_totals
    cross join fact_totals
    where mart_totals.gross_merchandise_value <> fact_totals.gross_merchandise_value

)

select * from differences
