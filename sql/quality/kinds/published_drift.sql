-- Kind published_drift: the key figures of each closed month of the build against those of the warehouse it
-- replaces, carried into raw.published_month_figures when the build started (empty when nothing was published).
-- A closed month is a month before the newest month of the published figures (the month of the newest purchase
-- it held): the newest month may still grow, and months the published warehouse did not have are new. Each
-- closed month is compared on five figures (orders, revenue, gross merchandise value, customers, active sellers),
-- a month missing from the build with zeros.
-- A month moved by its orders moving on is told apart from one whose history was rewritten by the fingerprints of
-- its orders' source rows (intermediate.int_month_sources, the published ones carried into
-- raw.published_month_sources): its history fingerprint is the published one and its lifecycle fingerprint is not
-- (statuses and delivery times changed, nothing else). Every other move is unexplained, also when the published
-- warehouse has no fingerprints.
--   target:              the build's figures by period (period_grain 'month' rows): the executive dashboard mart
--   max_change_percent:  the change tolerated, in percent of the published figure
--   min_change:          the change always tolerated, in units (orders, customers, sellers, or BRL)
--   moves:               'unexplained' (figures that moved otherwise than by late changes of their orders) or
--                        'late_changes' (figures that moved because their orders moved on), a text literal
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

moved_on as (

    select published_sources.month

    from raw.published_month_sources as published_sources
    inner join intermediate.int_month_sources as built_sources
        on built_sources.month = published_sources.month
    where built_sources.history_fingerprint = published_sources.history_fingerprint
        and built_sources.lifecycle_fingerprint <> published_sources.lifecycle_fingerprint

),

drifting as (

    select
        *,
        build - published as change

    from pairs
    where abs(build - published) > greatest({{min_change}}, {{max_change_percent}} * abs(published) / 100)
        and (month in (select month from moved_on)) = ({{moves}} = 'late_changes')

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
