-- Kind sql: the rows a query of its own returns, each an offence; the rows checked are the target's.
--   target:  the table the rule is about, whose rows are counted as checked
--   query:   the rule's query: the text of sql/quality/checks/<query>.sql
-- First statement: the rows checked. Second: the query's rows.
select count(*) as rows_checked
from {{target}};

select *
from ({{query}}) as "_offending";
