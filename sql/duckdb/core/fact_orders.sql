-- grain: one row per order (order_id) in the orders file (a repeated order_id keeps its first line).
-- customer_key is the version of the person valid at the purchase time (-1 when the customer_id is not
-- in the customers file). The delivery address is the one given with the order itself (its customer_id
-- row), which is where it was shipped even when the person's current address differs; marts that
-- locate orders use it. Date keys are yyyymmdd, -1 when the date is missing.
-- Revenue, delivery and duration rules: see intermediate.int_order_enriched.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

orders as (

    select * from intermediate.int_order_enriched

),

customers as (

    select * from core.dim_customer

),

geography as (

    select * from core.dim_geography

),

states as (

    select * from intermediate.int_brazilian_states

),

joined as (

    select
        orders.order_id,
        coalesce(customers.customer_key, -1) as customer_key,
        coalesce(geography.geography_key, -1) as delivery_geography_key, -- zip prefix of the order's address; -1 when not in the geolocation file
        date_key_of(orders.order_purchase_timestamp) as purchase_date_key,
        date_key_of(orders.order_approved_at) as approved_date_key,
        date_key_of(orders.order_delivered_carrier_date) as delivered_carrier_date_key,
        date_key_of(orders.order_delivered_customer_date) as delivered_customer_date_key,
        date_key_of(orders.order_estimated_delivery_date) as estimated_delivery_date_key,
        orders.customer_id, -- the order's customer_id (one per order in the source)
        coalesce(orders.delivery_state, 'unknown') as delivery_state, -- two-letter state of the order's address
        coalesce(states.region, 'unknown') as delivery_region, -- its region
        orders.order_status,
        orders.counts_as_revenue, -- status neither canceled nor unavailable, and at least one item
        orders.is_delivered, -- status delivered with a delivered-customer date
        orders.is_late, -- delivered on a later day than estimated; null when either date is missing
        orders.order_purchase_timestamp,
        orders.order_approved_at,
        orders.order_delivered_carrier_date,
        orders.order_delivered_customer_date,
        orders.order_estimated_delivery_date,
        orders.item_count,
        orders.seller_count, -- distinct sellers of the items
        orders.product_count, -- distinct products of the items
        orders.items_price, -- BRL, sum of item prices
        orders.items_freight, -- BRL, sum of item freight
        orders.items_total, -- BRL, prices + freight
        orders.payment_count,
        orders.payment_value, -- BRL, sum of payments
        orders.payment_difference, -- BRL, payments - (prices + freight)
        orders.review_count,
        orders.review_score, -- score of the latest review; null without a review
        orders.days_to_approve, -- calendar days purchase -> approval
        orders.days_to_carrier, -- calendar days purchase -> carrier
        orders.days_to_deliver, -- calendar days purchase -> customer
        orders.days_versus_estimate -- calendar days estimate -> customer; positive: late

    from orders
    left join customers
        on orders.customer_unique_id = customers.customer_unique_id
        and orders.order_purchase_timestamp >= customers.valid_from
        and orders.order_purchase_timestamp < coalesce(customers.valid_to, timestamp 'infinity')
    left join geography
        on orders.delivery_zip_code_prefix = geography.zip_code_prefix
    left join states
        on orders.delivery_state = states.state_code

)

select * from joined
