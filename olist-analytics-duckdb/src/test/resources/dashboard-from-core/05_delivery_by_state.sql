-- Dashboard tile: "Delivery performance by state" (the measures of mart.mart_delivery_metrics over all
-- months): how many delivered orders arrived late, how long delivery took and how far from the promise.
-- Grain: one row per state the delivered orders were shipped to (fact_deliveries.delivery_state, unknown
-- when missing), most late first (equal late rates by state). Days are whole calendar days; p90
-- interpolates between the ordered values.
with

deliveries as (

    select * from core.fact_deliveries

),

per_state as (

    select
        delivery_region,
        delivery_state,
        count(*) as delivered_orders,
        count(*) filter (where is_late = true) as late_orders,
        avg(days_to_deliver) as average_delivery_days,
        percentile_cont(0.9) within group (order by days_to_deliver) as p90_delivery_days,
        avg(days_versus_estimate) as average_days_versus_estimate

    from deliveries
    group by delivery_region, delivery_state

),

final as (

    select
        delivery_region as region, -- IBGE region
        delivery_state as state, -- two-letter code
        delivered_orders,
        late_orders, -- delivered on a later day than promised
        round(cast(cast(late_orders as decimal(18, 4)) / delivered_orders as decimal(38, 10)), 4) as late_rate, -- 0..1
        round(cast(average_delivery_days as decimal(38, 10)), 2) as average_delivery_days, -- purchase -> customer
        round(cast(p90_delivery_days as decimal(38, 10)), 2) as p90_delivery_days,
        round(cast(average_days_versus_estimate as decimal(38, 10)), 2) as average_days_versus_estimate -- negative: early

    from per_state

)

select * from final
order by late_rate desc, state
