-- grain: one row per order_id, with the person (customer_unique_id) who placed it and the address
-- given with the order (the zip prefix and state of its customer_id row): where it was shipped.
-- The published file has each order_id once; if a re-saved file repeats one, its first line wins so
-- that joins on order_id can never multiply rows (the duplicate rule: of the lines of one source key, the
-- first line of the file wins; README, Gates before publishing). customer_unique_id is null when the customer_id
-- of the order is missing from the customers file.
-- scope: order_id (each row is one order's, computed from that order's rows; README, Unchanged files)
with

orders as (

    select * from staging.stg_orders

),

customers as (

    select * from intermediate.int_customers

),

orders_deduplicated as (

    select *

    from orders
    qualify row_number() over (partition by order_id order by _source_line) = 1

),

joined as (

    select
        orders_deduplicated.order_id,
        orders_deduplicated.customer_id,
        customers.customer_unique_id, -- null when the customer_id is not in the customers file
        customers.customer_zip_code_prefix as delivery_zip_code_prefix, -- the order's address; null when the customer_id is missing
        customers.customer_state as delivery_state,
        orders_deduplicated.order_status,
        orders_deduplicated.order_purchase_timestamp,
        orders_deduplicated.order_approved_at,
        orders_deduplicated.order_delivered_carrier_date,
        orders_deduplicated.order_delivered_customer_date,
        orders_deduplicated.order_estimated_delivery_date,
        orders_deduplicated._source_line -- line of the kept row in the source file (lineage)

    from orders_deduplicated
    left join customers
        on orders_deduplicated.customer_id = customers.customer_id

)

select * from joined
