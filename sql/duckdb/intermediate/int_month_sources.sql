-- grain: one row per month of purchase of the orders file's orders, with two fingerprints of the source rows of
-- the orders bought that month, for telling why a closed month's key figures moved (rule kind published_drift):
--   history_fingerprint:   what a marketplace does not rewrite once an order is placed: the order's id, customer
--                          id and purchase time, the person behind its customer id, its items and its payments;
--   lifecycle_fingerprint: what moves on after the purchase: the order's status and its approval, carrier,
--                          delivery and estimated delivery times.
-- A month whose history is unchanged and whose lifecycle changed moved because its orders moved on (a shipped
-- order delivered, an open one canceled); any other move rewrote history, or the models changed.
-- Each fingerprint is a sum of the 64-bit MD5 of each row's text (its fields as one row value, nulls written out),
-- so it does not depend on the order of the rows; lines of the source files (_source_line) are left out. The
-- rows' hashes are summed per order first (intermediate.int_order_fingerprints), then here per month.
with

order_fingerprints as (

    select * from intermediate.int_order_fingerprints

),

final as (

    select
        month, -- first day of the month of purchase
        cast(sum(history_fingerprint) as hugeint) as history_fingerprint, -- orders' ids, customers, items, payments
        cast(sum(lifecycle_fingerprint) as hugeint) as lifecycle_fingerprint -- orders' status and lifecycle times

    from order_fingerprints
    group by month

)

select * from final
