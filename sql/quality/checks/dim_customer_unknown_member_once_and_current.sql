-- core.dim_customer holds its unknown member (customer_key -1) exactly once, as a current version. Returns
-- one row, how many times it is there and how many of those are current, when that is not once and once.
select
    count(*) as unknown_members,
    count(*) filter (where is_current) as current_unknown_members

from core.dim_customer
where customer_key = -1
having count(*) <> 1 or count(*) filter (where is_current) <> 1
