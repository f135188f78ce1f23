-- core.dim_geography holds its unknown member (geography_key -1) exactly once. Returns one row, how many
-- times it is there, when that is not once.
select count(*) as unknown_members

from core.dim_geography
where geography_key = -1
having count(*) <> 1
