-- core.fact_payments carries its order's customer_key and purchase_date_key, those of core.fact_orders, or -1
-- for both when the order is missing. Returns the payments carrying other keys, with their order's.
with

payments as (

    select * from core.fact_payments

),

orders as (

    select * from core.fact_orders

),

compared as (

    select
        payments.order_id,
        payments.payment_sequential,
        payments.customer_key,
        payments.purchase_date_key,
        coalesce(orders.customer_key, -1) as order_customer_key,
        coalesce(orders.purchase_date_key, -1) as order_purchase_date_key

    from payments
    left join orders
        on payments.order_id = orders.order_id

)

select *

from compared
where customer_key is distinct from order_customer_key
    or purchase_date_key is distinct from order_purchase_date_key
