select order_id from core.dim_c join staging.stg_orders using (order_id)
