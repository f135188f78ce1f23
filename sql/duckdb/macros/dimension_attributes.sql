-- Macros for the tracked attributes of the three slowly changing (type 2) dimensions, the one place that
-- lists them in SQL: int_dimension_versions packs this run's attributes, the published versions' and the
-- unknown members', and each dimension unpacks its versions. The packed form is
-- JSON text with the keys in a fixed order, so that equal attributes give equal text and a change of any of
-- them is a change of the text. They must match the columns the history keeps (VersionedDimension, checked
-- by DuckDbMacrosTest).

-- dim_customer, by customer_unique_id: the address.
create or replace macro pack_customer_attributes(zip_code_prefix, city, state) as
    cast(to_json(struct_pack(
        customer_zip_code_prefix := zip_code_prefix,
        customer_city := city,
        customer_state := state
    )) as varchar);

create or replace macro unpack_customer_attributes(attributes) as
    json_transform(attributes, '{
        "customer_zip_code_prefix": "VARCHAR",
        "customer_city": "VARCHAR",
        "customer_state": "VARCHAR"
    }');

-- dim_product, by product_id: every column of the products file.
create or replace macro pack_product_attributes(category_name, name_length, description_length, photos_qty,
                                                 weight_g, length_cm, height_cm, width_cm) as
    cast(to_json(struct_pack(
        product_category_name := category_name,
        product_name_length := name_length,
        product_description_length := description_length,
        product_photos_qty := photos_qty,
        product_weight_g := weight_g,
        product_length_cm := length_cm,
        product_height_cm := height_cm,
        product_width_cm := width_cm
    )) as varchar);

create or replace macro unpack_product_attributes(attributes) as
    json_transform(attributes, '{
        "product_category_name": "VARCHAR",
        "product_name_length": "INTEGER",
        "product_description_length": "INTEGER",
        "product_photos_qty": "INTEGER",
        "product_weight_g": "DECIMAL(12,2)",
        "product_length_cm": "DECIMAL(12,2)",
        "product_height_cm": "DECIMAL(12,2)",
        "product_width_cm": "DECIMAL(12,2)"
    }');

-- dim_seller, by seller_id: the address.
create or replace macro pack_seller_attributes(zip_code_prefix, city, state) as
    cast(to_json(struct_pack(
        seller_zip_code_prefix := zip_code_prefix,
        seller_city := city,
        seller_state := state
    )) as varchar);

create or replace macro unpack_seller_attributes(attributes) as
    json_transform(attributes, '{
        "seller_zip_code_prefix": "VARCHAR",
        "seller_city": "VARCHAR",
        "seller_state": "VARCHAR"
    }');
