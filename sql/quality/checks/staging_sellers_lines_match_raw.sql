-- staging.stg_sellers holds each line of raw.sellers once. Compared by checksum, the sum of the hashes of
-- the source lines (distinct lines have distinct hashes), so that a million lines cost one scan: a line
-- held twice, or one missing, changes it. Returns one row, both checksums, when they differ; the row counts
-- themselves are compared by staging_sellers_rows_match_raw.
with

raw_lines as (

    select sum(hash(_source_line)) as checksum

    from raw.sellers

),

staged_lines as (

    select sum(hash(_source_line)) as checksum

    from staging.stg_sellers

)

select
    raw_lines.checksum as raw_checksum,
    staged_lines.checksum as staging_checksum

from raw_lines
cross join staged_lines
where raw_lines.checksum is distinct from staged_lines.checksum
