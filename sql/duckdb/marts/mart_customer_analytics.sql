-- grain: one row per person (customer_unique_id) with at least one order counted as revenue (rule in
-- intermediate.int_order_enriched), described by their current version in dim_customer.
-- RFM: the scores and segment are the domain's (RfmSegmentation), computed by the run from
-- int_customer_metrics and written into domain.customer_segments before the marts are built: recency is
-- the days from the person's last counted purchase date to the reference date, the day after the last
-- counted purchase date in the whole warehouse; frequency is their counted orders; monetary is their
-- revenue (prices + freight). Each is scored 1..5 by quintile of rank over all the people here, 5 best,
-- equal values getting equal scores; the segment is the first of champions, loyal, new, at_risk,
-- hibernating, potential whose rule holds (see RfmSegment).
with

segments as (

    select * from domain.customer_segments

),

customer_metrics as (

    select * from intermediate.int_customer_metrics

),

customers as (

    select * from core.dim_customer

),

final as (

    select
        segments.customer_unique_id, -- the person
        current_versions.customer_key, -- their current version in dim_customer
        current_versions.customer_city,
        current_versions.customer_state,
        current_versions.customer_region,
        current_versions.customer_segment, -- lifecycle segment of dim_customer
        customer_metrics.first_order_date, -- first counted purchase
        customer_metrics.last_order_date, -- last counted purchase
        customer_metrics.orders, -- frequency: counted orders
        customer_metrics.revenue, -- monetary: BRL, prices + freight of counted orders
        customer_metrics.average_order_value, -- BRL, revenue / orders
        segments.reference_date, -- the day after the last counted purchase in the warehouse
        segments.recency_days, -- days from last_order_date to reference_date
        segments.recency_score, -- 1..5, 5 = most recent
        segments.frequency_score, -- 1..5, 5 = most orders
        segments.monetary_score, -- 1..5, 5 = most revenue
        segments.rfm_score, -- e.g. 545
        segments.rfm_segment -- champions, loyal, new, at_risk, hibernating, potential

    from segments
    inner join customer_metrics
        on segments.customer_unique_id = customer_metrics.customer_unique_id
    left join customers as current_versions
        on segments.customer_unique_id = current_versions.customer_unique_id
        and current_versions.is_current

)

select * from final
