-- Kind row_count_reconciliation: one comparison, the target's row count against the compared table's,
-- failed when they differ by more than the tolerance.
--   target:      the checked table          where:          its rows counted (true when not given)
--   compare_to:  the compared table         compare_where:  its rows counted (true when not given)
--   tolerance:   the difference tolerated, in rows
-- First statement: the rows checked (one comparison). Second: the compared figures, kept whether the
-- comparison fails or not; _failed says whether it does.
select 1 as rows_checked;

with

counts as (

    select
        (select count(*) from {{target}} where ({{where}})) as target_rows,
        (select count(*) from {{compare_to}} where ({{compare_where}})) as compare_rows

)

select
    cast(target_rows as varchar) as target_rows,
    cast(compare_rows as varchar) as compare_rows,
    cast(target_rows - compare_rows as varchar) as difference,
    cast({{tolerance}} as varchar) as tolerance,
    abs(target_rows - compare_rows) > {{tolerance}} as "_failed"

from counts;
