-- grain: one row per payment (order_id, payment_sequential).
-- A pair repeated in a re-saved file keeps its first line, so that no payment is counted twice (the duplicate
-- rule: of the lines of one source key, the first line of the file wins; README, Gates before publishing).
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

order_payments as (

    select * from staging.stg_order_payments

),

deduplicated as (

    select
        order_id,
        payment_sequential, -- 1..n within the order
        payment_type,
        payment_installments,
        payment_value, -- BRL
        _source_line -- line of the kept row in the source file (lineage)

    from order_payments
    qualify row_number() over (partition by order_id, payment_sequential order by _source_line) = 1

)

select * from deduplicated
