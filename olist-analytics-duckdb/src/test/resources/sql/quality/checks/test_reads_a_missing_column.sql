select no_such_column from staging.t_sql_items
