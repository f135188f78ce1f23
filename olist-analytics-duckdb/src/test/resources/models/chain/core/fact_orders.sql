-- scope: order_id (one row per order, from its own rows)
select
    order_id,
    order_status,
    customer_city
from intermediate.int_order_customers
where order_id in (select order_id from staging.stg_orders)
