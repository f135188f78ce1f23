-- core.dim_geography has a member for each zip code prefix of the geolocation file and for no other
-- (besides its unknown member, -1). Returns the prefixes missing from the dimension and the members the
-- file does not hold.
with

geography as (

    select * from core.dim_geography

),

geolocation as (

    select * from staging.stg_geolocation

),

known_members as (

    select zip_code_prefix from geography where geography_key <> -1

),

source_prefixes as (

    select distinct geolocation_zip_code_prefix as zip_code_prefix

    from geolocation
    where geolocation_zip_code_prefix is not null

),

missing_members as (

    select
        'missing from the dimension' as problem,
        zip_code_prefix

    from source_prefixes
    anti join known_members
        on source_prefixes.zip_code_prefix = known_members.zip_code_prefix

),

unexpected_members as (

    select
        'not in the geolocation file' as problem,
        zip_code_prefix

    from known_members
    anti join source_prefixes
        on known_members.zip_code_prefix = source_prefixes.zip_code_prefix

)

select * from missing_members
union all
select * from unexpected_members
