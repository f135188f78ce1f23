-- grain: one row per ISO day of the week of purchase (1 = Monday) and hour of the purchase time (0..23)
-- with at least one order. Orders of every status are placed; orders and revenue count only the orders
-- counted as revenue (the macro counts_as_revenue, generated from the domain's RevenueRule). Orders
-- without a purchase date are left out.
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
        day_name, -- Monday..Sunday
        hour_of_day, -- 0..23
        count(*) as orders_placed, -- orders of any status
        count(*) filter (where counts_as_revenue) as orders, -- orders counted as revenue
        cast(coalesce(sum(items_total) filter (where counts_as_revenue), 0) as decimal(18, 2)) as revenue -- BRL, prices + freight of those orders

    from placed
    group by day_of_week, day_name, hour_of_day

)

select * from final
