-- grain: one row per order_id in the orders file (duplicates resolved in int_orders), with its items,
-- payments, review and delivery timings summarised.
--
-- Revenue rule (the one every fact and mart uses): an order counts as revenue when its status is
-- neither canceled nor unavailable and it has at least one item. The macro counts_as_revenue applies
-- it; it is generated from the domain's RevenueRule when a build starts, not written in SQL.
-- Delivery rule: an order is delivered when its status is delivered and it has a delivered-customer
-- date; it is late when it reached the customer on a later calendar day than the estimated date (the
-- macro is_late, generated from the domain's LatenessRule).
-- Durations are whole calendar days between the dates of the two timestamps (calendar_days; null when
-- either is missing); they can be negative where the source has timestamps out of order.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

orders as (

    select * from intermediate.int_orders

),

order_items as not materialized (

    -- read twice below; scanning the table again is cheaper than keeping a copy of it
    select * from intermediate.int_order_items

),

order_payments as (

    select * from intermediate.int_order_payments

),

order_reviews as (

    select * from intermediate.int_order_reviews

),

items_per_order as (

    -- an order's distinct sellers and products: with one item, those its item names (0 or 1: the count of
    -- its non-null ids); with more, counted in distinct_per_order over the items of those orders only (about
    -- a tenth of them), as count(distinct) per group costs far more than count
    select
        order_id,
        count(*) as item_count,
        count(seller_id) as seller_ids,
        count(product_id) as product_ids,
        sum(price) as items_price,
        sum(freight_value) as items_freight

    from order_items
    group by order_id

),

distinct_per_order as (

    select
        order_items.order_id,
        count(distinct order_items.seller_id) as seller_count,
        count(distinct order_items.product_id) as product_count

    from order_items
    semi join items_per_order
        on order_items.order_id = items_per_order.order_id
        and items_per_order.item_count > 1
    group by order_items.order_id

),

payments_per_order as (

    select
        order_id,
        count(*) as payment_count,
        sum(payment_value) as payment_value

    from order_payments
    group by order_id

),

reviews_per_order as (

    select
        order_id,
        count(*) as review_count,
        max(review_score) filter (where is_latest_for_order) as review_score

    from order_reviews
    group by order_id

),

joined as (

    select
        orders.order_id,
        orders.customer_id,
        orders.customer_unique_id, -- null when the customer_id is not in the customers file
        orders.delivery_zip_code_prefix, -- the address given with the order
        orders.delivery_state,
        orders.order_status,
        orders.order_purchase_timestamp,
        orders.order_approved_at,
        orders.order_delivered_carrier_date,
        orders.order_delivered_customer_date,
        orders.order_estimated_delivery_date,
        coalesce(items_per_order.item_count, 0) as item_count,
        coalesce(distinct_per_order.seller_count, items_per_order.seller_ids, 0) as seller_count,
        coalesce(distinct_per_order.product_count, items_per_order.product_ids, 0) as product_count,
        cast(coalesce(items_per_order.items_price, 0) as decimal(18, 2)) as items_price, -- BRL, sum of item prices
        cast(coalesce(items_per_order.items_freight, 0) as decimal(18, 2)) as items_freight, -- BRL, sum of item freight
        coalesce(payments_per_order.payment_count, 0) as payment_count,
        cast(coalesce(payments_per_order.payment_value, 0) as decimal(18, 2)) as payment_value, -- BRL, sum of payments
        coalesce(reviews_per_order.review_count, 0) as review_count,
        reviews_per_order.review_score -- score of the latest review; null without a review

    from orders
    left join items_per_order
        on orders.order_id = items_per_order.order_id
    left join distinct_per_order
        on orders.order_id = distinct_per_order.order_id
    left join payments_per_order
        on orders.order_id = payments_per_order.order_id
    left join reviews_per_order
        on orders.order_id = reviews_per_order.order_id

),

final as (

    select
        *,
        cast(items_price + items_freight as decimal(18, 2)) as items_total, -- BRL, prices + freight
        cast(payment_value - (items_price + items_freight) as decimal(18, 2)) as payment_difference, -- BRL, payments - (prices + freight)
        counts_as_revenue(order_status, item_count) as counts_as_revenue,
        order_status = 'delivered' and order_delivered_customer_date is not null as is_delivered,
        calendar_days(order_purchase_timestamp, order_approved_at) as days_to_approve,
        calendar_days(order_purchase_timestamp, order_delivered_carrier_date) as days_to_carrier,
        calendar_days(order_purchase_timestamp, order_delivered_customer_date) as days_to_deliver,
        calendar_days(order_estimated_delivery_date, order_delivered_customer_date) as days_versus_estimate, -- positive: late
        is_late(order_delivered_customer_date, order_estimated_delivery_date) as is_late -- null when either date is missing

    from joined

)

select * from final
