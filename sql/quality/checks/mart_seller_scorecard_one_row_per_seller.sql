-- mart.mart_seller_scorecard has a row for each seller: the current sellers of core.dim_seller and the
-- sellers of the order items (intermediate.int_order_items), and for no one else. Returns the sellers
-- missing from the scorecard and those it should not hold.
with

seller_scorecard as (

    select * from mart.mart_seller_scorecard

),

sellers as (

    select * from core.dim_seller

),

source_order_items as (

    select * from intermediate.int_order_items

),

expected_sellers as (

    select seller_id from sellers where is_current and seller_id <> 'unknown'
    union
    select seller_id from source_order_items

),

missing_sellers as (

    select
        'missing' as problem,
        seller_id

    from expected_sellers
    anti join seller_scorecard
        on expected_sellers.seller_id = seller_scorecard.seller_id

),

unexpected_sellers as (

    select
        'neither in dim_seller nor in the order items' as problem,
        seller_id

    from seller_scorecard
    anti join expected_sellers
        on seller_scorecard.seller_id = expected_sellers.seller_id

)

select * from missing_sellers
union all
select * from unexpected_sellers
