-- Invariant: fact keys point to the right dimension rows.
--   fact_orders.customer_key is the version of the order's person (intermediate.int_orders) valid at the
--   purchase time, -1 when none is; fact_order_items.product_key and seller_key are the versions of the
--   item's product and seller valid at its order's purchase time (the current versions for an item
--   without an order), -1 when none is; exactly one version is valid at that time;
--   fact_order_items.category_key is the category of its product version;
--   the customer_key and purchase_date_key of items, payments, reviews and deliveries are their order's
--   in fact_orders (-1 without an order); fact_orders' date keys are the yyyymmdd of its timestamps.
-- Returns one row per fact row and wrong key.
with

source_orders as (

    select * from intermediate.int_orders

),

source_order_items as (

    select * from intermediate.int_order_items

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

orders as (

    select * from core.fact_orders

),

order_items as (

    select * from core.fact_order_items

),

payments as (

    select * from core.fact_payments

),

reviews as (

    select * from core.fact_reviews

),

deliveries as (

    select * from core.fact_deliveries

),

customer_versions_at_purchase as (

    select
        source_orders.order_id,
        count(customers.customer_key) as versions,
        coalesce(max(customers.customer_key), -1) as valid_key

    from source_orders
    left join customers
        on source_orders.customer_unique_id = customers.customer_unique_id
        and customers.customer_key <> -1
        and source_orders.order_purchase_timestamp >= customers.valid_from
        and (customers.valid_to is null or source_orders.order_purchase_timestamp < customers.valid_to)
    group by source_orders.order_id

),

items_at_purchase as (

    select
        source_order_items.order_id,
        source_order_items.order_item_id,
        source_order_items.product_id,
        source_order_items.seller_id,
        source_orders.order_purchase_timestamp as purchased_at -- null when the order is missing

    from source_order_items
    left join source_orders
        on source_order_items.order_id = source_orders.order_id

),

product_versions_at_purchase as (

    select
        items_at_purchase.order_id,
        items_at_purchase.order_item_id,
        count(products.product_key) as versions,
        coalesce(max(products.product_key), -1) as valid_key

    from items_at_purchase
    left join products
        on items_at_purchase.product_id = products.product_id
        and products.product_key <> -1
        and (
            (items_at_purchase.purchased_at is null and products.is_current)
            or (items_at_purchase.purchased_at >= products.valid_from
                and (products.valid_to is null or items_at_purchase.purchased_at < products.valid_to))
        )
    group by items_at_purchase.order_id, items_at_purchase.order_item_id

),

seller_versions_at_purchase as (

    select
        items_at_purchase.order_id,
        items_at_purchase.order_item_id,
        count(sellers.seller_key) as versions,
        coalesce(max(sellers.seller_key), -1) as valid_key

    from items_at_purchase
    left join sellers
        on items_at_purchase.seller_id = sellers.seller_id
        and sellers.seller_key <> -1
        and (
            (items_at_purchase.purchased_at is null and sellers.is_current)
            or (items_at_purchase.purchased_at >= sellers.valid_from
                and (sellers.valid_to is null or items_at_purchase.purchased_at < sellers.valid_to))
        )
    group by items_at_purchase.order_id, items_at_purchase.order_item_id

),

wrong_customer_versions as (

    select
        'fact_orders.customer_key is not the version valid at purchase' as problem,
        orders.order_id || ': ' || coalesce(cast(orders.customer_key as varchar), 'null')
            || ' instead of ' || customer_versions_at_purchase.valid_key as offending_value,
        1 as row_count

    from orders
    inner join customer_versions_at_purchase
        on orders.order_id = customer_versions_at_purchase.order_id
    where orders.customer_key is distinct from customer_versions_at_purchase.valid_key

),

wrong_product_versions as (

    select
        'fact_order_items.product_key is not the version valid at purchase' as problem,
        order_items.order_id || '/' || order_items.order_item_id || ': '
            || coalesce(cast(order_items.product_key as varchar), 'null')
            || ' instead of ' || product_versions_at_purchase.valid_key as offending_value,
        1 as row_count

    from order_items
    inner join product_versions_at_purchase
        on order_items.order_id = product_versions_at_purchase.order_id
        and order_items.order_item_id = product_versions_at_purchase.order_item_id
    where order_items.product_key is distinct from product_versions_at_purchase.valid_key

),

wrong_seller_versions as (

    select
        'fact_order_items.seller_key is not the version valid at purchase' as problem,
        order_items.order_id || '/' || order_items.order_item_id || ': '
            || coalesce(cast(order_items.seller_key as varchar), 'null')
            || ' instead of ' || seller_versions_at_purchase.valid_key as offending_value,
        1 as row_count

    from order_items
    inner join seller_versions_at_purchase
        on order_items.order_id = seller_versions_at_purchase.order_id
        and order_items.order_item_id = seller_versions_at_purchase.order_item_id
    where order_items.seller_key is distinct from seller_versions_at_purchase.valid_key

),

ambiguous_versions as (

    select
        'several dim_customer versions valid at purchase' as problem,
        order_id as offending_value,
        versions as row_count

    from customer_versions_at_purchase
    where versions > 1

    union all

    select
        'several dim_product versions valid at purchase' as problem,
        order_id || '/' || order_item_id as offending_value,
        versions as row_count

    from product_versions_at_purchase
    where versions > 1

    union all

    select
        'several dim_seller versions valid at purchase' as problem,
        order_id || '/' || order_item_id as offending_value,
        versions as row_count

    from seller_versions_at_purchase
    where versions > 1

),

wrong_categories as (

    select
        'fact_order_items.category_key differs from its product version''s' as problem,
        order_items.order_id || '/' || order_items.order_item_id || ': '
            || coalesce(cast(order_items.category_key as varchar), 'null')
            || ' instead of ' || coalesce(cast(products.category_key as varchar), 'null') as offending_value,
        1 as row_count

    from order_items
    left join products
        on order_items.product_key = products.product_key
    where order_items.category_key is distinct from products.category_key

),

order_keys_of_children as (

    select
        'fact_order_items' as fact,
        order_items.order_id || '/' || order_items.order_item_id as grain_key,
        order_items.customer_key,
        order_items.purchase_date_key,
        coalesce(orders.customer_key, -1) as order_customer_key,
        coalesce(orders.purchase_date_key, -1) as order_purchase_date_key

    from order_items
    left join orders
        on order_items.order_id = orders.order_id

    union all

    select
        'fact_payments',
        payments.order_id || '/' || payments.payment_sequential,
        payments.customer_key,
        payments.purchase_date_key,
        coalesce(orders.customer_key, -1),
        coalesce(orders.purchase_date_key, -1)

    from payments
    left join orders
        on payments.order_id = orders.order_id

    union all

    select
        'fact_reviews',
        reviews.review_id || '/' || reviews.order_id,
        reviews.customer_key,
        reviews.purchase_date_key,
        coalesce(orders.customer_key, -1),
        coalesce(orders.purchase_date_key, -1)

    from reviews
    left join orders
        on reviews.order_id = orders.order_id

    union all

    select
        'fact_deliveries',
        deliveries.order_id,
        deliveries.customer_key,
        deliveries.purchase_date_key,
        coalesce(orders.customer_key, -1),
        coalesce(orders.purchase_date_key, -1)

    from deliveries
    left join orders
        on deliveries.order_id = orders.order_id

),

children_off_their_order as (

    select
        fact || '.customer_key differs from its order''s' as problem,
        grain_key || ': ' || coalesce(cast(customer_key as varchar), 'null') || ' instead of ' || order_customer_key as offending_value,
        1 as row_count

    from order_keys_of_children
    where customer_key is distinct from order_customer_key

    union all

    select
        fact || '.purchase_date_key differs from its order''s' as problem,
        grain_key || ': ' || coalesce(cast(purchase_date_key as varchar), 'null') || ' instead of ' || order_purchase_date_key as offending_value,
        1 as row_count

    from order_keys_of_children
    where purchase_date_key is distinct from order_purchase_date_key

),

order_date_keys as (

    select
        orders.order_id,
        date_key.column_name,
        date_key.key_value,
        coalesce(cast(strftime(date_key.source_timestamp, '%Y%m%d') as integer), -1) as expected_key

    from orders
    inner join source_orders
        on orders.order_id = source_orders.order_id
    cross join lateral (
        values
            ('purchase_date_key', orders.purchase_date_key, source_orders.order_purchase_timestamp),
            ('approved_date_key', orders.approved_date_key, source_orders.order_approved_at),
            ('delivered_carrier_date_key', orders.delivered_carrier_date_key, source_orders.order_delivered_carrier_date),
            ('delivered_customer_date_key', orders.delivered_customer_date_key, source_orders.order_delivered_customer_date),
            ('estimated_delivery_date_key', orders.estimated_delivery_date_key, source_orders.order_estimated_delivery_date)
    ) as date_key (column_name, key_value, source_timestamp)

),

wrong_date_keys as (

    select
        'fact_orders.' || column_name || ' is not the date of its timestamp' as problem,
        order_id || ': ' || coalesce(cast(key_value as varchar), 'null') || ' instead of ' || expected_key as offending_value,
        1 as row_count

    from order_date_keys
    where key_value is distinct from expected_key

),

final as (

    select * from wrong_customer_versions
    union all
    select * from wrong_product_versions
    union all
    select * from wrong_seller_versions
    union all
    select * from ambiguous_versions
    union all
    select * from wrong_categories
    union all
    select * from children_off_their_order
    union all
    select * from wrong_date_keys

)

select * from final
