-- grain: one row per version of a seller (seller_id), slowly changing (type 2), plus the unknown member
-- (seller_key = -1) that facts point to when the seller of an item is missing.
--
-- Tracked attributes: zip prefix, city and state, as in the sellers file (a seller_id repeated in a
-- re-saved file keeps its first line).
-- Versions: raw.previous_dim_seller holds every version published by the previous run. A seller whose
-- attributes differ from their current version gets that version closed (valid_to = the run's as-of
-- time) and a new one opened (valid_from = as-of); a new seller's first version is valid from
-- 1900-01-01; a seller absent from this run's source keeps their versions unchanged. Exactly one
-- version per seller is current (valid_to null); windows are [valid_from, valid_to) and never overlap.
-- seller_key: kept by every existing version; new versions are numbered after the greatest key, in
-- seller_id order.
-- Type 1 attributes, recomputed by every run for all versions: region, geography.
with

build as (

    select * from raw.build

),

previous_versions as (

    select * from raw.previous_dim_seller

),

sellers as (

    select * from staging.stg_sellers

),

geography as (

    select * from core.dim_geography

),

states as (

    select * from intermediate.int_brazilian_states

),

snapshot as (

    select
        seller_id,
        coalesce(seller_zip_code_prefix, 'unknown') as seller_zip_code_prefix,
        coalesce(seller_city, 'unknown') as seller_city,
        coalesce(seller_state, 'unknown') as seller_state

    from sellers
    qualify row_number() over (partition by seller_id order by _source_line) = 1

),

current_versions as (

    select * from previous_versions where valid_to is null

),

compared as (

    select
        snapshot.*,
        current_versions.seller_id is null as is_new,
        current_versions.seller_id is not null and (
            snapshot.seller_zip_code_prefix is distinct from current_versions.seller_zip_code_prefix
            or snapshot.seller_city is distinct from current_versions.seller_city
            or snapshot.seller_state is distinct from current_versions.seller_state
        ) as is_changed

    from snapshot
    left join current_versions
        on snapshot.seller_id = current_versions.seller_id

),

carried_versions as (

    select
        previous_versions.seller_key,
        previous_versions.seller_id,
        previous_versions.seller_zip_code_prefix,
        previous_versions.seller_city,
        previous_versions.seller_state,
        previous_versions.valid_from,
        case
            when previous_versions.valid_to is null and compared.is_changed then build.as_of
            else previous_versions.valid_to
        end as valid_to

    from previous_versions
    cross join build
    left join compared
        on previous_versions.seller_id = compared.seller_id

),

opened_versions as (

    select
        (select coalesce(max(seller_key), 0) from previous_versions)
            + row_number() over (order by compared.seller_id) as seller_key,
        compared.seller_id,
        compared.seller_zip_code_prefix,
        compared.seller_city,
        compared.seller_state,
        case when compared.is_new then timestamp '1900-01-01' else build.as_of end as valid_from,
        cast(null as timestamp) as valid_to

    from compared
    cross join build
    where compared.is_new or compared.is_changed

),

versions as (

    select * from carried_versions
    union all
    select * from opened_versions

),

known_members as (

    select
        versions.seller_key,
        versions.seller_id,
        versions.seller_zip_code_prefix, -- 5 characters
        versions.seller_city, -- as written by the seller, sometimes dirty; dim_geography has a clean name
        versions.seller_state, -- two-letter code
        coalesce(states.region, 'unknown') as seller_region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul
        coalesce(geography.geography_key, -1) as geography_key, -- -1 when the prefix is not in the geolocation file
        versions.valid_from, -- version valid from (inclusive)
        versions.valid_to, -- version valid until (exclusive); null for the current version
        versions.valid_to is null as is_current

    from versions
    left join states
        on versions.seller_state = states.state_code
    left join geography
        on versions.seller_zip_code_prefix = geography.zip_code_prefix

),

unknown_member as (

    select
        cast(-1 as bigint) as seller_key,
        'unknown' as seller_id,
        'unknown' as seller_zip_code_prefix,
        'unknown' as seller_city,
        'unknown' as seller_state,
        'unknown' as seller_region,
        cast(-1 as bigint) as geography_key,
        timestamp '1900-01-01' as valid_from,
        cast(null as timestamp) as valid_to,
        true as is_current

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
