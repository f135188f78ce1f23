-- Staging of raw.order_payments: typed and cleaned, one row per raw row.
with

source as (

    select * from raw.order_payments

),

renamed as (

    select
        trim(order_id) as order_id,
        cast(payment_sequential as integer) as payment_sequential, -- 1..n, order of the payments of one order
        lower(trim(payment_type)) as payment_type, -- credit_card, boleto, voucher, debit_card, not_defined
        cast(payment_installments as integer) as payment_installments, -- 0..24
        cast(payment_value as decimal(12, 2)) as payment_value, -- BRL, may be 0
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
