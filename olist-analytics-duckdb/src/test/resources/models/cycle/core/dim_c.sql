select order_id from core.dim_a
