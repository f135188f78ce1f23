-- grain: one row per version of a person (customer_unique_id), slowly changing (type 2), plus the
-- unknown member (customer_key = -1) that facts point to when an order or its customer is missing.
--
-- Tracked attributes: the address (zip prefix, city, state), the one given with the person's most
-- recent order (a person without orders: the address of their greatest customer_id).
-- Versions: raw.previous_dim_customer holds every version published by the previous run. A person whose
-- address differs from their current version gets that version closed (valid_to = the run's as-of
-- time) and a new one opened (valid_from = as-of); a new person's first version is valid from
-- 1900-01-01; a person absent from this run's source keeps their versions unchanged. Exactly one
-- version per person is current (valid_to null); windows are [valid_from, valid_to) and never overlap.
-- customer_key: kept by every existing version; new versions are numbered after the greatest key,
-- in customer_unique_id order.
-- Type 1 attributes, recomputed by every run for all versions: region, geography, segment.
-- Segment, by the person's counted orders (int_customer_metrics): prospect (none), one_time (1),
-- regular (2 to 5), vip (more than 5 and revenue above 1,000 BRL), loyal (more than 5).
with

build as (

    select * from raw.build

),

previous_versions as (

    select * from raw.previous_dim_customer

),

customers as (

    select * from intermediate.int_customers

),

orders as (

    select * from intermediate.int_orders

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

latest_purchase_per_customer_id as (

    select
        customer_id,
        max(order_purchase_timestamp) as last_purchase_at

    from orders
    group by customer_id

),

snapshot as (

    select
        customers.customer_unique_id,
        coalesce(customers.customer_zip_code_prefix, 'unknown') as customer_zip_code_prefix,
        coalesce(customers.customer_city, 'unknown') as customer_city,
        coalesce(customers.customer_state, 'unknown') as customer_state

    from customers
    left join latest_purchase_per_customer_id
        on customers.customer_id = latest_purchase_per_customer_id.customer_id
    qualify row_number() over (
        partition by customers.customer_unique_id
        order by latest_purchase_per_customer_id.last_purchase_at desc nulls last, customers.customer_id desc
    ) = 1

),

current_versions as (

    select * from previous_versions where valid_to is null

),

compared as (

    select
        snapshot.*,
        current_versions.customer_unique_id is null as is_new,
        current_versions.customer_unique_id is not null and (
            snapshot.customer_zip_code_prefix is distinct from current_versions.customer_zip_code_prefix
            or snapshot.customer_city is distinct from current_versions.customer_city
            or snapshot.customer_state is distinct from current_versions.customer_state
        ) as is_changed

    from snapshot
    left join current_versions
        on snapshot.customer_unique_id = current_versions.customer_unique_id

),

carried_versions as (

    select
        previous_versions.customer_key,
        previous_versions.customer_unique_id,
        previous_versions.customer_zip_code_prefix,
        previous_versions.customer_city,
        previous_versions.customer_state,
        previous_versions.valid_from,
        case
            when previous_versions.valid_to is null and compared.is_changed then build.as_of
            else previous_versions.valid_to
        end as valid_to

    from previous_versions
    cross join build
    left join compared
        on previous_versions.customer_unique_id = compared.customer_unique_id

),

opened_versions as (

    select
        (select coalesce(max(customer_key), 0) from previous_versions)
            + row_number() over (order by compared.customer_unique_id) as customer_key,
        compared.customer_unique_id,
        compared.customer_zip_code_prefix,
        compared.customer_city,
        compared.customer_state,
        case when compared.is_new then timestamp '1900-01-01' else build.as_of end as valid_from,
        cast(null as timestamp) as valid_to

    from compared
    cross join build
    where compared.is_new or compared.is_changed

),

versions as (

    select * from carried_versions
    union all
    select * from opened_versions

),

known_members as (

    select
        versions.customer_key,
        versions.customer_unique_id, -- the person
        versions.customer_zip_code_prefix, -- 5 characters
        versions.customer_city, -- as written in the customers file
        versions.customer_state, -- two-letter code
        coalesce(states.region, 'unknown') as customer_region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul
        coalesce(geography.geography_key, -1) as geography_key, -- -1 when the prefix is not in the geolocation file
        case
            when coalesce(customer_metrics.orders, 0) = 0 then 'prospect'
            when customer_metrics.orders = 1 then 'one_time'
            when customer_metrics.orders <= 5 then 'regular'
            when customer_metrics.revenue > 1000 then 'vip'
            else 'loyal'
        end as customer_segment, -- prospect, one_time, regular, loyal, vip
        versions.valid_from, -- version valid from (inclusive)
        versions.valid_to, -- version valid until (exclusive); null for the current version
        versions.valid_to is null as is_current

    from versions
    left join states
        on versions.customer_state = states.state_code
    left join geography
        on versions.customer_zip_code_prefix = geography.zip_code_prefix
    left join customer_metrics
        on versions.customer_unique_id = customer_metrics.customer_unique_id

),

unknown_member as (

    select
        cast(-1 as bigint) as customer_key,
        'unknown' as customer_unique_id,
        'unknown' as customer_zip_code_prefix,
        'unknown' as customer_city,
        'unknown' as customer_state,
        'unknown' as customer_region,
        cast(-1 as bigint) as geography_key,
        'unknown' as customer_segment,
        timestamp '1900-01-01' as valid_from,
        cast(null as timestamp) as valid_to,
        true as is_current

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
