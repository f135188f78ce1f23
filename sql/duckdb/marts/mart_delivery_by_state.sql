-- grain: one row per state the delivered orders were shipped to (fact_deliveries.delivery_state: the
-- address given with the order; unknown when it is missing), over every month. Delivered: status
-- delivered with a delivered-customer date; late: delivered on a later calendar day than estimated (the
-- macro is_late, generated from the domain's LatenessRule). Days are whole calendar days; the p90
-- interpolates linearly between the ordered values (quantile_cont). Averages and the p90 are rounded to
-- two places from ten, so that a value on a half rounds as in exact arithmetic. mart_delivery_metrics has
-- the same measures by state and month.
with

deliveries as (

    select * from core.fact_deliveries

),

final as (

    select
        delivery_region as region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul; unknown
        delivery_state as state, -- two-letter code; unknown when the address is missing
        count(*) as delivered_orders,
        count(*) filter (where is_late) as late_orders, -- delivered on a later day than promised
        cast(round(cast(avg(days_to_deliver) as decimal(38, 10)), 2) as decimal(8, 2)) as average_delivery_days, -- purchase -> customer
        cast(round(cast(quantile_cont(days_to_deliver, 0.9) as decimal(38, 10)), 2) as decimal(8, 2)) as p90_delivery_days,
        cast(round(cast(avg(days_versus_estimate) as decimal(38, 10)), 2) as decimal(8, 2)) as average_days_versus_estimate -- negative: early

    from deliveries
    group by delivery_region, delivery_state

)

select * from final
