-- Kind freshness: one comparison, the newest value of a column (as a date) against the run's date, failed
-- when it is more than max_age_days days older, or when there is no row to date.
--   target:        the checked table        column:  the dated column
--   where:         the rows looked at (true when not given)
--   as_of:         the run's date, yyyy-mm-dd text    max_age_days:  the age tolerated, in days
-- First statement: the rows checked (one comparison). Second: the compared figures, kept whether the
-- comparison fails or not; _failed says whether it does.
select 1 as rows_checked;

with

newest as (

    select max({{column}}) as newest_value

    from {{target}}
    where ({{where}})

),

aged as (

    select
        newest_value,
        date_diff('day', cast(cast(newest_value as timestamp) as date), cast({{as_of}} as date)) as age_days

    from newest

)

select
    {{as_of}} as as_of,
    cast({{max_age_days}} as varchar) as max_age_days,
    cast(newest_value as varchar) as newest,
    cast(age_days as varchar) as age_days,
    case when newest_value is null then 'no rows to date' end as note,
    newest_value is null or age_days > {{max_age_days}} as "_failed"

from aged;
