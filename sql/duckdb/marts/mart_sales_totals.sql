-- grain: one row: every order counted as revenue (the macro counts_as_revenue, generated from the domain's
-- RevenueRule), whenever and wherever it was placed. Customers are distinct people (customer_unique_id),
-- unknown ones not counted. The country total of the sales map: mart_geographic_analysis has the states
-- and the regions, and distinct people do not add up over them, so the whole is counted here. Money is
-- null when no order counts.
with

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

counted_orders as (

    select
        customers.customer_unique_id,
        orders.items_price,
        orders.items_freight,
        orders.items_total

    from orders
    inner join customers
        on orders.customer_key = customers.customer_key
    where orders.counts_as_revenue

),

final as (

    select
        count(*) as orders, -- orders counted as revenue
        count(distinct customer_unique_id) filter (where customer_unique_id <> 'unknown') as customers, -- distinct people with a counted order
        cast(sum(items_price) as decimal(18, 2)) as gross_merchandise_value, -- BRL, sum of item prices
        cast(sum(items_freight) as decimal(18, 2)) as freight_value, -- BRL, sum of item freight
        cast(sum(items_total) as decimal(18, 2)) as revenue -- BRL, prices + freight

    from counted_orders

)

select * from final
