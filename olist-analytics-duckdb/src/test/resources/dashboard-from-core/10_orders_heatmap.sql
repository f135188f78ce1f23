-- Dashboard tile: "When people buy": a weekday by hour heat map of orders placed and of revenue.
-- Grain: one row per ISO day of the week of purchase (1 = Monday) and hour of the purchase time (0..23)
-- with at least one order; orders of every status are placed, revenue counts only orders that count as
-- revenue.
with

orders as (

    select * from core.fact_orders

),

dates as (

    select * from core.dim_date

),

placed as (

    select
        dates.day_of_week,
        dates.day_name,
        cast(extract(hour from orders.order_purchase_timestamp) as integer) as hour_of_day,
        orders.counts_as_revenue,
        orders.items_total

    from orders
    inner join dates
        on orders.purchase_date_key = dates.date_key
    where orders.purchase_date_key <> -1

),

final as (

    select
        day_of_week, -- ISO: 1 = Monday .. 7 = Sunday
        day_name,
        hour_of_day, -- 0..23
        count(*) as orders_placed, -- orders of any status
        count(*) filter (where counts_as_revenue = true) as orders, -- orders counted as revenue
        cast(coalesce(sum(items_total) filter (where counts_as_revenue = true), 0) as decimal(18, 2)) as revenue -- BRL

    from placed
    group by day_of_week, day_name, hour_of_day

)

select * from final
order by day_of_week, hour_of_day
