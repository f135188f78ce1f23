-- The orders a run over changed files rebuilds in the models of scope order_id (the header line
-- "-- scope: order_id" of a model): the rows of every other order stay as the published warehouse has them.
--
-- An order is in scope when a changed file gained, changed, lost or moved to another line a key of it (its
-- row, an item, a payment or a review), when the customers file did so for its customer_id (the person or the
-- address behind the order may differ), or when it was bought at or after the run's as-of time: a dimension's
-- version opens and closes only at an as-of time, so an order bought before it finds the versions it found in
-- the published warehouse. The comparison fills raw.affected_orders with the ids as the files write them; the
-- scope holds them as the staging models read them.
select source_id(order_id) as order_id
from raw.affected_orders

union

select source_id(order_id) as order_id
from raw.orders
where order_id is not null
    and source_timestamp(order_purchase_timestamp) >= (select max(as_of) from raw.build)
