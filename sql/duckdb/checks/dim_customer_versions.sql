-- Invariant: core.dim_customer is a sound slowly changing (type 2) dimension of people
-- (customer_unique_id):
--   grain: customer_key is unique across all versions and never null;
--   every person has exactly one current version, and is_current is true exactly when valid_to is null;
--   windows [valid_from, valid_to) are non-empty where closed, never overlap, follow one another with
--   no gap, and a person's first version starts on 1900-01-01;
--   the unknown member (customer_key -1) exists exactly once and is current;
--   every person of intermediate.int_customers has a current version.
-- Returns the offending keys.
with

customers as (

    select * from core.dim_customer

),

source_people as (

    select distinct customer_unique_id from intermediate.int_customers

),

duplicated_keys as (

    select
        'customer_key repeated' as problem,
        cast(customer_key as varchar) as offending_value,
        count(*) as row_count

    from customers
    group by customer_key
    having count(*) > 1

),

null_keys as (

    select
        'customer_key or customer_unique_id null' as problem,
        coalesce(cast(customer_key as varchar), customer_unique_id, 'null') as offending_value,
        count(*) as row_count

    from customers
    where customer_key is null or customer_unique_id is null
    group by all

),

current_versions_per_person as (

    select
        'person without exactly one current version' as problem,
        customer_unique_id as offending_value,
        count(*) filter (where is_current) as row_count -- current versions of the person

    from customers
    group by customer_unique_id
    having count(*) filter (where is_current) <> 1

),

inconsistent_current_flags as (

    select
        'is_current disagrees with valid_to' as problem,
        cast(customer_key as varchar) as offending_value,
        1 as row_count

    from customers
    where is_current is distinct from (valid_to is null)

),

empty_windows as (

    select
        'window empty or reversed (valid_from null or not before valid_to)' as problem,
        cast(customer_key as varchar) || ': ' || coalesce(cast(valid_from as varchar), 'null')
            || ' .. ' || coalesce(cast(valid_to as varchar), 'open') as offending_value,
        1 as row_count

    from customers
    where valid_from is null or valid_to <= valid_from

),

overlapping_versions as (

    select
        'versions of one person overlap' as problem,
        earlier.customer_unique_id || ': ' || earlier.customer_key || ' and ' || later.customer_key as offending_value,
        2 as row_count

    from customers as earlier
    inner join customers as later
        on earlier.customer_unique_id = later.customer_unique_id
        and earlier.customer_key < later.customer_key
    where earlier.valid_from < coalesce(later.valid_to, timestamp 'infinity')
        and later.valid_from < coalesce(earlier.valid_to, timestamp 'infinity')

),

successive_versions as (

    select
        customer_unique_id,
        customer_key,
        valid_to,
        lead(valid_from) over (partition by customer_unique_id order by valid_from, customer_key) as next_valid_from,
        lead(customer_key) over (partition by customer_unique_id order by valid_from, customer_key) as next_customer_key

    from customers

),

gaps as (

    select
        'gap between successive versions of one person' as problem,
        customer_unique_id || ': ' || customer_key || ' ends ' || coalesce(cast(valid_to as varchar), 'never')
            || ', ' || next_customer_key || ' starts ' || cast(next_valid_from as varchar) as offending_value,
        2 as row_count

    from successive_versions
    where next_customer_key is not null
        and valid_to is distinct from next_valid_from

),

late_histories as (

    select
        'first version of a person does not start on 1900-01-01' as problem,
        customer_unique_id || ': ' || coalesce(cast(min(valid_from) as varchar), 'null') as offending_value,
        count(*) as row_count

    from customers
    group by customer_unique_id
    having min(valid_from) is distinct from timestamp '1900-01-01'

),

unknown_member as (

    select
        'unknown member (-1) missing, repeated or not current' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from customers
    where customer_key = -1
    having count(*) <> 1 or count(*) filter (where is_current) <> 1

),

people_without_a_version as (

    select
        'person of int_customers has no current version' as problem,
        source_people.customer_unique_id as offending_value,
        1 as row_count

    from source_people
    anti join customers
        on source_people.customer_unique_id = customers.customer_unique_id
        and customers.is_current

),

final as (

    select * from duplicated_keys
    union all
    select * from null_keys
    union all
    select * from current_versions_per_person
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
    select * from people_without_a_version

)

select * from final
