-- grain: one row per slowly changing dimension (dim_customer, dim_product, dim_seller) and natural key
-- found in this run's sources, with the tracked attributes as this run sees them, packed as JSON text by
-- the macros pack_<entity>_attributes (keys in a fixed order, so that equal attributes give equal text).
-- int_dimension_versions compares them with the published versions.
-- dim_customer, by customer_unique_id: the address (zip prefix, city, state) given with the person's
-- most recent order; a person without orders takes the address of their greatest customer_id.
-- dim_product, by product_id: every column of the products file, the first line of a repeated id.
-- dim_seller, by seller_id: zip prefix, city and state, the first line of a repeated id.
-- A missing text attribute shows unknown, as the dimensions publish it.
with

customers as (

    select * from intermediate.int_customers

),

orders as (

    select * from intermediate.int_orders

),

products as (

    select * from staging.stg_products

),

sellers as (

    select * from staging.stg_sellers

),

latest_purchase_per_customer_id as (

    select
        customer_id,
        max(order_purchase_timestamp) as last_purchase_at

    from orders
    group by customer_id

),

customer_snapshots as (

    select
        'dim_customer' as dimension,
        customers.customer_unique_id as natural_key,
        pack_customer_attributes(
            coalesce(customers.customer_zip_code_prefix, 'unknown'),
            coalesce(customers.customer_city, 'unknown'),
            coalesce(customers.customer_state, 'unknown')
        ) as attributes

    from customers
    left join latest_purchase_per_customer_id
        on customers.customer_id = latest_purchase_per_customer_id.customer_id
    qualify row_number() over (
        partition by customers.customer_unique_id
        order by latest_purchase_per_customer_id.last_purchase_at desc nulls last, customers.customer_id desc
    ) = 1

),

product_snapshots as (

    select
        'dim_product' as dimension,
        product_id as natural_key,
        pack_product_attributes(
            coalesce(product_category_name, 'unknown'),
            product_name_length,
            product_description_length,
            product_photos_qty,
            product_weight_g,
            product_length_cm,
            product_height_cm,
            product_width_cm
        ) as attributes

    from products
    qualify row_number() over (partition by product_id order by _source_line) = 1

),

seller_snapshots as (

    select
        'dim_seller' as dimension,
        seller_id as natural_key,
        pack_seller_attributes(
            coalesce(seller_zip_code_prefix, 'unknown'),
            coalesce(seller_city, 'unknown'),
            coalesce(seller_state, 'unknown')
        ) as attributes

    from sellers
    qualify row_number() over (partition by seller_id order by _source_line) = 1

),

final as (

    select * from customer_snapshots
    union all
    select * from product_snapshots
    union all
    select * from seller_snapshots

)

select * from final
