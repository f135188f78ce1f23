-- grain: one row per customer state (geo_level = 'state') and one per region (geo_level = 'region'),
-- each order located by the address given with it (fact_orders.delivery_state); only orders counted
-- as revenue (rule in intermediate.int_order_enriched). Customers are distinct people
-- (customer_unique_id); a person who moved counts in each place they bought from, once per place.
-- freight_share = freight / revenue.
with

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

located as (

    select
        orders.delivery_state as customer_state,
        orders.delivery_region as customer_region,
        customers.customer_unique_id,
        orders.items_price,
        orders.items_freight,
        orders.items_total

    from orders
    inner join customers
        on orders.customer_key = customers.customer_key
    where orders.counts_as_revenue

),

grouped as (

    select
        case when grouping(customer_state) = 0 then 'state' else 'region' end as geo_level,
        customer_region,
        customer_state,
        count(distinct customer_unique_id) filter (where customer_unique_id <> 'unknown') as customers,
        count(*) as orders,
        sum(items_price) as gross_merchandise_value,
        sum(items_freight) as freight_value,
        sum(items_total) as revenue

    from located
    group by grouping sets ((customer_region, customer_state), (customer_region))

),

final as (

    select
        geo_level, -- state or region
        customer_region as region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul; unknown
        customer_state as state, -- two-letter code; null on region rows
        customers, -- distinct people with a counted order
        orders, -- orders counted as revenue
        cast(gross_merchandise_value as decimal(18, 2)) as gross_merchandise_value, -- BRL, sum of item prices
        cast(freight_value as decimal(18, 2)) as freight_value, -- BRL, sum of item freight
        cast(revenue as decimal(18, 2)) as revenue, -- BRL, prices + freight
        average_brl(revenue, orders) as average_order_value, -- BRL, revenue / orders
        share_of(freight_value, revenue) as freight_share -- 0..1, freight / revenue

    from grouped

)

select * from final
