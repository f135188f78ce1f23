-- Invariant: core.dim_geography has one row per geography_key and per zip_code_prefix, exactly the
-- prefixes of the geolocation file (staging.stg_geolocation) plus the unknown member (-1), which exists
-- exactly once; geography_key is the prefix as a number. Returns the offending keys.
with

geography as (

    select * from core.dim_geography

),

geolocation as (

    select * from staging.stg_geolocation

),

known_members as (

    select * from geography where geography_key <> -1

),

source_prefixes as (

    select distinct geolocation_zip_code_prefix as zip_code_prefix

    from geolocation
    where geolocation_zip_code_prefix is not null

),

duplicated_keys as (

    select
        'geography_key repeated' as problem,
        cast(geography_key as varchar) as offending_value,
        count(*) as row_count

    from geography
    group by geography_key
    having count(*) > 1

),

duplicated_prefixes as (

    select
        'zip_code_prefix repeated' as problem,
        zip_code_prefix as offending_value,
        count(*) as row_count

    from geography
    group by zip_code_prefix
    having count(*) > 1

),

malformed_keys as (

    select
        'geography_key is not the zip prefix as a number' as problem,
        coalesce(cast(geography_key as varchar), 'null') || ' for ' || coalesce(zip_code_prefix, 'null') as offending_value,
        1 as row_count

    from known_members
    where geography_key is distinct from try_cast(zip_code_prefix as bigint)

),

unknown_member as (

    select
        'unknown member (-1) missing or repeated' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from geography
    where geography_key = -1
    having count(*) <> 1

),

missing_prefixes as (

    select
        'prefix of the geolocation file missing from the dimension' as problem,
        source_prefixes.zip_code_prefix as offending_value,
        1 as row_count

    from source_prefixes
    anti join known_members
        on source_prefixes.zip_code_prefix = known_members.zip_code_prefix

),

extra_prefixes as (

    select
        'prefix of the dimension not in the geolocation file' as problem,
        coalesce(known_members.zip_code_prefix, 'null') as offending_value,
        1 as row_count

    from known_members
    anti join source_prefixes
        on known_members.zip_code_prefix = source_prefixes.zip_code_prefix

),

final as (

    select * from duplicated_keys
    union all
    select * from duplicated_prefixes
    union all
    select * from malformed_keys
    union all
    select * from unknown_member
    union all
    select * from missing_prefixes
    union all
    select * from extra_prefixes

)

select * from final
