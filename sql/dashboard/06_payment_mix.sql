-- Dashboard tile: "Payment mix" (mart.mart_payment_mix): how counted orders are paid, by payment type and
-- number of installments, with each pair's share of the value and of the number of payments.
-- Grain: one row per payment type and number of installments, over the payments of orders that count as
-- revenue. The average and the shares are divided here from the mart's exact sums, rounded from ten
-- decimal places, so that DuckDB and PostgreSQL give the same figures.
with

payment_mix as (

    select * from mart.mart_payment_mix

),

final as (

    select
        payment_type, -- credit_card, boleto, voucher, debit_card, not_defined
        payment_installments, -- 0..24
        payments,
        orders, -- distinct orders with such a payment
        payment_value, -- BRL
        round(cast(payment_value / payments as decimal(38, 10)), 2) as average_payment_value, -- BRL
        round(cast(payment_value / nullif(sum(payment_value) over (), 0) as decimal(38, 10)), 4) as value_share, -- 0..1
        round(cast(cast(payments as decimal(18, 4)) / sum(payments) over () as decimal(38, 10)), 4) as payment_share -- 0..1

    from payment_mix

)

select * from final
order by payment_type, payment_installments
