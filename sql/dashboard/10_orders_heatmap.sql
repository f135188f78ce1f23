-- Dashboard tile: "When people buy" (mart.mart_orders_heatmap): a weekday by hour heat map of orders
-- placed and of revenue.
-- Grain: one row per ISO day of the week of purchase (1 = Monday) and hour of the purchase time (0..23)
-- with at least one order; orders of every status are placed, revenue counts only orders that count as
-- revenue.
with

orders_heatmap as (

    select * from mart.mart_orders_heatmap

),

final as (

    select
        day_of_week, -- ISO: 1 = Monday .. 7 = Sunday
        day_name,
        hour_of_day, -- 0..23
        orders_placed, -- orders of any status
        orders, -- orders counted as revenue
        revenue -- BRL

    from orders_heatmap

)

select * from final
order by day_of_week, hour_of_day
