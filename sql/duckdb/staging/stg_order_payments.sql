-- Staging of raw.order_payments: typed and cleaned, one row per raw row.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

source as (

    select * from raw.order_payments

),

renamed as (

    select
        source_id(order_id) as order_id,
        source_integer(payment_sequential) as payment_sequential, -- 1..n, order of the payments of one order
        lower(trim(payment_type)) as payment_type, -- credit_card, boleto, voucher, debit_card, not_defined
        source_integer(payment_installments) as payment_installments, -- 0..24
        source_amount(payment_value) as payment_value, -- BRL, may be 0
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
