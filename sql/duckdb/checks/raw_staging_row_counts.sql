-- Invariant: staging holds exactly one row per raw row. For each of the nine source tables, the
-- staging model has as many rows as its raw table, and each source line of the raw table appears in
-- staging as often as in raw (once). Returns one row per table whose counts differ and one per source
-- line held a different number of times.
with

raw_lines as (

    select 'category_translation' as source_table, _source_line from raw.category_translation
    union all
    select 'customers', _source_line from raw.customers
    union all
    select 'geolocation', _source_line from raw.geolocation
    union all
    select 'order_items', _source_line from raw.order_items
    union all
    select 'order_payments', _source_line from raw.order_payments
    union all
    select 'order_reviews', _source_line from raw.order_reviews
    union all
    select 'orders', _source_line from raw.orders
    union all
    select 'products', _source_line from raw.products
    union all
    select 'sellers', _source_line from raw.sellers

),

staged_lines as (

    select 'category_translation' as source_table, _source_line from staging.stg_category_translation
    union all
    select 'customers', _source_line from staging.stg_customers
    union all
    select 'geolocation', _source_line from staging.stg_geolocation
    union all
    select 'order_items', _source_line from staging.stg_order_items
    union all
    select 'order_payments', _source_line from staging.stg_order_payments
    union all
    select 'order_reviews', _source_line from staging.stg_order_reviews
    union all
    select 'orders', _source_line from staging.stg_orders
    union all
    select 'products', _source_line from staging.stg_products
    union all
    select 'sellers', _source_line from staging.stg_sellers

),

raw_counts as (

    select
        source_table,
        count(*) as raw_rows

    from raw_lines
    group by source_table

),

staged_counts as (

    select
        source_table,
        count(*) as staged_rows

    from staged_lines
    group by source_table

),

raw_per_line as (

    select
        source_table,
        _source_line,
        count(*) as raw_rows

    from raw_lines
    group by source_table, _source_line

),

staged_per_line as (

    select
        source_table,
        _source_line,
        count(*) as staged_rows

    from staged_lines
    group by source_table, _source_line

),

table_differences as (

    select
        'staging row count differs from raw' as problem,
        coalesce(raw_counts.source_table, staged_counts.source_table)
            || ': raw ' || coalesce(raw_counts.raw_rows, 0)
            || ', staging ' || coalesce(staged_counts.staged_rows, 0) as offending_value,
        abs(coalesce(raw_counts.raw_rows, 0) - coalesce(staged_counts.staged_rows, 0)) as row_count

    from raw_counts
    full join staged_counts
        on raw_counts.source_table = staged_counts.source_table
    where coalesce(raw_counts.raw_rows, 0) <> coalesce(staged_counts.staged_rows, 0)

),

line_differences as (

    select
        'source line held a different number of times in staging than in raw' as problem,
        coalesce(raw_per_line.source_table, staged_per_line.source_table)
            || ' line ' || coalesce(raw_per_line._source_line, staged_per_line._source_line)
            || ': raw ' || coalesce(raw_per_line.raw_rows, 0)
            || ', staging ' || coalesce(staged_per_line.staged_rows, 0) as offending_value,
        coalesce(staged_per_line.staged_rows, 0) as row_count

    from raw_per_line
    full join staged_per_line
        on raw_per_line.source_table = staged_per_line.source_table
        and raw_per_line._source_line = staged_per_line._source_line
    where coalesce(raw_per_line.raw_rows, 0) <> coalesce(staged_per_line.staged_rows, 0)

),

final as (

    select * from table_differences
    union all
    select * from line_differences

)

select * from final
