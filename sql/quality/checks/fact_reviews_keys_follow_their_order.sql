-- core.fact_reviews carries its order's customer_key and purchase_date_key, those of core.fact_orders, or -1
-- for both when the order is missing. Returns the reviews carrying other keys, with their order's.
with

reviews as (

    select * from core.fact_reviews

),

orders as (

    select * from core.fact_orders

),

compared as (

    select
        reviews.review_id,
        reviews.order_id,
        reviews.customer_key,
        reviews.purchase_date_key,
        coalesce(orders.customer_key, -1) as order_customer_key,
        coalesce(orders.purchase_date_key, -1) as order_purchase_date_key

    from reviews
    left join orders
        on reviews.order_id = orders.order_id

)

select *

from compared
where customer_key is distinct from order_customer_key
    or purchase_date_key is distinct from order_purchase_date_key
