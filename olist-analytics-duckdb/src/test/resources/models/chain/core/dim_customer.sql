select distinct customer_id, customer_city
from staging.stg_customers
