-- Macros for calendar arithmetic on timestamps, as the core models and marts measure time.

-- Whole calendar days from the date of one timestamp to the date of another, hours ignored (23:59 to 00:01
-- the next day is one day); negative when the second is on an earlier day; null when either is missing.
create or replace macro calendar_days(from_at, to_at) as
    date_diff('day', cast(from_at as date), cast(to_at as date));

-- The key of the day of a timestamp or date in core.dim_date: yyyymmdd as a number (2017-11-24 -> 20171124);
-- -1, the unknown date, when it is missing.
create or replace macro date_key_of(moment) as
    coalesce(year(moment) * 10000 + month(moment) * 100 + day(moment), -1);
