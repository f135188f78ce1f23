-- Test query: the orders of staging.t_sql_orders without an item in staging.t_sql_items, with their status.
with

orders as (

    select * from staging.t_sql_orders

),

items as (

    select * from staging.t_sql_items

)

select
    orders.order_id,
    orders.status,
    orders.placed_on

from orders
anti join items
    on orders.order_id = items.order_id;
