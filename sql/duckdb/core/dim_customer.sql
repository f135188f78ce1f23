-- grain: one row per version of a person (customer_unique_id), slowly changing (type 2), plus the
-- unknown member (customer_key = -1) that facts point to when an order or its customer is missing.
--
-- Tracked attributes: the address (zip prefix, city, state), the one given with the person's most
-- recent order (a person without orders: the address of their greatest customer_id).
-- Versions and the unknown member (intermediate.int_dimension_versions, the one place the rule lives): a
-- change of a tracked attribute between runs closes the current version at the run's as-of time and opens
-- a new one; a new key's first version is valid from 1900-01-01; keys are kept by existing versions.
-- Exactly one version per key is current (valid_to null); windows [valid_from, valid_to) never overlap.
-- Type 1 attributes, recomputed by every run for all versions: region, geography, segment.
-- Segment, by the person's counted orders (int_customer_metrics): prospect (none), one_time (1),
-- regular (2 to 5), vip (more than 5 and revenue above 1,000 BRL), loyal (more than 5).
with

dimension_versions as (

    select * from intermediate.int_dimension_versions

),

customer_metrics as (

    select * from intermediate.int_customer_metrics

),

geography as (

    select * from core.dim_geography

),

states as (

    select * from intermediate.int_brazilian_states

),

versions as (

    select
        surrogate_key as customer_key,
        natural_key as customer_unique_id,
        unnest(unpack_customer_attributes(attributes)), -- customer_zip_code_prefix, customer_city, customer_state
        valid_from,
        valid_to,
        is_current

    from dimension_versions
    where dimension = 'dim_customer'

),

final as (

    select
        versions.customer_key, -- -1: the unknown member
        versions.customer_unique_id, -- the person
        versions.customer_zip_code_prefix, -- 5 characters
        versions.customer_city, -- as written in the customers file
        versions.customer_state, -- two-letter code
        coalesce(states.region, 'unknown') as customer_region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul
        coalesce(geography.geography_key, -1) as geography_key, -- -1 when the prefix is not in the geolocation file
        case
            when versions.customer_key = -1 then 'unknown'
            when coalesce(customer_metrics.orders, 0) = 0 then 'prospect'
            when customer_metrics.orders = 1 then 'one_time'
            when customer_metrics.orders <= 5 then 'regular'
            when customer_metrics.revenue > 1000 then 'vip'
            else 'loyal'
        end as customer_segment, -- prospect, one_time, regular, loyal, vip; unknown for the unknown member
        versions.valid_from, -- version valid from (inclusive)
        versions.valid_to, -- version valid until (exclusive); null for the current version
        versions.is_current

    from versions
    left join states
        on versions.customer_state = states.state_code
    left join geography
        on versions.customer_zip_code_prefix = geography.zip_code_prefix
    left join customer_metrics
        on versions.customer_unique_id = customer_metrics.customer_unique_id

)

select * from final
