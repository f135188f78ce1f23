-- grain: one row per payment (order_id, payment_sequential) in the payments file (a repeated pair
-- keeps its first line). A payment whose order is missing keeps customer_key and purchase_date_key
-- -1 and is_order_missing true.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

payments as (

    select * from intermediate.int_order_payments

),

orders as (

    select * from core.fact_orders

),

joined as (

    select
        payments.order_id,
        payments.payment_sequential, -- 1..n within the order
        coalesce(orders.customer_key, -1) as customer_key,
        coalesce(orders.purchase_date_key, -1) as purchase_date_key,
        orders.order_id is null as is_order_missing, -- the order is not in the orders file
        orders.order_status, -- null when the order is missing
        coalesce(orders.counts_as_revenue, false) as counts_as_revenue, -- the order counts as revenue
        payments.payment_type, -- credit_card, boleto, voucher, debit_card, not_defined
        payments.payment_installments, -- 0..24
        payments.payment_value -- BRL

    from payments
    left join orders
        on payments.order_id = orders.order_id

)

select * from joined
