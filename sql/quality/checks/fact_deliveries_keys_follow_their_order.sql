-- core.fact_deliveries carries its order's customer_key and purchase_date_key, those of core.fact_orders,
-- or -1 for both when the order is missing. Returns the deliveries carrying other keys, with their order's.
with

deliveries as (

    select * from core.fact_deliveries

),

orders as (

    select * from core.fact_orders

),

compared as (

    select
        deliveries.order_id,
        deliveries.customer_key,
        deliveries.purchase_date_key,
        coalesce(orders.customer_key, -1) as order_customer_key,
        coalesce(orders.purchase_date_key, -1) as order_purchase_date_key

    from deliveries
    left join orders
        on deliveries.order_id = orders.order_id

)

select *

from compared
where customer_key is distinct from order_customer_key
    or purchase_date_key is distinct from order_purchase_date_key
