-- Every person of the customers file (intermediate.int_customers) has a current version in
-- core.dim_customer. Returns the persons without one.
with

source_keys as (

    select customer_unique_id from intermediate.int_customers

),

current_versions as (

    select customer_unique_id from core.dim_customer where is_current

)

select distinct source_keys.customer_unique_id -- a key of several source rows is listed once

from source_keys
anti join current_versions
    on source_keys.customer_unique_id = current_versions.customer_unique_id
