-- Invariant: dim_customer has one row per customer_unique_id and per customer_key, and exactly one
-- unknown member (-1). Returns the offending keys.
with

customers as (

    select * from core.dim_customer

),

duplicated_people as (

    select
        'customer_unique_id repeated' as problem,
        customer_unique_id as offending_value,
        count(*) as row_count

    from customers
    group by customer_unique_id
    having count(*) > 1

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

missing_unknown_member as (

    select
        'unknown member missing' as problem,
        '-1' as offending_value,
        count(*) as row_count

    from customers
    where customer_key = -1
    having count(*) <> 1

),

final as (

    select * from duplicated_people
    union all
    select * from duplicated_keys
    union all
    select * from missing_unknown_member

)

select * from final
