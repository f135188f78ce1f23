-- mart.mart_customer_analytics has a row for each person with a counted order
-- (intermediate.int_customer_metrics, orders > 0) and for no one else: none of its people is without a
-- counted order, and it has as many rows as there are such people. Returns the people without a counted
-- order and, when the counts differ, the people missing from the mart; a repeated person is the business
-- of mart_customer_analytics_person_unique.
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

counts_differ as (

    select (select count(*) from customer_analytics) <> (select count(*) from counted_people) as differ

),

unexpected_people as (

    select
        'person without a counted order' as problem,
        customer_unique_id

    from customer_analytics
    anti join counted_people
        on customer_analytics.customer_unique_id = counted_people.customer_unique_id

),

missing_people as (

    select
        'person with a counted order missing' as problem,
        customer_unique_id

    from (
        -- only when the counts differ can a person be missing: otherwise the costly side is skipped
        select * from counted_people where (select differ from counts_differ)
    ) as counted_people
    anti join customer_analytics
        on counted_people.customer_unique_id = customer_analytics.customer_unique_id

)

select * from unexpected_people
union all
select * from missing_people
