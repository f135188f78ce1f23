select o.order_id
from staging.stg_orders o
join staging.stg_payments p using (order_id)
join raw.order_payment_plans pp using (order_id)
