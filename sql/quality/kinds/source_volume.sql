-- Kind source_volume: one comparison, the rows loaded into a raw source table against the rows its file loaded in
-- the latest successful run that loaded it; failed when no row was loaded, or when the rows dropped by more than
-- max_drop_percent. Without an earlier successful run only the first holds. Computed in decimals: no rounding
-- decides the verdict.
--   target:               the raw source table
--   trailing_row_counts:  the rows loaded by the latest successful run, at most one (none without history)
--   max_drop_percent:     the drop tolerated, in percent of the earlier rows
-- First statement: the rows checked (one comparison). Second: the compared figures, kept whether the
-- comparison fails or not; _failed says whether it does.
select 1 as rows_checked;

with

history as (

    select cast([{{trailing_row_counts}}] as bigint[]) as trailing_counts

),

measured as (

    select
        (select count(*) from {{target}}) as row_count,
        trailing_counts[1] as previous_count -- null without history

    from history

)

select
    cast(row_count as varchar) as rows,
    cast(previous_count as varchar) as last_successful_rows,
    cast({{max_drop_percent}} as varchar) as max_drop_percent,
    case
        when previous_count > 0
            then cast(cast(round(cast(previous_count - row_count as decimal(38, 4)) * 100 / previous_count, 2)
                as decimal(18, 2)) as varchar)
    end as drop_percent,
    case
        when row_count = 0 then 'no rows loaded'
        when previous_count is null then 'no earlier successful run to compare with'
    end as note,
    row_count = 0
        or (previous_count > 0 and (previous_count - row_count) * 100 > {{max_drop_percent}} * previous_count)
        as "_failed"

from measured;
