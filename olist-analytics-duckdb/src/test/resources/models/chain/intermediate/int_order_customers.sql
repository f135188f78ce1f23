-- scope: order_id
-- the import CTEs are named like raw tables on purpose: CTE names are not dependencies
with orders as (
    select * from staging.stg_orders
),

customers as (
    select * from staging.stg_customers
),

joined as (
    select
        orders.order_id,
        orders.order_status,
        customers.customer_city
    from orders
    join customers using (customer_id)
)

select * from joined
