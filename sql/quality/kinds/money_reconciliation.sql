-- Kind money_reconciliation: one comparison, the sum of a column of the target against the sum of a
-- column of the compared table, to the cent, failed when they differ by more than the tolerance; a sum
-- over no rows is 0.
--   target:      the checked table     column:          its summed column
--   where:       its rows summed (true when not given)
--   compare_to:  the compared table    compare_column:  its summed column
--   compare_where:  its rows summed (true when not given)
--   tolerance:   the difference tolerated
-- First statement: the rows checked (one comparison). Second: the compared figures, kept whether the
-- comparison fails or not; _failed says whether it does.
select 1 as rows_checked;

with

sums as (

    select
        (select sum({{column}}) from {{target}} where ({{where}})) as target_sum,
        (select sum({{compare_column}}) from {{compare_to}} where ({{compare_where}})) as compare_sum

)

select
    coalesce(cast(target_sum as varchar), '0') as target_sum,
    coalesce(cast(compare_sum as varchar), '0') as compare_sum,
    case
        when target_sum is null and compare_sum is null then '0'
        else cast(coalesce(target_sum, 0) - coalesce(compare_sum, 0) as varchar)
    end as difference,
    cast({{tolerance}} as varchar) as tolerance,
    abs(coalesce(target_sum, 0) - coalesce(compare_sum, 0)) > {{tolerance}} as "_failed"

from sums;
