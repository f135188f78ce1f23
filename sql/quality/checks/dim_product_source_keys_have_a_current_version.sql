-- Every product of the products file (staging.stg_products) has a current version in core.dim_product.
-- Returns the products without one.
with

source_keys as (

    select product_id from staging.stg_products

),

current_versions as (

    select product_id from core.dim_product where is_current

)

select distinct source_keys.product_id -- a key of several source rows is listed once

from source_keys
anti join current_versions
    on source_keys.product_id = current_versions.product_id
