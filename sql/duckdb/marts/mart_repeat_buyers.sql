-- grain: one row per region of the person's current address (their current dim_customer version;
-- geo_level region) and one row for the whole country (geo_level country, region null), over the people
-- (customer_unique_id, unknown left out) with at least one order counted as revenue (the macro
-- counts_as_revenue, generated from the domain's RevenueRule). A repeat buyer has more than one counted
-- order; a person's orders and revenue count in the region of their current address, wherever they bought.
with

orders as (

    select * from core.fact_orders

),

customers as (

    select * from core.dim_customer

),

per_person as (

    select
        customers.customer_unique_id,
        count(*) as orders,
        sum(orders.items_total) as revenue

    from orders
    inner join customers
        on orders.customer_key = customers.customer_key
    where orders.counts_as_revenue
        and customers.customer_unique_id <> 'unknown'
    group by customers.customer_unique_id

),

current_customers as (

    select * from customers where is_current

),

located as (

    select
        current_customers.customer_region,
        per_person.orders,
        per_person.revenue,
        case when per_person.orders > 1 then 1 else 0 end as is_repeat

    from per_person
    inner join current_customers
        on per_person.customer_unique_id = current_customers.customer_unique_id

),

final as (

    select
        case when grouping(customer_region) = 0 then 'region' else 'country' end as geo_level, -- region or country
        customer_region as region, -- Norte, Nordeste, Centro-Oeste, Sudeste, Sul, unknown; null on the country row
        count(*) as customers, -- people with a counted order
        cast(sum(is_repeat) as bigint) as repeat_customers, -- of those, people with more than one
        cast(sum(orders) as bigint) as orders, -- their counted orders
        cast(sum(revenue) as decimal(18, 2)) as revenue, -- BRL, prices + freight of those orders
        cast(sum(case when is_repeat = 1 then revenue else 0 end) as decimal(18, 2)) as repeat_revenue -- BRL, of which repeat buyers'

    from located
    group by rollup (customer_region)

)

select * from final
