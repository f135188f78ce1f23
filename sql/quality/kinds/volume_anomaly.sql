-- Kind volume_anomaly: one comparison, the target's row count against the mean of the row counts of the
-- latest successful runs, failed when it moved by more than max_change_percent; without earlier runs there
-- is nothing to compare with, and it passes. The mean and the change are rounded half up to hundredths,
-- computed in whole hundredths so that no rounding of binary fractions creeps in.
--   target:               the checked table    where:  its rows counted (true when not given)
--   trailing_row_counts:  the earlier runs' counts, newest first (possibly none)
--   max_change_percent:   the change tolerated, in percent
-- First statement: the rows checked (one comparison). Second: the compared figures, kept whether the
-- comparison fails or not; _failed says whether it does.
select 1 as rows_checked;

with

history as (

    select cast([{{trailing_row_counts}}] as bigint[]) as trailing_counts

),

measured as (

    select
        (select count(*) from {{target}} where ({{where}})) as row_count,
        len(trailing_counts) as trailing_runs,
        cast(coalesce(list_sum(trailing_counts), 0) as hugeint) as trailing_total

    from history

),

averaged as (

    select
        *,
        case
            when trailing_runs > 0 then (200 * trailing_total + trailing_runs) // (2 * trailing_runs)
        end as mean_hundredths

    from measured

),

changed as (

    select
        *,
        (100 * cast(row_count as hugeint) - mean_hundredths) * 10000 as change_numerator

    from averaged

),

compared as (

    select
        *,
        case
            when mean_hundredths > 0
                then sign(change_numerator) * ((2 * abs(change_numerator) + mean_hundredths) // (2 * mean_hundredths))
        end as change_hundredths

    from changed

)

select
    cast(row_count as varchar) as rows,
    cast(trailing_runs as varchar) as trailing_runs,
    cast({{max_change_percent}} as varchar) as max_change_percent,
    cast(mean_hundredths * 0.01 as varchar) as trailing_mean,
    case
        when mean_hundredths > 0 then cast(change_hundredths * 0.01 as varchar)
        when mean_hundredths = 0 and row_count = 0 then '0.00'
    end as change_percent,
    case
        when trailing_runs = 0 then 'no earlier runs to compare with'
        when mean_hundredths = 0 and row_count > 0 then 'the earlier runs had no rows'
    end as note,
    case
        when trailing_runs = 0 then false
        when mean_hundredths = 0 then row_count > 0
        else abs(change_hundredths * 0.01) > {{max_change_percent}}
    end as "_failed"

from compared;
