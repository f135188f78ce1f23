-- Kind order_rule: the orders the run's validation recorded as breaking one of the domain's order rules,
-- out of every order validated (those of core.fact_orders).
--   target:  the table of recorded violations    rule:  the order rule's code, text
-- First statement: the rows checked (the orders validated). Second: the offending orders with the
-- violation's detail.
select count(*) as rows_checked
from "core"."fact_orders";

select
    order_id,
    detail

from {{target}}
where rule = {{rule}};
