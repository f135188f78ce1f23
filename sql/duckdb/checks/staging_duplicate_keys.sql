-- Data finding (not a model defect): natural keys that appear on more than one line of their source
-- file. Staging keeps every line; the models downstream keep the first line of each key and drop the
-- others, which this lists so that they are counted. None in the full published dataset.
with

orders as (

    select * from staging.stg_orders

),

order_items as (

    select * from staging.stg_order_items

),

customers as (

    select * from staging.stg_customers

),

products as (

    select * from staging.stg_products

),

sellers as (

    select * from staging.stg_sellers

),

duplicated_orders as (

    select
        'stg_orders' as model,
        order_id as natural_key,
        count(*) as line_count,
        min(_source_line) as kept_line -- the line the models downstream keep

    from orders
    group by order_id
    having count(*) > 1

),

duplicated_order_items as (

    select
        'stg_order_items' as model,
        order_id || '/' || order_item_id as natural_key,
        count(*) as line_count,
        min(_source_line) as kept_line

    from order_items
    group by order_id, order_item_id
    having count(*) > 1

),

duplicated_customers as (

    select
        'stg_customers' as model,
        customer_id as natural_key,
        count(*) as line_count,
        min(_source_line) as kept_line

    from customers
    group by customer_id
    having count(*) > 1

),

duplicated_products as (

    select
        'stg_products' as model,
        product_id as natural_key,
        count(*) as line_count,
        min(_source_line) as kept_line

    from products
    group by product_id
    having count(*) > 1

),

duplicated_sellers as (

    select
        'stg_sellers' as model,
        seller_id as natural_key,
        count(*) as line_count,
        min(_source_line) as kept_line

    from sellers
    group by seller_id
    having count(*) > 1

),

final as (

    select * from duplicated_orders
    union all
    select * from duplicated_order_items
    union all
    select * from duplicated_customers
    union all
    select * from duplicated_products
    union all
    select * from duplicated_sellers

)

select * from final
