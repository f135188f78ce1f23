-- one row per customer id, as in the source
-- (leading comment lines and a trailing semicolon must not matter)
select
    customer_id,
    customer_city
from raw.customers;
