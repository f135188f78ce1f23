-- grain: one row per month of purchase of the orders file's orders, with two fingerprints of the source rows of
-- the orders bought that month, for telling why a closed month's key figures moved (rule kind published_drift):
--   history_fingerprint:   what a marketplace does not rewrite once an order is placed: the order's id, customer
--                          id and purchase time, the person behind its customer id, its items and its payments;
--   lifecycle_fingerprint: what moves on after the purchase: the order's status and its approval, carrier,
--                          delivery and estimated delivery times.
-- A month whose history is unchanged and whose lifecycle changed moved because its orders moved on (a shipped
-- order delivered, an open one canceled); any other move rewrote history, or the models changed.
-- Each fingerprint is a sum of the 64-bit MD5 of each row's text (its fields as one row value, nulls written out),
-- so it does not depend on the order of the rows; lines of the source files (_source_line) are left out.
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

order_months as (

    select distinct
        order_id,
        cast(date_trunc('month', order_purchase_timestamp) as date) as month

    from orders

),

history_rows as (

    select
        cast(date_trunc('month', orders.order_purchase_timestamp) as date) as month,
        md5_number_lower(cast(row('order', orders.order_id, orders.customer_id,
            orders.order_purchase_timestamp, customers.customer_unique_id) as varchar)) as row_hash

    from orders
    left join customers
        on customers.customer_id = orders.customer_id

    union all

    select
        order_months.month,
        md5_number_lower(cast(row('item', items.order_id, items.order_item_id, items.product_id, items.seller_id,
            items.shipping_limit_date, items.price, items.freight_value) as varchar)) as row_hash

    from items
    inner join order_months
        on order_months.order_id = items.order_id

    union all

    select
        order_months.month,
        md5_number_lower(cast(row('payment', payments.order_id, payments.payment_sequential, payments.payment_type,
            payments.payment_installments, payments.payment_value) as varchar)) as row_hash

    from payments
    inner join order_months
        on order_months.order_id = payments.order_id

),

history as (

    select
        month,
        sum(row_hash) as history_fingerprint

    from history_rows
    group by month

),

lifecycle as (

    select
        cast(date_trunc('month', order_purchase_timestamp) as date) as month,
        sum(md5_number_lower(cast(row(order_id, order_status, order_approved_at, order_delivered_carrier_date,
            order_delivered_customer_date, order_estimated_delivery_date) as varchar))) as lifecycle_fingerprint

    from orders
    group by 1

),

final as (

    select
        history.month, -- first day of the month of purchase
        cast(history.history_fingerprint as hugeint) as history_fingerprint, -- orders' ids, customers, items, payments
        cast(lifecycle.lifecycle_fingerprint as hugeint) as lifecycle_fingerprint -- orders' status and lifecycle times

    from history
    inner join lifecycle
        on lifecycle.month = history.month

)

select * from final
