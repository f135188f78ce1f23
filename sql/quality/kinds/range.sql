-- Kind range: the rows of the target whose column lies below min or above max, both compared in the
-- column's own type (numbers as numbers, dates as dates); a null passes, and an absent bound is null, so
-- it never offends. The bounds are cast in subqueries of their own, so a bound that is not of the
-- column's type stops the check even when no row reaches the comparison.
--   target:  the checked table           column:  the column checked
--   min:     the lower bound, text or null    max:  the upper bound, text or null
--   column_type:  the column's type, from the catalogue
--   where:   the rows checked (true when the rule gives no where)
-- First statement: the rows checked. Second: the offending rows.
select count(*) as rows_checked
from {{target}}
where ({{where}});

select *
from {{target}}
where ({{where}})
    and {{column}} is not null
    and (
        {{column}} < (select cast({{min}} as {{column_type}}))
        or {{column}} > (select cast({{max}} as {{column_type}}))
    );
