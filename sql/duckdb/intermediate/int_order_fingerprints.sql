-- grain: one row per order_id and month of purchase of the orders file's rows with a purchase time (an order_id
-- repeated in a re-saved file with purchase times in two months has a row for each), with the two fingerprints of
-- that order's source rows that intermediate.int_month_sources adds up per month:
--   history_fingerprint:   the order's rows (id, customer id, purchase time, the person behind the customer id),
--                          its items and its payments;
--   lifecycle_fingerprint: the order's rows' status and approval, carrier, delivery and estimated delivery times.
-- Each is a sum of the 64-bit MD5 of each row's text (its fields as one row value, nulls written out; lines of the
-- source files, _source_line, left out). Items and payments count in every month their order_id was bought in.
-- Kept per order so that a run over changed files recomputes the fingerprints of the orders in scope only, and the
-- months' sums are a small aggregate of this table.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

orders as (

    select * from staging.stg_orders
    where order_purchase_timestamp is not null

),

customers as (

    select * from staging.stg_customers

),

items as (

    select * from staging.stg_order_items

),

payments as (

    select * from staging.stg_order_payments

),

order_rows as (

    select
        orders.order_id,
        cast(date_trunc('month', orders.order_purchase_timestamp) as date) as month,
        md5_number_lower(cast(row('order', orders.order_id, orders.customer_id,
            orders.order_purchase_timestamp, customers.customer_unique_id) as varchar)) as history_hash,
        md5_number_lower(cast(row(orders.order_id, orders.order_status, orders.order_approved_at,
            orders.order_delivered_carrier_date, orders.order_delivered_customer_date,
            orders.order_estimated_delivery_date) as varchar)) as lifecycle_hash

    from orders
    left join customers
        on customers.customer_id = orders.customer_id

),

order_sums as (

    select
        order_id,
        month,
        sum(history_hash) as history_hash,
        sum(lifecycle_hash) as lifecycle_hash

    from order_rows
    group by order_id, month

),

line_hashes as (

    -- the items and payments of every order_id, whatever its month: they count in each month the order was bought in
    select
        order_id,
        md5_number_lower(cast(row('item', order_id, order_item_id, product_id, seller_id, shipping_limit_date,
            price, freight_value) as varchar)) as row_hash

    from items
    where order_id is not null

    union all

    select
        order_id,
        md5_number_lower(cast(row('payment', order_id, payment_sequential, payment_type, payment_installments,
            payment_value) as varchar)) as row_hash

    from payments
    where order_id is not null

),

line_sums as (

    select
        order_id,
        sum(row_hash) as history_hash

    from line_hashes
    group by order_id

),

final as (

    select
        order_sums.order_id,
        order_sums.month, -- first day of the month of purchase
        cast(order_sums.history_hash + coalesce(line_sums.history_hash, 0) as hugeint)
            as history_fingerprint, -- the order's rows, items, payments
        cast(order_sums.lifecycle_hash as hugeint) as lifecycle_fingerprint -- its status and lifecycle times

    from order_sums
    left join line_sums
        on line_sums.order_id = order_sums.order_id

)

select * from final
