with recent as (select * from raw.orders)
select * from recent join customers using (customer_id)
