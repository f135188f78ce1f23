-- grain: one row per zip code prefix found in the geolocation file, plus the unknown member
-- (geography_key = -1) for prefixes the geolocation file does not know.
-- geography_key is the prefix as a number (01037 -> 1037): stable across runs.
-- City: the spelling most points give, cleaned (lower case, accents removed, single spaces); state:
-- the state most points give; ties go to the alphabetically first. Centroid: the mean of the points
-- inside Brazil's mainland extreme points (latitude -33.75..5.27, longitude -73.99..-34.79); points
-- outside are discarded, and a prefix with none inside has no coordinates.
with

geolocation as (

    select * from staging.stg_geolocation

),

states as (

    select * from intermediate.int_brazilian_states

),

points as (

    select
        geolocation_zip_code_prefix as zip_code_prefix,
        geolocation_lat as latitude,
        geolocation_lng as longitude,
        regexp_replace(lower(strip_accents(trim(geolocation_city))), '\s+', ' ', 'g') as city,
        geolocation_state as state,
        geolocation_lat between -33.75 and 5.27 and geolocation_lng between -73.99 and -34.79 as is_in_brazil

    from geolocation
    where geolocation_zip_code_prefix is not null

),

city_per_prefix as (

    select
        zip_code_prefix,
        city

    from points
    where city is not null
    group by zip_code_prefix, city
    qualify row_number() over (partition by zip_code_prefix order by count(*) desc, city) = 1

),

state_per_prefix as (

    select
        zip_code_prefix,
        state

    from points
    where state is not null
    group by zip_code_prefix, state
    qualify row_number() over (partition by zip_code_prefix order by count(*) desc, state) = 1

),

centroid_per_prefix as (

    select
        zip_code_prefix,
        count(*) as points,
        count(*) filter (where is_in_brazil) as points_in_brazil,
        avg(latitude) filter (where is_in_brazil) as latitude,
        avg(longitude) filter (where is_in_brazil) as longitude

    from points
    group by zip_code_prefix

),

known_members as (

    select
        cast(centroid_per_prefix.zip_code_prefix as bigint) as geography_key,
        centroid_per_prefix.zip_code_prefix, -- 5 characters
        coalesce(city_per_prefix.city, 'unknown') as city, -- cleaned: lower case, no accents
        coalesce(state_per_prefix.state, 'unknown') as state, -- two-letter code
        coalesce(states.state_name, 'unknown') as state_name,
        coalesce(states.region, 'unknown') as region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul
        round(centroid_per_prefix.latitude, 6) as latitude, -- degrees; null when no point lies in Brazil
        round(centroid_per_prefix.longitude, 6) as longitude, -- degrees
        centroid_per_prefix.points, -- geolocation rows of the prefix
        centroid_per_prefix.points_in_brazil -- of those, inside Brazil: the centroid's points

    from centroid_per_prefix
    left join city_per_prefix
        on centroid_per_prefix.zip_code_prefix = city_per_prefix.zip_code_prefix
    left join state_per_prefix
        on centroid_per_prefix.zip_code_prefix = state_per_prefix.zip_code_prefix
    left join states
        on state_per_prefix.state = states.state_code

),

unknown_member as (

    select
        cast(-1 as bigint) as geography_key,
        'unknown' as zip_code_prefix,
        'unknown' as city,
        'unknown' as state,
        'unknown' as state_name,
        'unknown' as region,
        cast(null as double) as latitude,
        cast(null as double) as longitude,
        cast(0 as bigint) as points,
        cast(0 as bigint) as points_in_brazil

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
