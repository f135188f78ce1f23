select order_id from raw.orders
