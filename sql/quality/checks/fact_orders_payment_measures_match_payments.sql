-- Each order of core.fact_orders holds the count and value of its payments in core.fact_payments:
-- payment_count and payment_value are their count and sum (0 without payments). Returns the orders whose
-- measures differ, with their payments' figures.
with

orders as (

    select * from core.fact_orders

),

payments as (

    select * from core.fact_payments

),

payments_per_order as (

    select
        order_id,
        count(*) as payments,
        sum(payment_value) as payment_value

    from payments
    group by order_id

),

compared as (

    select
        orders.order_id,
        orders.payment_count,
        orders.payment_value,
        coalesce(payments_per_order.payments, 0) as payments_of_the_order,
        coalesce(payments_per_order.payment_value, 0) as value_of_its_payments

    from orders
    left join payments_per_order
        on orders.order_id = payments_per_order.order_id

)

select *

from compared
where payment_count is distinct from payments_of_the_order
    or payment_value is distinct from value_of_its_payments
