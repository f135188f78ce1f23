-- Every seller of the sellers file (staging.stg_sellers) has a current version in core.dim_seller. Returns
-- the sellers without one.
with

source_keys as (

    select seller_id from staging.stg_sellers

),

current_versions as (

    select seller_id from core.dim_seller where is_current

)

select distinct source_keys.seller_id -- a key of several source rows is listed once

from source_keys
anti join current_versions
    on source_keys.seller_id = current_versions.seller_id
