-- mart.mart_sales_totals holds exactly one row, the whole of the sales counted as revenue. Returns one row,
-- how many rows the mart holds, when that is not one.
select count(*) as total_rows

from mart.mart_sales_totals
having count(*) <> 1
