-- Test query: the items above 5.00, sorted by their amount, largest first, whatever their ids.
select
    -amount as _sort,
    order_id,
    amount

from staging.t_sql_items
where amount > 5.00
