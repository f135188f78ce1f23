-- grain: one row per person (customer_unique_id) with at least one order counted as revenue (rule in
-- intermediate.int_order_enriched), described by their current version in dim_customer.
-- RFM: recency is the days from the person's last counted purchase date to the reference date, the
-- day after the last counted purchase date in the whole warehouse; frequency is their counted orders;
-- monetary is their revenue (prices + freight). Each is scored 1..5 by quintile of rank over all the
-- people in this mart, 5 being best (most recent, most orders, most revenue): score = 1 + floor(5 x
-- percent_rank), capped at 5, where percent_rank = (people strictly worse) / (people - 1), 0 for a
-- single person. Equal values always get equal scores, so with most people buying once, every
-- one-order person has frequency 1.
-- Segment, first rule that holds: champions (r >= 4, f >= 4, m >= 4); loyal (f >= 4); new (r >= 4,
-- f <= 2); at_risk (r <= 2, f >= 3); hibernating (r <= 2, f <= 2); potential (everyone else).
with

customer_metrics as (

    select * from intermediate.int_customer_metrics

),

customers as (

    select * from core.dim_customer

),

counted_customers as (

    select * from customer_metrics where orders > 0

),

reference as (

    select max(last_order_date) + 1 as reference_date from counted_customers

),

measured as (

    select
        counted_customers.*,
        reference.reference_date,
        date_diff('day', counted_customers.last_order_date, reference.reference_date) as recency_days

    from counted_customers
    cross join reference

),

ranked as (

    -- rank() - 1 is the number of people strictly worse: equal values share it
    select
        *,
        count(*) over () as people,
        rank() over (order by recency_days desc) - 1 as less_recent_people,
        rank() over (order by orders) - 1 as fewer_orders_people,
        rank() over (order by revenue) - 1 as less_revenue_people

    from measured

),

scored as (

    -- 1 + floor(5 x worse / (people - 1)) in integer arithmetic, capped at 5
    select
        *,
        cast(case when people = 1 then 1 else least(5, 1 + (5 * less_recent_people) // (people - 1)) end as integer) as recency_score,
        cast(case when people = 1 then 1 else least(5, 1 + (5 * fewer_orders_people) // (people - 1)) end as integer) as frequency_score,
        cast(case when people = 1 then 1 else least(5, 1 + (5 * less_revenue_people) // (people - 1)) end as integer) as monetary_score

    from ranked

),

final as (

    select
        scored.customer_unique_id, -- the person
        current_versions.customer_key, -- their current version in dim_customer
        current_versions.customer_city,
        current_versions.customer_state,
        current_versions.customer_region,
        current_versions.customer_segment, -- lifecycle segment of dim_customer
        scored.first_order_date, -- first counted purchase
        scored.last_order_date, -- last counted purchase
        scored.orders, -- frequency: counted orders
        scored.revenue, -- monetary: BRL, prices + freight of counted orders
        scored.average_order_value, -- BRL, revenue / orders
        scored.reference_date, -- the day after the last counted purchase in the warehouse
        scored.recency_days, -- days from last_order_date to reference_date
        cast(scored.recency_score as integer) as recency_score, -- 1..5, 5 = most recent
        cast(scored.frequency_score as integer) as frequency_score, -- 1..5, 5 = most orders
        cast(scored.monetary_score as integer) as monetary_score, -- 1..5, 5 = most revenue
        cast(scored.recency_score as varchar) || cast(scored.frequency_score as varchar)
            || cast(scored.monetary_score as varchar) as rfm_score, -- e.g. 545
        case
            when scored.recency_score >= 4 and scored.frequency_score >= 4 and scored.monetary_score >= 4 then 'champions'
            when scored.frequency_score >= 4 then 'loyal'
            when scored.recency_score >= 4 and scored.frequency_score <= 2 then 'new'
            when scored.recency_score <= 2 and scored.frequency_score >= 3 then 'at_risk'
            when scored.recency_score <= 2 and scored.frequency_score <= 2 then 'hibernating'
            else 'potential'
        end as rfm_segment -- champions, loyal, new, at_risk, hibernating, potential

    from scored
    left join customers as current_versions
        on scored.customer_unique_id = current_versions.customer_unique_id
        and current_versions.is_current

)

select * from final
