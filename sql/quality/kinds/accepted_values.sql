-- Kind accepted_values: the rows of the target whose column, as text, is none of the listed values; a
-- null passes.
--   target:  the checked table           column:  the column checked
--   values:  the accepted values, text literals
--   where:   the rows checked (true when the rule gives no where)
-- First statement: the rows checked. Second: the offending rows.
select count(*) as rows_checked
from {{target}}
where ({{where}});

select *
from {{target}}
where ({{where}})
    and {{column}} is not null
    and cast({{column}} as varchar) not in ({{values}});
