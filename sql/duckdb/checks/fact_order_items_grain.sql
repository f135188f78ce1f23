-- Invariant: fact_order_items has one row per (order_id, order_item_id), every staged item is in it,
-- and every dimension key resolves (to a real member or to the unknown member -1).
-- Returns the offending items.
with

order_items as (

    select * from core.fact_order_items

),

staged_items as (

    select * from staging.stg_order_items

),

customers as (

    select * from core.dim_customer

),

products as (

    select * from core.dim_product

),

sellers as (

    select * from core.dim_seller

),

dates as (

    select * from core.dim_date

),

duplicated_items as (

    select
        'item repeated' as problem,
        order_id,
        order_item_id

    from order_items
    group by order_id, order_item_id
    having count(*) > 1

),

lost_items as (

    select distinct
        'staged item missing from the fact' as problem,
        staged_items.order_id,
        staged_items.order_item_id

    from staged_items
    anti join order_items
        on staged_items.order_id = order_items.order_id
        and staged_items.order_item_id = order_items.order_item_id

),

unresolved_keys as (

    select
        'dimension key does not resolve' as problem,
        order_items.order_id,
        order_items.order_item_id

    from order_items
    left join customers
        on order_items.customer_key = customers.customer_key
    left join products
        on order_items.product_key = products.product_key
    left join sellers
        on order_items.seller_key = sellers.seller_key
    left join dates as purchase_dates
        on order_items.purchase_date_key = purchase_dates.date_key
    left join dates as shipping_limit_dates
        on order_items.shipping_limit_date_key = shipping_limit_dates.date_key
    where customers.customer_key is null
        or products.product_key is null
        or sellers.seller_key is null
        or purchase_dates.date_key is null
        or shipping_limit_dates.date_key is null

),

final as (

    select * from duplicated_items
    union all
    select * from lost_items
    union all
    select * from unresolved_keys

)

select * from final
