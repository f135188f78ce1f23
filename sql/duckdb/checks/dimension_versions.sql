-- Invariant: core.dim_customer (by customer_unique_id), core.dim_product (by product_id) and
-- core.dim_seller (by seller_id) are sound slowly changing (type 2) dimensions:
--   grain: the surrogate key is unique across all versions of a dimension and never null;
--   every natural key has exactly one current version, and is_current is true exactly when valid_to is
--   null;
--   windows [valid_from, valid_to) are non-empty where closed, never overlap, follow one another with
--   no gap, and a key's first version starts on 1900-01-01;
--   the unknown member (key -1) exists exactly once and is current;
--   every key of the sources (intermediate.int_customers, staging.stg_products, staging.stg_sellers)
--   has a current version.
-- Returns the offending keys, each offending_value starting with its dimension.
with

customers as (

    select * from core.dim_customer

),

products as (

    select * from core.dim_product

),

sellers as (

    select * from core.dim_seller

),

source_customers as (

    select * from intermediate.int_customers

),

source_products as (

    select * from staging.stg_products

),

source_sellers as (

    select * from staging.stg_sellers

),

versions as (

    select 'dim_customer' as dimension, customer_key as surrogate_key, customer_unique_id as natural_key,
        valid_from, valid_to, is_current
    from customers

    union all

    select 'dim_product', product_key, product_id, valid_from, valid_to, is_current
    from products

    union all

    select 'dim_seller', seller_key, seller_id, valid_from, valid_to, is_current
    from sellers

),

source_keys as (

    select distinct 'dim_customer' as dimension, customer_unique_id as natural_key from source_customers
    union
    select distinct 'dim_product', product_id from source_products
    union
    select distinct 'dim_seller', seller_id from source_sellers

),

duplicated_keys as (

    select
        'surrogate key repeated' as problem,
        dimension || ': ' || surrogate_key as offending_value,
        count(*) as row_count

    from versions
    group by dimension, surrogate_key
    having count(*) > 1

),

null_keys as (

    select
        'surrogate or natural key null' as problem,
        dimension || ': ' || coalesce(cast(surrogate_key as varchar), natural_key, 'null') as offending_value,
        count(*) as row_count

    from versions
    where surrogate_key is null or natural_key is null
    group by all

),

current_versions_per_key as (

    select
        'key without exactly one current version' as problem,
        dimension || ': ' || natural_key as offending_value,
        count(*) filter (where is_current) as row_count -- current versions of the key

    from versions
    group by dimension, natural_key
    having count(*) filter (where is_current) <> 1

),

inconsistent_current_flags as (

    select
        'is_current disagrees with valid_to' as problem,
        dimension || ': ' || surrogate_key as offending_value,
        1 as row_count

    from versions
    where is_current is distinct from (valid_to is null)

),

empty_windows as (

    select
        'window empty or reversed (valid_from null or not before valid_to)' as problem,
        dimension || ': ' || surrogate_key || ' ' || coalesce(cast(valid_from as varchar), 'null')
            || ' .. ' || coalesce(cast(valid_to as varchar), 'open') as offending_value,
        1 as row_count

    from versions
    where valid_from is null or valid_to <= valid_from

),

overlapping_versions as (

    select
        'versions of one key overlap' as problem,
        earlier.dimension || ': ' || earlier.natural_key || ' ' || earlier.surrogate_key || ' and '
            || later.surrogate_key as offending_value,
        2 as row_count

    from versions as earlier
    inner join versions as later
        on earlier.dimension = later.dimension
        and earlier.natural_key = later.natural_key
        and earlier.surrogate_key < later.surrogate_key
    where earlier.valid_from < coalesce(later.valid_to, timestamp 'infinity')
        and later.valid_from < coalesce(earlier.valid_to, timestamp 'infinity')

),

successive_versions as (

    select
        dimension,
        natural_key,
        surrogate_key,
        valid_to,
        lead(valid_from) over (partition by dimension, natural_key order by valid_from, surrogate_key) as next_valid_from,
        lead(surrogate_key) over (partition by dimension, natural_key order by valid_from, surrogate_key) as next_surrogate_key

    from versions

),

gaps as (

    select
        'gap between successive versions of one key' as problem,
        dimension || ': ' || natural_key || ' ' || surrogate_key || ' ends ' || coalesce(cast(valid_to as varchar), 'never')
            || ', ' || next_surrogate_key || ' starts ' || cast(next_valid_from as varchar) as offending_value,
        2 as row_count

    from successive_versions
    where next_surrogate_key is not null
        and valid_to is distinct from next_valid_from

),

late_histories as (

    select
        'first version of a key does not start on 1900-01-01' as problem,
        dimension || ': ' || natural_key || ' ' || coalesce(cast(min(valid_from) as varchar), 'null') as offending_value,
        count(*) as row_count

    from versions
    group by dimension, natural_key
    having min(valid_from) is distinct from timestamp '1900-01-01'

),

unknown_members as (

    select
        'unknown member (-1) missing, repeated or not current' as problem,
        dimensions.dimension || ': -1' as offending_value,
        count(versions.surrogate_key) as row_count

    from (values ('dim_customer'), ('dim_product'), ('dim_seller')) as dimensions (dimension)
    left join versions
        on dimensions.dimension = versions.dimension
        and versions.surrogate_key = -1
    group by dimensions.dimension
    having count(versions.surrogate_key) <> 1 or count(versions.surrogate_key) filter (where versions.is_current) <> 1

),

keys_without_a_version as (

    select
        'key of the sources has no current version' as problem,
        source_keys.dimension || ': ' || source_keys.natural_key as offending_value,
        1 as row_count

    from source_keys
    anti join versions
        on source_keys.dimension = versions.dimension
        and source_keys.natural_key = versions.natural_key
        and versions.is_current

),

final as (

    select * from duplicated_keys
    union all
    select * from null_keys
    union all
    select * from current_versions_per_key
    union all
    select * from inconsistent_current_flags
    union all
    select * from empty_windows
    union all
    select * from overlapping_versions
    union all
    select * from gaps
    union all
    select * from late_histories
    union all
    select * from unknown_members
    union all
    select * from keys_without_a_version

)

select * from final
