-- mart.mart_customer_analytics has a row for each person with a counted order
-- (intermediate.int_customer_metrics, orders > 0) and for no one else. The people are compared first by
-- their count and a checksum (the sum of their hashes); only when these differ are they compared one by
-- one, to name those missing from the mart and those without a counted order. A repeated person is the
-- business of mart_customer_analytics_person_unique.
with

customer_analytics as (

    select * from mart.mart_customer_analytics

),

customer_metrics as (

    select * from intermediate.int_customer_metrics

),

counted_people as (

    select customer_unique_id from customer_metrics where orders > 0

),

fingerprints as (

    select
        (select count(*) from customer_analytics) as mart_people,
        (select sum(hash(customer_unique_id)) from customer_analytics) as mart_checksum,
        (select count(*) from counted_people) as counted_people,
        (select sum(hash(customer_unique_id)) from counted_people) as counted_checksum

),

people_differ as (

    select
        mart_people <> counted_people or mart_checksum is distinct from counted_checksum as differ

    from fingerprints

),

missing_people as (

    select
        'person with a counted order missing' as problem,
        customer_unique_id

    from (select * from counted_people where (select differ from people_differ)) as counted_people
    anti join customer_analytics
        on counted_people.customer_unique_id = customer_analytics.customer_unique_id

),

unexpected_people as (

    select
        'person without a counted order' as problem,
        customer_unique_id

    from (select * from customer_analytics where (select differ from people_differ)) as customer_analytics
    anti join counted_people
        on customer_analytics.customer_unique_id = counted_people.customer_unique_id

)

select * from missing_people
union all
select * from unexpected_people
