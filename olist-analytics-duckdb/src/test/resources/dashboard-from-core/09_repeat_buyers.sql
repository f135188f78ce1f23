-- Dashboard tile: "Repeat buyers": the share of people who came back for a second counted order, by the
-- region of their current address, and over the country.
-- Grain: one row per region of the person's current dim_customer version and one total row (region null),
-- over the people (customer_unique_id, unknown left out) with at least one order that counts as revenue.
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
    where orders.counts_as_revenue = true
        and customers.customer_unique_id <> 'unknown'
    group by customers.customer_unique_id

),

current_customers as (

    select * from customers where is_current = true

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
        customer_region as region, -- IBGE region of the current address; null on the total row
        count(*) as customers, -- people with a counted order
        cast(sum(is_repeat) as bigint) as repeat_customers, -- of those, people with more than one
        round(cast(cast(sum(is_repeat) as decimal(18, 4)) / count(*) as decimal(38, 10)), 4) as repeat_share, -- 0..1
        cast(sum(orders) as bigint) as orders, -- their counted orders
        round(cast(cast(sum(orders) as decimal(18, 4)) / count(*) as decimal(38, 10)), 2) as orders_per_customer,
        cast(sum(revenue) as decimal(18, 2)) as revenue, -- BRL, prices + freight
        round(cast(
            sum(case when is_repeat = 1 then revenue else 0 end) / nullif(sum(revenue), 0)
            as decimal(38, 10)), 4) as repeat_revenue_share -- revenue of repeat buyers, 0..1

    from located
    group by rollup (customer_region)

)

select * from final
order by region nulls last
