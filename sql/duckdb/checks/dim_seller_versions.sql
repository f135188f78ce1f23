-- Invariant: core.dim_seller is a sound slowly changing (type 2) dimension of sellers (seller_id):
--   grain: seller_key is unique across all versions and never null;
--   every seller has exactly one current version, and is_current is true exactly when valid_to is null;
--   windows [valid_from, valid_to) are non-empty where closed, never overlap, follow one another with
--   no gap, and a seller's first version starts on 1900-01-01;
--   the unknown member (seller_key -1) exists exactly once and is current;
--   every seller of staging.stg_sellers has a current version.
-- Returns the offending keys.
with

sellers as (

    select * from core.dim_seller

),

source_sellers as (

    select distinct seller_id from staging.stg_sellers

),

duplicated_keys as (

    select
        'seller_key repeated' as problem,
        cast(seller_key as varchar) as offending_value,
        count(*) as row_count

    from sellers
    group by seller_key
    having count(*) > 1

),

null_keys as (

    select
        'seller_key or seller_id null' as problem,
        coalesce(cast(seller_key as varchar), seller_id, 'null') as offending_value,
        count(*) as row_count

    from sellers
    where seller_key is null or seller_id is null
    group by all

),

current_versions_per_seller as (

    select
        'seller without exactly one current version' as problem,
        seller_id as offending_value,
        count(*) filter (where is_current) as row_count -- current versions of the seller

    from sellers
    group by seller_id
    having count(*) filter (where is_current) <> 1

),

inconsistent_current_flags as (

    select
        'is_current disagrees with valid_to' as problem,
        cast(seller_key as varchar) as offending_value,
        1 as row_count

    from sellers
    where is_current is distinct from (valid_to is null)

),

empty_windows as (

    select
        'window empty or reversed (valid_from null or not before valid_to)' as problem,
        cast(seller_key as varchar) || ': ' || coalesce(cast(valid_from as varchar), 'null')
            || ' .. ' || coalesce(cast(valid_to as varchar), 'open') as offending_value,
        1 as row_count

    from sellers
    where valid_from is null or valid_to <= valid_from

),

overlapping_versions as (

    select
        'versions of one seller overlap' as problem,
        earlier.seller_id || ': ' || earlier.seller_key || ' and ' || later.seller_key as offending_value,
        2 as row_count

    from sellers as earlier
    inner join sellers as later
        on earlier.seller_id = later.seller_id
        and earlier.seller_key < later.seller_key
    where earlier.valid_from < coalesce(later.valid_to, timestamp 'infinity')
        and later.valid_from < coalesce(earlier.valid_to, timestamp 'infinity')

),

successive_versions as (

    select
        seller_id,
        seller_key,
        valid_to,
        lead(valid_from) over (partition by seller_id order by valid_from, seller_key) as next_valid_from,
        lead(seller_key) over (partition by seller_id order by valid_from, seller_key) as next_seller_key

    from sellers

),

gaps as (

    select
        'gap between successive versions of one seller' as problem,
        seller_id || ': ' || seller_key || ' ends ' || coalesce(cast(valid_to as varchar), 'never')
            || ', ' || next_seller_key || ' starts ' || cast(next_valid_from as varchar) as offending_value,
        2 as row_count

    from successive_versions
    where next_seller_key is not null
        and valid_to is distinct from next_valid_from

),

late_histories as (

    select
        'first version of a seller does not start on 1900-01-01' as problem,
        seller_id || ': ' || coalesce(cast(min(valid_from) as varchar), 'null') as offending_value,
        count(*) as row_count

    from sellers
    group by seller_id
    having min(valid_from) is distinct from timestamp '1900-01-01'

),

unknown_member as (

    select
        'unknown member (-1) missing, repeated or not current' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from sellers
    where seller_key = -1
    having count(*) <> 1 or count(*) filter (where is_current) <> 1

),

sellers_without_a_version as (

    select
        'seller of stg_sellers has no current version' as problem,
        source_sellers.seller_id as offending_value,
        1 as row_count

    from source_sellers
    anti join sellers
        on source_sellers.seller_id = sellers.seller_id
        and sellers.is_current

),

final as (

    select * from duplicated_keys
    union all
    select * from null_keys
    union all
    select * from current_versions_per_seller
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
    select * from sellers_without_a_version

)

select * from final
