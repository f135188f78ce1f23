-- Staging of raw.orders: typed and cleaned, one row per raw row (duplicates are kept here and
-- resolved in intermediate.int_orders).
-- Timestamps: the loader accepts YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.fraction]] with a space, a T or
-- both between date and time; the macro source_timestamp (sql/duckdb/macros) reads every such form.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

source as (

    select * from raw.orders

),

renamed as (

    select
        source_id(order_id) as order_id,
        source_id(customer_id) as customer_id, -- one customer_id per order; the person is customer_unique_id
        lower(trim(order_status)) as order_status,
        source_timestamp(order_purchase_timestamp) as order_purchase_timestamp,
        source_timestamp(order_approved_at) as order_approved_at,
        source_timestamp(order_delivered_carrier_date) as order_delivered_carrier_date,
        source_timestamp(order_delivered_customer_date) as order_delivered_customer_date,
        source_timestamp(order_estimated_delivery_date) as order_estimated_delivery_date,
        _source_line -- line of the row in the source file (lineage)

    from source

)

select * from renamed
