-- Invariant: dim_date has one row per date_key, exactly one unknown member (-1), and no missing day
-- between its first and last date. Returns the offending keys.
with

dates as (

    select * from core.dim_date

),

duplicated_keys as (

    select
        'date_key repeated' as problem,
        cast(date_key as varchar) as offending_value,
        count(*) as row_count

    from dates
    group by date_key
    having count(*) > 1

),

missing_unknown_member as (

    select
        'unknown member missing' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from dates
    where date_key = -1
    having count(*) <> 1

),

gaps as (

    select
        'days missing in the calendar' as problem,
        cast(min(calendar_date) as varchar) || '..' || cast(max(calendar_date) as varchar) as offending_value,
        count(*) as row_count

    from dates
    where date_key <> -1
    having count(*) <> coalesce(datediff('day', min(calendar_date), max(calendar_date)) + 1, 0)

),

final as (

    select * from duplicated_keys
    union all
    select * from missing_unknown_member
    union all
    select * from gaps

)

select * from final
