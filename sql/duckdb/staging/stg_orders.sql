-- Staging of raw.orders: typed and cleaned, one row per raw row (duplicates are kept here and
-- resolved in intermediate.int_orders).
-- Timestamps: the loader accepts YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.fraction]] with a space, a T or
-- both between date and time; the regexp puts a single space there before the cast.
with

source as (

    select * from raw.orders

),

renamed as (

    select
        trim(order_id) as order_id,
        trim(customer_id) as customer_id, -- one customer_id per order; the person is customer_unique_id
        lower(trim(order_status)) as order_status,
        cast(regexp_replace(trim(order_purchase_timestamp), '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp) as order_purchase_timestamp,
        cast(regexp_replace(trim(order_approved_at), '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp) as order_approved_at,
        cast(regexp_replace(trim(order_delivered_carrier_date), '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp) as order_delivered_carrier_date,
        cast(regexp_replace(trim(order_delivered_customer_date), '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp) as order_delivered_customer_date,
        cast(regexp_replace(trim(order_estimated_delivery_date), '^(\d{4}-\d{2}-\d{2})[ T]*(\d)', '\1 \2') as timestamp) as order_estimated_delivery_date,
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
