-- Kind relationship: the rows of the target whose column has no equal value in the referenced column; a
-- null passes.
--   target:             the checked table      column:  the column holding the reference
--   references_table:   the referenced table   references_column:  the referenced column
--   where:              the rows checked (true when the rule gives no where)
-- First statement: the rows checked. Second: the offending rows, with _key (the value that does not
-- resolve) and sorted by it first.
select count(*) as rows_checked
from {{target}}
where ({{where}});

select
    {{target}}.{{column}} as "_sort",
    *, -- an anti join yields the columns of the target only
    cast({{target}}.{{column}} as varchar) as "_key"

from {{target}}
anti join {{references_table}} as "_ref"
    on "_ref".{{references_column}} = {{target}}.{{column}}
where ({{where}})
    and {{target}}.{{column}} is not null;
