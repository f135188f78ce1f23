-- scope: order_id
select
    order_id,
    customer_id,
    order_status
from raw.orders
