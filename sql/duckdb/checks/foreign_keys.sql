-- Invariant: every dimension key held by a fact, a dimension or a mart resolves to a row of its
-- dimension (a real member or the unknown member -1; a null key does not resolve): the customer,
-- product, seller, category and date keys of the five facts, the geography keys of dim_customer and
-- dim_seller, the category key of dim_product, and the keys the marts carry. Returns one row per
-- reference and unresolved key value.
with

customers as (

    select * from core.dim_customer

),

products as (

    select * from core.dim_product

),

sellers as (

    select * from core.dim_seller

),

categories as (

    select * from core.dim_category

),

geography as (

    select * from core.dim_geography

),

dates as (

    select * from core.dim_date

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

customer_analytics as (

    select * from mart.mart_customer_analytics

),

product_performance as (

    select * from mart.mart_product_performance

),

seller_scorecard as (

    select * from mart.mart_seller_scorecard

),

dimension_keys as (

    select 'dim_customer' as dimension, customer_key as key_value from customers
    union all
    select 'dim_product', product_key from products
    union all
    select 'dim_seller', seller_key from sellers
    union all
    select 'dim_category', category_key from categories
    union all
    select 'dim_geography', geography_key from geography
    union all
    select 'dim_date', date_key from dates

),

key_references as (

    select 'fact_orders.customer_key' as reference, 'dim_customer' as dimension, customer_key as key_value from orders
    union all
    select 'fact_orders.purchase_date_key', 'dim_date', purchase_date_key from orders
    union all
    select 'fact_orders.approved_date_key', 'dim_date', approved_date_key from orders
    union all
    select 'fact_orders.delivered_carrier_date_key', 'dim_date', delivered_carrier_date_key from orders
    union all
    select 'fact_orders.delivered_customer_date_key', 'dim_date', delivered_customer_date_key from orders
    union all
    select 'fact_orders.estimated_delivery_date_key', 'dim_date', estimated_delivery_date_key from orders
    union all
    select 'fact_order_items.customer_key', 'dim_customer', customer_key from order_items
    union all
    select 'fact_order_items.product_key', 'dim_product', product_key from order_items
    union all
    select 'fact_order_items.seller_key', 'dim_seller', seller_key from order_items
    union all
    select 'fact_order_items.category_key', 'dim_category', category_key from order_items
    union all
    select 'fact_order_items.purchase_date_key', 'dim_date', purchase_date_key from order_items
    union all
    select 'fact_order_items.shipping_limit_date_key', 'dim_date', shipping_limit_date_key from order_items
    union all
    select 'fact_payments.customer_key', 'dim_customer', customer_key from payments
    union all
    select 'fact_payments.purchase_date_key', 'dim_date', purchase_date_key from payments
    union all
    select 'fact_reviews.customer_key', 'dim_customer', customer_key from reviews
    union all
    select 'fact_reviews.purchase_date_key', 'dim_date', purchase_date_key from reviews
    union all
    select 'fact_reviews.creation_date_key', 'dim_date', creation_date_key from reviews
    union all
    select 'fact_reviews.answer_date_key', 'dim_date', answer_date_key from reviews
    union all
    select 'fact_deliveries.customer_key', 'dim_customer', customer_key from deliveries
    union all
    select 'fact_deliveries.purchase_date_key', 'dim_date', purchase_date_key from deliveries
    union all
    select 'fact_deliveries.approved_date_key', 'dim_date', approved_date_key from deliveries
    union all
    select 'fact_deliveries.delivered_carrier_date_key', 'dim_date', delivered_carrier_date_key from deliveries
    union all
    select 'fact_deliveries.delivered_customer_date_key', 'dim_date', delivered_customer_date_key from deliveries
    union all
    select 'fact_deliveries.estimated_delivery_date_key', 'dim_date', estimated_delivery_date_key from deliveries
    union all
    select 'dim_customer.geography_key', 'dim_geography', geography_key from customers
    union all
    select 'dim_seller.geography_key', 'dim_geography', geography_key from sellers
    union all
    select 'dim_product.category_key', 'dim_category', category_key from products
    union all
    select 'mart_customer_analytics.customer_key', 'dim_customer', customer_key from customer_analytics
    union all
    select 'mart_product_performance.category_key', 'dim_category', category_key from product_performance
    union all
    select 'mart_seller_scorecard.seller_key', 'dim_seller', seller_key from seller_scorecard

),

unresolved as (

    select
        key_references.reference || ' does not resolve to ' || key_references.dimension as problem,
        coalesce(cast(key_references.key_value as varchar), 'null') as offending_value,
        count(*) as row_count

    from key_references
    anti join dimension_keys
        on key_references.dimension = dimension_keys.dimension
        and key_references.key_value = dimension_keys.key_value
    group by all

)

select * from unresolved
