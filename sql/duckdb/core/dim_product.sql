-- grain: one row per version of a product (product_id), slowly changing (type 2), plus the unknown
-- member (product_key = -1) that facts point to when the product of an item is missing.
--
-- Tracked attributes: every column of the products file (category, name and description lengths,
-- photos, weight and the three measures); a product_id repeated in a re-saved file keeps its first
-- line; a product without a category shows unknown.
-- Versions: raw.previous_dim_product holds every version published by the previous run. A product
-- whose attributes differ from its current version gets that version closed (valid_to = the run's
-- as-of time) and a new one opened (valid_from = as-of); a new product's first version is valid from
-- 1900-01-01; a product absent from this run's source keeps its versions unchanged. Exactly one version
-- per product is current (valid_to null); windows are [valid_from, valid_to) and never overlap.
-- product_key: kept by every existing version; new versions are numbered after the greatest key, in
-- product_id order.
-- Type 1 attributes, recomputed by every run for all versions: category key and English name, volume,
-- weight class: light (under 1 kg), medium (1 to under 5 kg), heavy (5 to under 15 kg), bulky (15 kg
-- and more), unknown without a weight.
with

build as (

    select * from raw.build

),

previous_versions as (

    select * from raw.previous_dim_product

),

products as (

    select * from staging.stg_products

),

categories as (

    select * from core.dim_category

),

snapshot as (

    select
        product_id,
        coalesce(product_category_name, 'unknown') as product_category_name,
        product_name_length,
        product_description_length,
        product_photos_qty,
        product_weight_g,
        product_length_cm,
        product_height_cm,
        product_width_cm

    from products
    qualify row_number() over (partition by product_id order by _source_line) = 1

),

current_versions as (

    select * from previous_versions where valid_to is null

),

compared as (

    select
        snapshot.*,
        current_versions.product_id is null as is_new,
        current_versions.product_id is not null and (
            snapshot.product_category_name is distinct from current_versions.product_category_name
            or snapshot.product_name_length is distinct from current_versions.product_name_length
            or snapshot.product_description_length is distinct from current_versions.product_description_length
            or snapshot.product_photos_qty is distinct from current_versions.product_photos_qty
            or snapshot.product_weight_g is distinct from current_versions.product_weight_g
            or snapshot.product_length_cm is distinct from current_versions.product_length_cm
            or snapshot.product_height_cm is distinct from current_versions.product_height_cm
            or snapshot.product_width_cm is distinct from current_versions.product_width_cm
        ) as is_changed

    from snapshot
    left join current_versions
        on snapshot.product_id = current_versions.product_id

),

carried_versions as (

    select
        previous_versions.product_key,
        previous_versions.product_id,
        previous_versions.product_category_name,
        previous_versions.product_name_length,
        previous_versions.product_description_length,
        previous_versions.product_photos_qty,
        previous_versions.product_weight_g,
        previous_versions.product_length_cm,
        previous_versions.product_height_cm,
        previous_versions.product_width_cm,
        previous_versions.valid_from,
        case
            when previous_versions.valid_to is null and compared.is_changed then build.as_of
            else previous_versions.valid_to
        end as valid_to

    from previous_versions
    cross join build
    left join compared
        on previous_versions.product_id = compared.product_id

),

opened_versions as (

    select
        (select coalesce(max(product_key), 0) from previous_versions)
            + row_number() over (order by compared.product_id) as product_key,
        compared.product_id,
        compared.product_category_name,
        compared.product_name_length,
        compared.product_description_length,
        compared.product_photos_qty,
        compared.product_weight_g,
        compared.product_length_cm,
        compared.product_height_cm,
        compared.product_width_cm,
        case when compared.is_new then timestamp '1900-01-01' else build.as_of end as valid_from,
        cast(null as timestamp) as valid_to

    from compared
    cross join build
    where compared.is_new or compared.is_changed

),

versions as (

    select * from carried_versions
    union all
    select * from opened_versions

),

known_members as (

    select
        versions.product_key,
        versions.product_id,
        coalesce(categories.category_key, -1) as category_key,
        versions.product_category_name, -- Portuguese; unknown without a category
        coalesce(categories.product_category_name_english, 'unknown') as product_category_name_english, -- Portuguese name when untranslated
        versions.product_name_length, -- characters in the product name
        versions.product_description_length, -- characters in the product description
        versions.product_photos_qty,
        versions.product_weight_g,
        versions.product_length_cm,
        versions.product_height_cm,
        versions.product_width_cm,
        cast(versions.product_length_cm * versions.product_height_cm * versions.product_width_cm as decimal(18, 2)) as product_volume_cm3, -- length x height x width
        case
            when versions.product_weight_g is null then 'unknown'
            when versions.product_weight_g < 1000 then 'light'
            when versions.product_weight_g < 5000 then 'medium'
            when versions.product_weight_g < 15000 then 'heavy'
            else 'bulky'
        end as weight_class, -- light, medium, heavy, bulky, unknown
        versions.valid_from, -- version valid from (inclusive)
        versions.valid_to, -- version valid until (exclusive); null for the current version
        versions.valid_to is null as is_current

    from versions
    left join categories
        on versions.product_category_name = categories.product_category_name

),

unknown_member as (

    select
        cast(-1 as bigint) as product_key,
        'unknown' as product_id,
        cast(-1 as bigint) as category_key,
        'unknown' as product_category_name,
        'unknown' as product_category_name_english,
        cast(null as integer) as product_name_length,
        cast(null as integer) as product_description_length,
        cast(null as integer) as product_photos_qty,
        cast(null as decimal(12, 2)) as product_weight_g,
        cast(null as decimal(12, 2)) as product_length_cm,
        cast(null as decimal(12, 2)) as product_height_cm,
        cast(null as decimal(12, 2)) as product_width_cm,
        cast(null as decimal(18, 2)) as product_volume_cm3,
        'unknown' as weight_class,
        timestamp '1900-01-01' as valid_from,
        cast(null as timestamp) as valid_to,
        true as is_current

),

final as (

    select * from known_members
    union all
    select * from unknown_member

)

select * from final
