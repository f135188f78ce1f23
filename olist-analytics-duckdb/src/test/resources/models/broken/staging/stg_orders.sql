select order_id, no_such_column from raw.orders
