-- grain: one row per delivered order: status delivered and a delivered-customer date (a delivered
-- order without that date has no timings and is only in fact_orders).
-- Durations are whole calendar days; late means delivered on a later day than the estimate.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

orders as (

    select * from core.fact_orders

),

final as (

    select
        order_id,
        customer_key, -- version of the person valid at purchase
        delivery_geography_key, -- zip prefix the order was shipped to
        delivery_state, -- state the order was shipped to
        delivery_region,
        purchase_date_key,
        approved_date_key,
        delivered_carrier_date_key,
        delivered_customer_date_key,
        estimated_delivery_date_key,
        seller_count, -- sellers shipping the order
        item_count,
        items_freight, -- BRL
        days_to_approve, -- purchase -> approval; null when not approved
        days_to_carrier, -- purchase -> carrier; null without a carrier date
        calendar_days(order_delivered_carrier_date, order_delivered_customer_date) as days_in_transit, -- carrier -> customer
        days_to_deliver, -- purchase -> customer
        calendar_days(order_purchase_timestamp, order_estimated_delivery_date) as days_estimated, -- purchase -> estimate
        days_versus_estimate, -- estimate -> customer; positive: late
        is_late,
        not is_late as is_on_time

    from orders
    where is_delivered

)

select * from final
