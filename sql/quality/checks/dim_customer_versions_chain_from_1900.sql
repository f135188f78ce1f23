-- The versions of each person in core.dim_customer (by customer_unique_id) follow one another without a gap
-- or an overlap: the first is valid from 1900-01-01, each begins where the one before ends, and the last
-- never ends. Returns the versions that break the chain, with the reason.
with

versions as (

    select * from core.dim_customer

),

chained as (

    select
        customer_key,
        customer_unique_id,
        valid_from,
        valid_to,
        row_number() over by_key as position, -- 1 for the first version of the person
        lag(valid_to) over by_key as previous_valid_to,
        lead(customer_key) over by_key as next_key

    from versions
    window by_key as (partition by customer_unique_id order by valid_from, customer_key)

),

broken as (

    select
        customer_key,
        customer_unique_id,
        valid_from,
        valid_to,
        case
            when position = 1 and valid_from is distinct from timestamp '1900-01-01'
                then 'the first version is not valid from 1900-01-01'
            when position > 1 and valid_from is distinct from previous_valid_to
                then 'it does not begin where the version before ends'
            when next_key is null and valid_to is not null
                then 'the last version ends'
        end as problem

    from chained

)

select * from broken where problem is not null
