-- grain: one row per payment type and number of installments, over the payments of orders counted as
-- revenue (rule in intermediate.int_order_enriched). Shares are of all those payments: value_share by
-- value, payment_share by count.
with

payments as (

    select * from core.fact_payments

),

grouped as (

    select
        payment_type,
        payment_installments,
        count(*) as payments,
        count(distinct order_id) as orders,
        sum(payment_value) as payment_value

    from payments
    where counts_as_revenue
    group by payment_type, payment_installments

),

final as (

    select
        payment_type, -- credit_card, boleto, voucher, debit_card, not_defined
        payment_installments, -- 0..24
        payments,
        orders, -- distinct orders with such a payment
        cast(payment_value as decimal(18, 2)) as payment_value, -- BRL
        average_brl(payment_value, payments) as average_payment_value, -- BRL
        share_of(payment_value, sum(payment_value) over ()) as value_share, -- 0..1
        share_of(payments, sum(payments) over ()) as payment_share -- 0..1

    from grouped

)

select * from final
