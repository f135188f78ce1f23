-- mart.mart_customer_analytics.customer_key is the current version of the same person in
-- core.dim_customer (so it also resolves). Returns the people whose key is null, resolves to nothing, to
-- a closed version or to another person.
with

customer_analytics as (

    select * from mart.mart_customer_analytics

),

customers as (

    select * from core.dim_customer

)

select
    customer_analytics.customer_unique_id,
    customer_analytics.customer_key,
    customers.customer_unique_id as key_person,
    customers.is_current as key_is_current

from customer_analytics
left join customers
    on customer_analytics.customer_key = customers.customer_key
where customers.customer_key is null
    or not customers.is_current
    or customers.customer_unique_id is distinct from customer_analytics.customer_unique_id
