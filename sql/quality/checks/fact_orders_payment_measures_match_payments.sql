-- Each order of core.fact_orders holds the count and value of its payments in core.fact_payments:
-- payment_count and payment_value are their count and sum (0 without payments). The orders with payments
-- and the payments' figures per order are compared first by a checksum (the sum of the hashes of each order
-- and its figures); only when it differs are they compared order by order. Returns the orders whose
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

checksums_differ as (

    select
        (
            select sum(hash(order_id, payment_count, payment_value))
            from orders
            where payment_count <> 0 or payment_value <> 0
        ) is distinct from (
            select sum(hash(order_id, payments, payment_value)) from payments_per_order
        ) as differ

),

compared as (

    select
        orders.order_id,
        orders.payment_count,
        orders.payment_value,
        coalesce(payments_per_order.payments, 0) as payments_of_the_order,
        coalesce(payments_per_order.payment_value, 0) as value_of_its_payments

    from (select * from orders where (select differ from checksums_differ)) as orders
    left join payments_per_order
        on orders.order_id = payments_per_order.order_id

)

select *

from compared
where payment_count is distinct from payments_of_the_order
    or payment_value is distinct from value_of_its_payments
