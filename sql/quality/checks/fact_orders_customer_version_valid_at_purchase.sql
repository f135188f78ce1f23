-- core.fact_orders.customer_key is the version of the order's person (intermediate.int_orders) valid in
-- core.dim_customer at the purchase time, or -1 when no version is. Checked from both sides: a key other
-- than -1 must be a version of that person whose window holds the purchase time, and -1 must leave no such
-- version unused. Returns the orders breaking either, with the reason.
with

orders as (

    select * from core.fact_orders

),

source_orders as (

    select * from intermediate.int_orders

),

customers as (

    select * from core.dim_customer

),

known_versions as (

    select * from customers where customer_key <> -1

),

orders_at_purchase as (

    select
        orders.order_id,
        orders.customer_key,
        source_orders.customer_unique_id,
        source_orders.order_purchase_timestamp as purchased_at

    from orders
    inner join source_orders
        on orders.order_id = source_orders.order_id

),

wrong_versions as (

    select
        'not a version of the person valid at the purchase' as problem,
        orders_at_purchase.order_id,
        orders_at_purchase.customer_key

    from orders_at_purchase
    left join known_versions
        on orders_at_purchase.customer_key = known_versions.customer_key
    where orders_at_purchase.customer_key <> -1
        and not coalesce(
            known_versions.customer_unique_id = orders_at_purchase.customer_unique_id
            and orders_at_purchase.purchased_at >= known_versions.valid_from
            and orders_at_purchase.purchased_at < coalesce(known_versions.valid_to, timestamp 'infinity'),
            false
        )

),

unknown_despite_a_version as (

    select distinct
        'unknown though a version is valid at the purchase' as problem,
        orders_at_purchase.order_id,
        orders_at_purchase.customer_key

    from orders_at_purchase
    inner join known_versions
        on orders_at_purchase.customer_unique_id = known_versions.customer_unique_id
    where orders_at_purchase.customer_key is not distinct from -1
        and orders_at_purchase.purchased_at >= known_versions.valid_from
        and orders_at_purchase.purchased_at < coalesce(known_versions.valid_to, timestamp 'infinity')

)

select * from wrong_versions
union all
select * from unknown_despite_a_version
