-- Kind published_drift: the key figures of each closed month of the build against those of the warehouse it
-- replaces, carried into raw.published_month_figures when the build started (empty when nothing was published).
-- A closed month is a month before the newest month of the published figures (the month of the newest purchase
-- it held): the newest month may still grow, and months the published warehouse did not have are new. Each
-- closed month is compared on five figures (orders, revenue, gross merchandise value, customers, active sellers),
-- a month missing from the build with zeros.
--   target:              the build's figures by period (period_grain 'month' rows): the executive dashboard mart
--   max_change_percent:  the change tolerated, in percent of the published figure
--   min_change:          the change always tolerated, in units (orders, customers, sellers, or BRL)
-- First statement: the rows checked (closed months times five figures). Second: the figures that moved beyond
-- the tolerance, sorted by month then figure: month, figure, published, build, change, change_percent.
with

published as (

    select * from raw.published_month_figures

),

closed_months as (

    select * from published where month < (select max(month) from published)

)

select 5 * count(*) as rows_checked
from closed_months;

with

published as (

    select * from raw.published_month_figures

),

closed_months as (

    select * from published where month < (select max(month) from published)

),

built as (

    select
        period_start as month,
        orders,
        revenue,
        gross_merchandise_value,
        customers,
        active_sellers

    from {{target}}
    where period_grain = 'month'

),

pairs as (

    select
        closed_months.month,
        unnest([
            {'position': 1, 'figure': 'orders', 'money': false,
             'published': cast(closed_months.orders as decimal(18, 2)),
             'build': cast(coalesce(built.orders, 0) as decimal(18, 2))},
            {'position': 2, 'figure': 'revenue', 'money': true,
             'published': cast(closed_months.revenue as decimal(18, 2)),
             'build': cast(coalesce(built.revenue, 0) as decimal(18, 2))},
            {'position': 3, 'figure': 'gross_merchandise_value', 'money': true,
             'published': cast(closed_months.gross_merchandise_value as decimal(18, 2)),
             'build': cast(coalesce(built.gross_merchandise_value, 0) as decimal(18, 2))},
            {'position': 4, 'figure': 'customers', 'money': false,
             'published': cast(closed_months.customers as decimal(18, 2)),
             'build': cast(coalesce(built.customers, 0) as decimal(18, 2))},
            {'position': 5, 'figure': 'active_sellers', 'money': false,
             'published': cast(closed_months.active_sellers as decimal(18, 2)),
             'build': cast(coalesce(built.active_sellers, 0) as decimal(18, 2))}
        ], recursive := true)

    from closed_months
    left join built
        on closed_months.month = built.month

),

drifting as (

    select
        *,
        build - published as change

    from pairs
    where abs(build - published) > greatest({{min_change}}, {{max_change_percent}} * abs(published) / 100)

)

select
    row(month, position) as "_sort",
    strftime(month, '%Y-%m') as month,
    figure,
    case when money then cast(published as varchar) else cast(cast(published as bigint) as varchar) end as published,
    case when money then cast(build as varchar) else cast(cast(build as bigint) as varchar) end as build,
    case when money then cast(change as varchar) else cast(cast(change as bigint) as varchar) end as change,
    case
        when published <> 0 then cast(cast(round(change * 100 / published, 2) as decimal(18, 2)) as varchar)
    end as change_percent

from drifting;
