-- grain: one row per person (customer_unique_id) found in the customers file, plus the unknown
-- member (customer_key = -1) that facts point to when an order or its customer is missing.
-- The address (zip prefix, city, state) is the one given with the most recent order of the person; a
-- person without any order in the orders file takes the address of their greatest customer_id.
-- customer_key numbers the people in customer_unique_id order: stable for a given input, not across
-- inputs that add or remove people.
with

customers as (

    select * from intermediate.int_customers

),

orders as (

    select * from intermediate.int_orders

),

latest_purchase_per_customer_id as (

    select
        customer_id,
        max(order_purchase_timestamp) as last_purchase_at

    from orders
    group by customer_id

),

address_per_person as (

    select
        customers.customer_unique_id,
        customers.customer_id as address_customer_id,
        customers.customer_zip_code_prefix,
        customers.customer_city,
        customers.customer_state

    from customers
    left join latest_purchase_per_customer_id
        on customers.customer_id = latest_purchase_per_customer_id.customer_id
    qualify row_number() over (
        partition by customers.customer_unique_id
        order by latest_purchase_per_customer_id.last_purchase_at desc nulls last, customers.customer_id desc
    ) = 1

),

known_members as (

    select
        row_number() over (order by customer_unique_id) as customer_key,
        customer_unique_id,
        coalesce(customer_zip_code_prefix, 'unknown') as customer_zip_code_prefix, -- 5 characters
        coalesce(customer_city, 'unknown') as customer_city,
        coalesce(customer_state, 'unknown') as customer_state,
        address_customer_id -- the customer_id whose row gave the address (lineage)

    from address_per_person

),

unknown_member as (

    select
        cast(-1 as bigint) as customer_key,
        'unknown' as customer_unique_id,
        'unknown' as customer_zip_code_prefix,
        'unknown' as customer_city,
        'unknown' as customer_state,
        cast(null as varchar) as address_customer_id

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
