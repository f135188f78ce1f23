-- Kind not_null: the rows of the target whose column is null.
--   target:  the checked table           column:  the column that must not be null
--   where:   the rows checked (true when the rule gives no where)
-- First statement: the rows checked. Second: the offending rows.
select count(*) as rows_checked
from {{target}}
where ({{where}});

select *
from {{target}}
where ({{where}})
    and {{column}} is null;
