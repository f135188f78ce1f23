-- grain: one row per version of a seller (seller_id), slowly changing (type 2), plus the unknown member
-- (seller_key = -1) that facts point to when the seller of an item is missing.
--
-- Tracked attributes: zip prefix, city and state, as in the sellers file (a seller_id repeated in a
-- re-saved file keeps its first line).
-- Versions and the unknown member (intermediate.int_dimension_versions, the one place the rule lives): a
-- change of a tracked attribute between runs closes the current version at the run's as-of time and opens
-- a new one; a new key's first version is valid from 1900-01-01; keys are kept by existing versions.
-- Exactly one version per key is current (valid_to null); windows [valid_from, valid_to) never overlap.
-- Type 1 attributes, recomputed by every run for all versions: region, geography.
with

dimension_versions as (

    select * from intermediate.int_dimension_versions

),

geography as (

    select * from core.dim_geography

),

states as (

    select * from intermediate.int_brazilian_states

),

versions as (

    select
        surrogate_key as seller_key,
        natural_key as seller_id,
        unnest(unpack_seller_attributes(attributes)), -- seller_zip_code_prefix, seller_city, seller_state
        valid_from,
        valid_to,
        is_current

    from dimension_versions
    where dimension = 'dim_seller'

),

final as (

    select
        versions.seller_key, -- -1: the unknown member
        versions.seller_id,
        versions.seller_zip_code_prefix, -- 5 characters
        versions.seller_city, -- as written by the seller, sometimes dirty; dim_geography has a clean name
        versions.seller_state, -- two-letter code
        coalesce(states.region, 'unknown') as seller_region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul
        coalesce(geography.geography_key, -1) as geography_key, -- -1 when the prefix is not in the geolocation file
        versions.valid_from, -- version valid from (inclusive)
        versions.valid_to, -- version valid until (exclusive); null for the current version
        versions.is_current

    from versions
    left join states
        on versions.seller_state = states.state_code
    left join geography
        on versions.seller_zip_code_prefix = geography.zip_code_prefix

)

select * from final
