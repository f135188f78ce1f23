-- grain: one row per review of an order (review_id, order_id). One review_id may cover several orders
-- and an order may have several reviews; both are kept.
-- Duplicate rule, the exception to the one for other source keys (README, Gates before publishing): when
-- the same (review_id, order_id) appears more than once, the row answered last
-- wins (latest review_answer_timestamp, an unanswered row losing to an answered one), then the last
-- line of the file.
-- is_latest_for_order marks the review that speaks for its order: the latest created (then latest
-- answered, then last line); fact_orders takes its score from that review.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

order_reviews as (

    select * from staging.stg_order_reviews

),

review_keys as (

    -- the windows below sort these columns only; the kept rows' other columns are joined back by their line
    select
        review_id,
        order_id,
        review_creation_date,
        review_answer_timestamp,
        _source_line

    from order_reviews

),

deduplicated as (

    select *

    from review_keys
    qualify row_number() over (
        partition by review_id, order_id
        order by review_answer_timestamp desc nulls last, _source_line desc
    ) = 1

),

latest_per_order as (

    select
        _source_line,
        row_number() over (
            partition by order_id
            order by review_creation_date desc nulls last, review_answer_timestamp desc nulls last, _source_line desc
        ) = 1 as is_latest_for_order

    from deduplicated

),

final as (

    select
        order_reviews.review_id,
        order_reviews.order_id,
        order_reviews.review_score, -- 1..5
        order_reviews.review_comment_title,
        order_reviews.review_comment_message,
        order_reviews.review_creation_date,
        order_reviews.review_answer_timestamp,
        latest_per_order.is_latest_for_order, -- the review whose score is the order's score
        order_reviews._source_line -- line of the kept row in the source file (lineage)

    from order_reviews
    inner join latest_per_order
        on order_reviews._source_line = latest_per_order._source_line

)

select * from final
