-- Invariant: core.dim_product is a sound slowly changing (type 2) dimension of products (product_id):
--   grain: product_key is unique across all versions and never null;
--   every product has exactly one current version, and is_current is true exactly when valid_to is null;
--   windows [valid_from, valid_to) are non-empty where closed, never overlap, follow one another with
--   no gap, and a product's first version starts on 1900-01-01;
--   the unknown member (product_key -1) exists exactly once and is current;
--   every product of staging.stg_products has a current version.
-- Returns the offending keys.
with

products as (

    select * from core.dim_product

),

source_products as (

    select distinct product_id from staging.stg_products

),

duplicated_keys as (

    select
        'product_key repeated' as problem,
        cast(product_key as varchar) as offending_value,
        count(*) as row_count

    from products
    group by product_key
    having count(*) > 1

),

null_keys as (

    select
        'product_key or product_id null' as problem,
        coalesce(cast(product_key as varchar), product_id, 'null') as offending_value,
        count(*) as row_count

    from products
    where product_key is null or product_id is null
    group by all

),

current_versions_per_product as (

    select
        'product without exactly one current version' as problem,
        product_id as offending_value,
        count(*) filter (where is_current) as row_count -- current versions of the product

    from products
    group by product_id
    having count(*) filter (where is_current) <> 1

),

inconsistent_current_flags as (

    select
        'is_current disagrees with valid_to' as problem,
        cast(product_key as varchar) as offending_value,
        1 as row_count

    from products
    where is_current is distinct from (valid_to is null)

),

empty_windows as (

    select
        'window empty or reversed (valid_from null or not before valid_to)' as problem,
        cast(product_key as varchar) || ': ' || coalesce(cast(valid_from as varchar), 'null')
            || ' .. ' || coalesce(cast(valid_to as varchar), 'open') as offending_value,
        1 as row_count

    from products
    where valid_from is null or valid_to <= valid_from

),

overlapping_versions as (

    select
        'versions of one product overlap' as problem,
        earlier.product_id || ': ' || earlier.product_key || ' and ' || later.product_key as offending_value,
        2 as row_count

    from products as earlier
    inner join products as later
        on earlier.product_id = later.product_id
        and earlier.product_key < later.product_key
    where earlier.valid_from < coalesce(later.valid_to, timestamp 'infinity')
        and later.valid_from < coalesce(earlier.valid_to, timestamp 'infinity')

),

successive_versions as (

    select
        product_id,
        product_key,
        valid_to,
        lead(valid_from) over (partition by product_id order by valid_from, product_key) as next_valid_from,
        lead(product_key) over (partition by product_id order by valid_from, product_key) as next_product_key

    from products

),

gaps as (

    select
        'gap between successive versions of one product' as problem,
        product_id || ': ' || product_key || ' ends ' || coalesce(cast(valid_to as varchar), 'never')
            || ', ' || next_product_key || ' starts ' || cast(next_valid_from as varchar) as offending_value,
        2 as row_count

    from successive_versions
    where next_product_key is not null
        and valid_to is distinct from next_valid_from

),

late_histories as (

    select
        'first version of a product does not start on 1900-01-01' as problem,
        product_id || ': ' || coalesce(cast(min(valid_from) as varchar), 'null') as offending_value,
        count(*) as row_count

    from products
    group by product_id
    having min(valid_from) is distinct from timestamp '1900-01-01'

),

unknown_member as (

    select
        'unknown member (-1) missing, repeated or not current' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from products
    where product_key = -1
    having count(*) <> 1 or count(*) filter (where is_current) <> 1

),

products_without_a_version as (

    select
        'product of stg_products has no current version' as problem,
        source_products.product_id as offending_value,
        1 as row_count

    from source_products
    anti join products
        on source_products.product_id = products.product_id
        and products.is_current

),

final as (

    select * from duplicated_keys
    union all
    select * from null_keys
    union all
    select * from current_versions_per_product
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
    select * from unknown_member
    union all
    select * from products_without_a_version

)

select * from final
