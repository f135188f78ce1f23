-- Kind expression: the rows of the target for which the boolean expression is not true (false or null).
--   target:      the checked table
--   expression:  the condition every row must meet, SQL over the target's columns
--   where:       the rows checked (true when the rule gives no where)
-- First statement: the rows checked. Second: the offending rows.
select count(*) as rows_checked
from {{target}}
where ({{where}});

select *
from {{target}}
where ({{where}})
    and not coalesce(({{expression}}), false);
