select
    customer_city,
    count(*) as orders
from core.fact_orders
group by customer_city;
-- trailing comment after the statement
