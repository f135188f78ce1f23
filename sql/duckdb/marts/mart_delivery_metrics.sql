-- grain: one row per customer state (where the order was shipped: the address given with the order)
-- and calendar month of purchase, for every pair with at least one delivered order (fact_deliveries: status delivered
-- with a delivered-customer date; late when delivered on a later day than estimated).
-- Days are whole calendar days from purchase to delivery; p90 interpolates linearly between the
-- ordered values (quantile_cont).
with

deliveries as (

    select * from core.fact_deliveries

),

dates as (

    select * from core.dim_date

),

located as (

    select
        deliveries.delivery_state as customer_state,
        deliveries.delivery_region as customer_region,
        dates.month_start_date as purchase_month,
        deliveries.days_to_deliver,
        deliveries.days_versus_estimate,
        deliveries.is_late

    from deliveries
    inner join dates
        on deliveries.purchase_date_key = dates.date_key

),

final as (

    select
        customer_state, -- two-letter code; unknown when the customer is missing
        customer_region,
        purchase_month, -- first day of the month
        count(*) as delivered_orders,
        count(*) filter (where not is_late) as on_time_orders,
        count(*) filter (where is_late) as late_orders,
        share_of(count(*) filter (where not is_late), count(*)) as on_time_rate, -- 0..1
        cast(round(avg(days_to_deliver), 2) as decimal(8, 2)) as average_delivery_days, -- purchase -> customer
        cast(round(quantile_cont(days_to_deliver, 0.9), 2) as decimal(8, 2)) as p90_delivery_days,
        cast(round(avg(days_versus_estimate), 2) as decimal(8, 2)) as average_days_versus_estimate -- negative: early

    from located
    group by customer_state, customer_region, purchase_month

)

select * from final
