-- the orders the changes reach, as the files write their ids (the staging models here take them as they are)
select order_id from raw.affected_orders
