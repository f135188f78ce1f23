select 1 as one; drop table staging.t_sql_items
