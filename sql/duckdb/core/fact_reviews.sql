-- grain: one row per review of an order (review_id, order_id): a review_id covering two orders gives
-- two rows. Duplicate rule: a (review_id, order_id) repeated in the source keeps the row answered
-- last, then the last line (intermediate.int_order_reviews). is_latest_for_order marks the review
-- whose score is the order's score in fact_orders.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

reviews as (

    select * from intermediate.int_order_reviews

),

orders as (

    select * from core.fact_orders

),

joined as (

    select
        reviews.review_id,
        reviews.order_id,
        coalesce(orders.customer_key, -1) as customer_key,
        coalesce(orders.purchase_date_key, -1) as purchase_date_key,
        date_key_of(reviews.review_creation_date) as creation_date_key,
        date_key_of(reviews.review_answer_timestamp) as answer_date_key,
        orders.order_id is null as is_order_missing, -- the order is not in the orders file
        reviews.review_score, -- 1..5
        reviews.review_comment_title is not null as has_comment_title,
        reviews.review_comment_message is not null as has_comment_message,
        length(reviews.review_comment_message) as comment_message_length, -- characters; null without a message
        reviews.review_creation_date,
        reviews.review_answer_timestamp,
        calendar_days(reviews.review_creation_date, reviews.review_answer_timestamp) as days_to_answer, -- calendar days
        reviews.is_latest_for_order

    from reviews
    left join orders
        on reviews.order_id = orders.order_id

)

select * from joined
