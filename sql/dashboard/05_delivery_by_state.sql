-- Dashboard tile: "Delivery performance by state" (mart.mart_delivery_by_state): how many delivered orders
-- arrived late, how long delivery took and how far from the promise.
-- Grain: one row per state the delivered orders were shipped to (fact_deliveries.delivery_state, unknown
-- when missing), most late first (equal late rates by state). Days are whole calendar days; p90
-- interpolates between the ordered values. The late rate is divided here from the mart's counts, rounded
-- from ten decimal places, so that DuckDB and PostgreSQL give the same figures.
with

delivery_by_state as (

    select * from mart.mart_delivery_by_state

),

final as (

    select
        region, -- IBGE region
        state, -- two-letter code
        delivered_orders,
        late_orders, -- delivered on a later day than promised
        round(cast(cast(late_orders as decimal(18, 4)) / delivered_orders as decimal(38, 10)), 4) as late_rate, -- 0..1
        average_delivery_days, -- purchase -> customer
        p90_delivery_days,
        average_days_versus_estimate -- negative: early

    from delivery_by_state

)

select * from final
order by late_rate desc, state
