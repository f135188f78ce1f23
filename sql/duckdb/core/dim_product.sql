-- grain: one row per version of a product (product_id), slowly changing (type 2), plus the unknown
-- member (product_key = -1) that facts point to when the product of an item is missing.
--
-- Tracked attributes: every column of the products file (category, name and description lengths,
-- photos, weight and the three measures); a product_id repeated in a re-saved file keeps its first
-- line; a product without a category shows unknown.
-- Versions and the unknown member (intermediate.int_dimension_versions, the one place the rule lives): a
-- change of a tracked attribute between runs closes the current version at the run's as-of time and opens
-- a new one; a new key's first version is valid from 1900-01-01; keys are kept by existing versions.
-- Exactly one version per key is current (valid_to null); windows [valid_from, valid_to) never overlap.
-- Type 1 attributes, recomputed by every run for all versions: category key and English name, volume,
-- weight class: light (under 1 kg), medium (1 to under 5 kg), heavy (5 to under 15 kg), bulky (15 kg
-- and more), unknown without a weight.
with

dimension_versions as (

    select * from intermediate.int_dimension_versions

),

categories as (

    select * from core.dim_category

),

versions as (

    select
        surrogate_key as product_key,
        natural_key as product_id,
        unnest(unpack_product_attributes(attributes)), -- the eight columns of the products file
        valid_from,
        valid_to,
        is_current

    from dimension_versions
    where dimension = 'dim_product'

),

final as (

    select
        versions.product_key, -- -1: the unknown member
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
        versions.is_current

    from versions
    left join categories
        on versions.product_category_name = categories.product_category_name

)

select * from final
