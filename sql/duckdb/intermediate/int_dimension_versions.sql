-- grain: one row per version of a key of a slowly changing (type 2) dimension: dimension
-- (dim_customer, dim_product, dim_seller) and surrogate_key, plus each dimension's unknown member
-- (surrogate_key -1, natural_key unknown, text attributes unknown and numbers null, valid since 1900-01-01
-- and current), which facts point to when their key is missing. The one place the versioning rule and the
-- shape the three dimensions share live: each dimension unpacks its own rows (unpack_<entity>_attributes)
-- and adds the attributes it derives from them.
--
-- raw.previous_<dimension> holds every version published by the previous run (none on a first run).
-- A product_id or seller_id repeated in its file keeps its first line (the duplicate rule: of the lines of one
-- source key, the first line of the file wins; README, Gates before publishing).
-- A key whose tracked attributes in this run's sources (snapshots, below) differ from its current version
-- gets that version closed (valid_to = the run's as-of time) and a new one opened (valid_from = as-of); a new
-- key's first version is valid from 1900-01-01; a key absent from this run's sources keeps its versions
-- unchanged. Exactly one version per key is current (valid_to null); windows are [valid_from,
-- valid_to) and never overlap. Surrogate keys are kept by every existing version; new versions are
-- numbered after the dimension's greatest key, in natural key order.
--
-- This run's tracked attributes of a key (snapshots), packed as JSON text by the macros
-- pack_<entity>_attributes (keys in a fixed order, so that equal attributes give equal text):
-- dim_customer, by customer_unique_id: the address (zip prefix, city, state) given with the person's
-- most recent order; a person without orders takes the address of their greatest customer_id.
-- dim_product, by product_id: every column of the products file, the first line of a repeated id.
-- dim_seller, by seller_id: zip prefix, city and state, the first line of a repeated id.
-- A missing text attribute shows unknown, as the dimensions publish it.
with

build as (

    select * from raw.build

),

previous_customers as (

    select * from raw.previous_dim_customer

),

previous_products as (

    select * from raw.previous_dim_product

),

previous_sellers as (

    select * from raw.previous_dim_seller

),

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

snapshots as (

    select * from customer_snapshots
    union all
    select * from product_snapshots
    union all
    select * from seller_snapshots

),

previous_versions as (

    -- the attributes packed by the same macros as the snapshots
    select
        'dim_customer' as dimension,
        customer_key as surrogate_key,
        customer_unique_id as natural_key,
        pack_customer_attributes(customer_zip_code_prefix, customer_city, customer_state) as attributes,
        valid_from,
        valid_to

    from previous_customers

    union all

    select
        'dim_product' as dimension,
        product_key as surrogate_key,
        product_id as natural_key,
        pack_product_attributes(
            product_category_name,
            product_name_length,
            product_description_length,
            product_photos_qty,
            product_weight_g,
            product_length_cm,
            product_height_cm,
            product_width_cm
        ) as attributes,
        valid_from,
        valid_to

    from previous_products

    union all

    select
        'dim_seller' as dimension,
        seller_key as surrogate_key,
        seller_id as natural_key,
        pack_seller_attributes(seller_zip_code_prefix, seller_city, seller_state) as attributes,
        valid_from,
        valid_to

    from previous_sellers

),

current_versions as (

    select * from previous_versions where valid_to is null

),

compared as (

    -- each key of this run's sources (snapshots) or with a current version, once: both sides are unique per
    -- dimension and natural key, so one full join both tells the snapshots that are new or changed and closes the
    -- current versions whose key changed
    select
        coalesce(snapshots.dimension, current_versions.dimension) as dimension,
        coalesce(snapshots.natural_key, current_versions.natural_key) as natural_key,
        snapshots.attributes, -- this run's; null when the key is absent from this run's sources
        current_versions.surrogate_key as current_key,
        current_versions.attributes as current_attributes,
        current_versions.valid_from as current_valid_from,
        current_versions.natural_key is null as is_new,
        current_versions.natural_key is not null and snapshots.natural_key is not null
            and snapshots.attributes is distinct from current_versions.attributes as is_changed

    from snapshots
    full outer join current_versions
        on snapshots.dimension = current_versions.dimension
        and snapshots.natural_key = current_versions.natural_key

),

carried_versions as (

    -- closed versions stay as they are; a current version is closed at the as-of time when its key changed
    select dimension, surrogate_key, natural_key, attributes, valid_from, valid_to
    from previous_versions
    where valid_to is not null

    union all

    select
        compared.dimension,
        compared.current_key as surrogate_key,
        compared.natural_key,
        compared.current_attributes as attributes,
        compared.current_valid_from as valid_from,
        case when compared.is_changed then build.as_of end as valid_to

    from compared
    cross join build
    where not compared.is_new

),

greatest_keys as (

    select
        dimension,
        max(surrogate_key) as greatest_key

    from previous_versions
    group by dimension

),

opened_keys as (

    -- numbered on the keys alone (one row per dimension and natural key), so the sort carries no attributes
    select
        dimension,
        natural_key,
        row_number() over (partition by dimension order by natural_key) as key_number

    from compared
    where is_new or is_changed

),

opened_versions as (

    select
        compared.dimension,
        coalesce(greatest_keys.greatest_key, 0) + opened_keys.key_number as surrogate_key,
        compared.natural_key,
        compared.attributes,
        case when compared.is_new then timestamp '1900-01-01' else build.as_of end as valid_from,
        cast(null as timestamp) as valid_to

    from compared
    cross join build
    inner join opened_keys
        on compared.dimension = opened_keys.dimension
        and compared.natural_key = opened_keys.natural_key
    left join greatest_keys
        on compared.dimension = greatest_keys.dimension

),

unknown_members as (

    select
        'dim_customer' as dimension,
        pack_customer_attributes('unknown', 'unknown', 'unknown') as attributes

    union all

    select
        'dim_product',
        pack_product_attributes('unknown', null, null, null, null, null, null, null)

    union all

    select
        'dim_seller',
        pack_seller_attributes('unknown', 'unknown', 'unknown')

),

versions as (

    select dimension, surrogate_key, natural_key, attributes, valid_from, valid_to
    from carried_versions

    union all

    select dimension, surrogate_key, natural_key, attributes, valid_from, valid_to
    from opened_versions

    union all

    select dimension, -1, 'unknown', attributes, timestamp '1900-01-01', cast(null as timestamp)
    from unknown_members

),

final as (

    select
        dimension, -- dim_customer, dim_product or dim_seller
        cast(surrogate_key as bigint) as surrogate_key, -- the dimension's key of this version; -1: unknown member
        natural_key, -- customer_unique_id, product_id or seller_id; unknown for the unknown member
        attributes, -- tracked attributes of this version, JSON text
        valid_from, -- inclusive
        valid_to, -- exclusive; null for the current version
        valid_to is null as is_current

    from versions

)

select * from final
