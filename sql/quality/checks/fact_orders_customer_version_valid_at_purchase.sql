-- core.fact_orders.customer_key is the version of the order's person (intermediate.int_orders) valid in
-- core.dim_customer at the purchase time, or -1 when no version is. Checked from both sides: a key other
-- than -1 must be a version of that person whose window holds the purchase time, and -1 must leave no such
-- version unused. Returns the orders breaking either, with the reason.
with

orders as (

    select order_id, customer_key from core.fact_orders

),

source_orders as (

    select order_id, customer_unique_id, order_purchase_timestamp from intermediate.int_orders

),

versions as (

    select customer_key, customer_unique_id, valid_from, valid_to from core.dim_customer where customer_key <> -1

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
    left join versions
        on orders_at_purchase.customer_key = versions.customer_key
    where orders_at_purchase.customer_key is distinct from -1
        and not coalesce(
            versions.customer_unique_id = orders_at_purchase.customer_unique_id
            and orders_at_purchase.purchased_at >= versions.valid_from
            and orders_at_purchase.purchased_at < coalesce(versions.valid_to, timestamp 'infinity'),
            false
        )

),

unknown_orders as (

    select * from orders_at_purchase where customer_key = -1

),

versions_of_unknown_orders as (

    -- only the people of those orders: the few orders are what is hashed, not every version
    select * from versions semi join unknown_orders on versions.customer_unique_id = unknown_orders.customer_unique_id

),

unknown_despite_a_version as (

    select distinct
        'unknown though a version is valid at the purchase' as problem,
        unknown_orders.order_id,
        unknown_orders.customer_key

    from unknown_orders
    inner join versions_of_unknown_orders as versions
        on unknown_orders.customer_unique_id = versions.customer_unique_id
    where unknown_orders.purchased_at >= versions.valid_from
        and unknown_orders.purchased_at < coalesce(versions.valid_to, timestamp 'infinity')

)

select * from wrong_versions
union all
select * from unknown_despite_a_version
