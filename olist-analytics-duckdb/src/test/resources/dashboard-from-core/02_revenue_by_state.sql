-- Dashboard tile: "Sales map": revenue by the state the orders were shipped to, with a subtotal per region
-- and the country total (the measures of mart.mart_geographic_analysis).
-- Grain: one row per region and state (geo_level state), one per region (geo_level region, state null)
-- and one total row (geo_level total, region and state null), over the orders that count as revenue,
-- each located by the address given with it (fact_orders.delivery_state).
with

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

counted_orders as (

    select
        orders.order_id,
        orders.delivery_region,
        orders.delivery_state,
        orders.items_price,
        orders.items_freight,
        orders.items_total,
        customers.customer_unique_id

    from orders
    inner join customers
        on orders.customer_key = customers.customer_key
    where orders.counts_as_revenue = true

),

final as (

    select
        case
            when grouping(delivery_region) = 1 then 'total'
            when grouping(delivery_state) = 1 then 'region'
            else 'state'
        end as geo_level,
        delivery_region as region, -- IBGE region; null on the total row
        delivery_state as state, -- two-letter code; null on region and total rows
        count(distinct customer_unique_id) filter (where customer_unique_id <> 'unknown') as customers,
        count(*) as orders,
        cast(sum(items_price) as decimal(18, 2)) as gross_merchandise_value, -- GMV, BRL
        cast(sum(items_freight) as decimal(18, 2)) as freight_value, -- BRL
        cast(sum(items_total) as decimal(18, 2)) as revenue, -- BRL, prices + freight
        round(cast(sum(items_total) / count(*) as decimal(38, 10)), 2) as average_order_value, -- AOV, BRL
        round(cast(sum(items_freight) / nullif(sum(items_total), 0) as decimal(38, 10)), 4) as freight_share -- 0..1

    from counted_orders
    group by rollup (delivery_region, delivery_state)

)

select * from final
order by region nulls last, state nulls last
