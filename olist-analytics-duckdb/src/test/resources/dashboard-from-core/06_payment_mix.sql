-- Dashboard tile: "Payment mix" (mart.mart_payment_mix): how counted orders are paid, by payment type and
-- number of installments, with each pair's share of the value and of the number of payments.
-- Grain: one row per payment type and number of installments, over the payments of orders that count as
-- revenue.
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
    where counts_as_revenue = true
    group by payment_type, payment_installments

),

final as (

    select
        payment_type, -- credit_card, boleto, voucher, debit_card, not_defined
        payment_installments, -- 0..24
        payments,
        orders, -- distinct orders with such a payment
        cast(payment_value as decimal(18, 2)) as payment_value, -- BRL
        round(cast(payment_value / payments as decimal(38, 10)), 2) as average_payment_value, -- BRL
        round(cast(payment_value / nullif(sum(payment_value) over (), 0) as decimal(38, 10)), 4) as value_share, -- 0..1
        round(cast(cast(payments as decimal(18, 4)) / sum(payments) over () as decimal(38, 10)), 4) as payment_share -- 0..1

    from grouped

)

select * from final
order by payment_type, payment_installments
