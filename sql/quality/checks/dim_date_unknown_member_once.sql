-- core.dim_date holds its unknown member (date_key -1) exactly once. Returns one row, how many times it is
-- there, when that is not once.
select count(*) as unknown_members

from core.dim_date
where date_key = -1
having count(*) <> 1
