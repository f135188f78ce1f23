-- grain: one row per person (customer_unique_id) with at least one order in the orders file.
-- Measures count only orders that count as revenue (rule in int_order_enriched); orders_placed counts
-- every order whatever its status. A person whose orders all failed has zero orders and null dates.
with

orders as (

    select * from intermediate.int_order_enriched

),

per_person as (

    select
        customer_unique_id,
        count(*) as orders_placed,
        count(*) filter (where counts_as_revenue) as orders,
        min(order_purchase_timestamp) filter (where counts_as_revenue) as first_order_at,
        max(order_purchase_timestamp) filter (where counts_as_revenue) as last_order_at,
        sum(items_price) filter (where counts_as_revenue) as items_price,
        sum(items_total) filter (where counts_as_revenue) as revenue

    from orders
    where customer_unique_id is not null
    group by customer_unique_id

),

final as (

    select
        customer_unique_id,
        orders_placed, -- every order, any status
        orders, -- orders that count as revenue
        first_order_at, -- purchase time of the first counted order
        last_order_at, -- purchase time of the last counted order
        cast(first_order_at as date) as first_order_date,
        cast(last_order_at as date) as last_order_date,
        cast(coalesce(items_price, 0) as decimal(18, 2)) as gross_merchandise_value, -- BRL, item prices of counted orders
        cast(coalesce(revenue, 0) as decimal(18, 2)) as revenue, -- BRL, prices + freight of counted orders
        average_brl(revenue, orders) as average_order_value -- BRL, revenue / orders

    from per_person

)

select * from final
