-- grain: one row per calendar day from the earliest to the latest date found in orders (all five
-- timestamps), order items (shipping limit, which runs to 2020) and reviews (creation and answer),
-- with no gaps; plus the unknown member (date_key = -1) that facts point to when a date is missing.
-- date_key is the date as a yyyymmdd integer. Weeks are ISO weeks (Monday first).
-- Holidays are the Brazilian federal ones (no state or municipal holidays):
--   national holidays: 01-01 Confraternização Universal, 04-21 Tiradentes, 05-01 Dia do Trabalho,
--   09-07 Independência do Brasil, 11-02 Finados, 11-15 Proclamação da República, 12-25 Natal (Law
--   662/1949 as amended by Law 10.607/2002), 10-12 Nossa Senhora Aparecida (Law 6.802/1980), 11-20 Dia
--   Nacional de Zumbi e da Consciência Negra from 2024 on (Law 14.759/2023), and Sexta-feira Santa
--   (Easter Sunday - 2 days), a holiday in the federal government's yearly calendar;
--   optional days off ("ponto facultativo" of the federal government): Carnaval on Monday (Easter - 48
--   days) and Tuesday (Easter - 47 days) and Corpus Christi (Easter + 60 days).
-- Easter Sunday is computed per year with the anonymous Gregorian algorithm (Meeus/Jones/Butcher).
-- A business day is Monday to Friday and not a national holiday; optional days off are business days.
with

orders as (

    select * from staging.stg_orders

),

order_items as (

    select * from staging.stg_order_items

),

order_reviews as (

    select * from staging.stg_order_reviews

),

order_bounds as (

    select
        least(
            min(order_purchase_timestamp),
            min(order_approved_at),
            min(order_delivered_carrier_date),
            min(order_delivered_customer_date),
            min(order_estimated_delivery_date)
        ) as first_at,
        greatest(
            max(order_purchase_timestamp),
            max(order_approved_at),
            max(order_delivered_carrier_date),
            max(order_delivered_customer_date),
            max(order_estimated_delivery_date)
        ) as last_at

    from orders

),

order_item_bounds as (

    select
        min(shipping_limit_date) as first_at,
        max(shipping_limit_date) as last_at

    from order_items

),

order_review_bounds as (

    select
        least(min(review_creation_date), min(review_answer_timestamp)) as first_at,
        greatest(max(review_creation_date), max(review_answer_timestamp)) as last_at

    from order_reviews

),

all_bounds as (

    select * from order_bounds
    union all
    select * from order_item_bounds
    union all
    select * from order_review_bounds

),

date_range as (

    -- least and greatest ignore nulls, so an empty source or an empty column does not blank the range
    select
        cast(min(first_at) as date) as first_date,
        cast(max(last_at) as date) as last_date

    from all_bounds

),

days as (

    -- no rows when there are no dates at all
    select
        cast(unnest(generate_series(first_date, last_date, interval 1 day)) as date) as calendar_date

    from date_range

),

years as (

    select distinct
        cast(year(calendar_date) as integer) as year

    from days

),

easter_terms as (

    -- anonymous Gregorian algorithm (Meeus/Jones/Butcher); // is integer division, all terms are >= 0
    select
        year,
        year % 19 as a,
        year // 100 as b,
        year % 100 as c,
        b // 4 as d,
        b % 4 as e,
        (b + 8) // 25 as f,
        (b - f + 1) // 3 as g,
        (19 * a + b - d - g + 15) % 30 as h,
        c // 4 as i,
        c % 4 as k,
        (32 + 2 * e + 2 * i - h - k) % 7 as l,
        (a + 11 * h + 22 * l) // 451 as m

    from years

),

easter_sundays as (

    select
        year,
        make_date(
            year,
            cast((h + l - 7 * m + 114) // 31 as integer), -- month: 3 or 4
            cast((h + l - 7 * m + 114) % 31 + 1 as integer) -- day of the month
        ) as easter_sunday

    from easter_terms

),

fixed_holiday_rules as (

    -- national holidays on a fixed day of the year; first_year: the first year the holiday applies
    -- (null: every year of the calendar)
    select * from (
        values
            (1, 1, 'Confraternização Universal', cast(null as integer)),
            (4, 21, 'Tiradentes', null),
            (5, 1, 'Dia do Trabalho', null),
            (9, 7, 'Independência do Brasil', null),
            (10, 12, 'Nossa Senhora Aparecida', null),
            (11, 2, 'Finados', null),
            (11, 15, 'Proclamação da República', null),
            (11, 20, 'Dia Nacional de Zumbi e da Consciência Negra', 2024), -- Law 14.759/2023
            (12, 25, 'Natal', null)
    ) as rules (month, day, holiday_name, first_year)

),

fixed_holidays as (

    select
        make_date(years.year, fixed_holiday_rules.month, fixed_holiday_rules.day) as holiday_date,
        fixed_holiday_rules.holiday_name,
        true as is_national_holiday -- all fixed-date federal holidays are national holidays

    from years
    cross join fixed_holiday_rules
    where fixed_holiday_rules.first_year is null
        or years.year >= fixed_holiday_rules.first_year

),

moveable_holidays as (

    select easter_sunday - 2 as holiday_date, 'Sexta-feira Santa' as holiday_name, true as is_national_holiday
    from easter_sundays
    union all
    select easter_sunday - 48, 'Carnaval (segunda-feira)', false
    from easter_sundays
    union all
    select easter_sunday - 47, 'Carnaval (terça-feira)', false
    from easter_sundays
    union all
    select easter_sunday + 60, 'Corpus Christi', false
    from easter_sundays

),

holidays as (

    select * from fixed_holidays
    union all
    select * from moveable_holidays

),

holidays_by_date as (

    -- one row per date: two holidays can fall on the same day (Good Friday on 04-21, as in 2000)
    select
        holiday_date,
        string_agg(holiday_name, ' / ' order by holiday_name) as holiday_name,
        bool_or(is_national_holiday) as is_national_holiday,
        bool_or(not is_national_holiday) as is_optional_holiday

    from holidays
    group by holiday_date

),

known_members as (

    select
        cast(strftime(calendar_date, '%Y%m%d') as integer) as date_key, -- yyyymmdd
        calendar_date,
        cast(year(calendar_date) as integer) as year,
        cast(quarter(calendar_date) as integer) as quarter, -- 1..4
        cast(month(calendar_date) as integer) as month, -- 1..12
        strftime(calendar_date, '%B') as month_name, -- January..December
        strftime(calendar_date, '%Y-%m') as year_month, -- e.g. 2017-11
        cast(date_trunc('month', calendar_date) as date) as month_start_date, -- first day of the month
        cast(day(calendar_date) as integer) as day_of_month, -- 1..31
        cast(dayofyear(calendar_date) as integer) as day_of_year, -- 1..366
        cast(isoyear(calendar_date) as integer) as iso_year, -- year the ISO week belongs to
        cast(week(calendar_date) as integer) as iso_week, -- 1..53
        cast(isodow(calendar_date) as integer) as day_of_week, -- ISO: 1 = Monday .. 7 = Sunday
        strftime(calendar_date, '%A') as day_name, -- Monday..Sunday
        isodow(calendar_date) in (6, 7) as is_weekend, -- Saturday or Sunday
        holidays_by_date.holiday_name, -- Portuguese name of the holiday or optional day off; null when none
        coalesce(holidays_by_date.is_national_holiday, false) as is_national_holiday, -- federal national holiday
        coalesce(holidays_by_date.is_optional_holiday, false) as is_optional_holiday, -- federal ponto facultativo (Carnaval, Corpus Christi)
        isodow(calendar_date) between 1 and 5
            and not coalesce(holidays_by_date.is_national_holiday, false) as is_business_day -- Monday..Friday and not a national holiday

    from days
    left join holidays_by_date
        on days.calendar_date = holidays_by_date.holiday_date

),

unknown_member as (

    select
        -1 as date_key,
        cast(null as date) as calendar_date,
        cast(null as integer) as year,
        cast(null as integer) as quarter,
        cast(null as integer) as month,
        'unknown' as month_name,
        'unknown' as year_month,
        cast(null as date) as month_start_date,
        cast(null as integer) as day_of_month,
        cast(null as integer) as day_of_year,
        cast(null as integer) as iso_year,
        cast(null as integer) as iso_week,
        cast(null as integer) as day_of_week,
        'unknown' as day_name,
        cast(null as boolean) as is_weekend,
        cast(null as varchar) as holiday_name,
        cast(null as boolean) as is_national_holiday,
        cast(null as boolean) as is_optional_holiday,
        cast(null as boolean) as is_business_day

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
