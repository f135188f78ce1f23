-- Staging of raw.order_reviews: typed and cleaned, one row per raw row.
-- review_id is not unique in the source (the same review may cover several orders, and an order
-- may have several reviews): _source_line identifies a row.
-- Timestamps are read by source_timestamp, as in stg_orders (any separator between date and time).
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

source as (

    select * from raw.order_reviews

),

renamed as (

    select
        source_id(review_id) as review_id,
        source_id(order_id) as order_id,
        source_integer(review_score) as review_score, -- 1..5
        source_text(review_comment_title) as review_comment_title,
        source_text(review_comment_message) as review_comment_message, -- may contain line breaks
        source_timestamp(review_creation_date) as review_creation_date, -- midnight in the source
        source_timestamp(review_answer_timestamp) as review_answer_timestamp,
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
