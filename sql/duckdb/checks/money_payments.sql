-- Invariant: payment money is preserved, to the cent, from staging to the facts. The first line of
-- each (order_id, payment_sequential) in staging.stg_order_payments (the duplicate rule),
-- intermediate.int_order_payments, core.fact_payments, and core.fact_orders (payment_value,
-- payment_count) together with the payments whose order is missing from it all hold the same number of
-- payments and the same payment total. Per row: each order's payment_value and payment_count equal the
-- sums of its payments in fact_payments, and its payment_difference is payment_value - items_total.
-- Returns one row per measure or row that differs.
with

staged_payments as (

    select * from staging.stg_order_payments

),

source_payments as (

    select * from intermediate.int_order_payments

),

payments as (

    select * from core.fact_payments

),

orders as (

    select * from core.fact_orders

),

first_lines as (

    select *

    from staged_payments
    qualify row_number() over (partition by order_id, payment_sequential order by _source_line) = 1

),

payments_without_order as (

    select *

    from source_payments
    anti join orders
        on source_payments.order_id = orders.order_id

),

totals as (

    select
        'staging.stg_order_payments (first line per payment)' as source,
        count(*) as payments,
        coalesce(sum(payment_value), 0) as payment_value

    from first_lines

    union all

    select
        'intermediate.int_order_payments',
        count(*),
        coalesce(sum(payment_value), 0)

    from source_payments

    union all

    select
        'core.fact_payments',
        count(*),
        coalesce(sum(payment_value), 0)

    from payments

    union all

    select
        'core.fact_orders + payments without an order',
        (select coalesce(sum(payment_count), 0) from orders) + (select count(*) from payments_without_order),
        (select coalesce(sum(payment_value), 0) from orders) + (select coalesce(sum(payment_value), 0) from payments_without_order)

),

reference as (

    select * from totals where source = 'staging.stg_order_payments (first line per payment)'

),

total_differences as (

    select
        'payment count differs from staging' as problem,
        totals.source || ': ' || totals.payments || ' vs ' || reference.payments as offending_value,
        abs(totals.payments - reference.payments) as row_count

    from totals
    cross join reference
    where totals.payments <> reference.payments

    union all

    select
        'payment total differs from staging' as problem,
        totals.source || ': ' || totals.payment_value || ' vs ' || reference.payment_value as offending_value,
        totals.payments as row_count

    from totals
    cross join reference
    where totals.payment_value <> reference.payment_value

),

payments_per_order as (

    select
        order_id,
        count(*) as payments,
        sum(payment_value) as payment_value

    from payments
    group by order_id

),

order_differences as (

    select
        'fact_orders payment measures differ from its payments in fact_payments' as problem,
        orders.order_id || ': ' || orders.payment_count || ' payments ' || orders.payment_value
            || ' vs ' || coalesce(payments_per_order.payments, 0) || ' payments '
            || coalesce(payments_per_order.payment_value, 0) as offending_value,
        coalesce(payments_per_order.payments, 0) as row_count

    from orders
    left join payments_per_order
        on orders.order_id = payments_per_order.order_id
    where orders.payment_count is distinct from coalesce(payments_per_order.payments, 0)
        or orders.payment_value is distinct from coalesce(payments_per_order.payment_value, 0)

),

difference_differences as (

    select
        'fact_orders.payment_difference is not payment_value - items_total' as problem,
        order_id || ': ' || coalesce(cast(payment_difference as varchar), 'null') as offending_value,
        1 as row_count

    from orders
    where payment_difference is distinct from payment_value - items_total

),

final as (

    select * from total_differences
    union all
    select * from order_differences
    union all
    select * from difference_differences

)

select * from final
