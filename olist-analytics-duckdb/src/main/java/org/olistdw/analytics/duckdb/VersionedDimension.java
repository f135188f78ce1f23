package org.olistdw.analytics.duckdb;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The slowly changing (type 2) dimensions and the columns their version history keeps.
 *
 * <p>A build starts with {@code raw.previous_<dimension>} holding every version of the published
 * warehouse's {@code core.<dimension>} (the unknown member excluded): the surrogate key, the natural key,
 * each tracked attribute as published, and the validity window {@code [valid_from, valid_to)}, with
 * {@code valid_to} null for the current version. The model {@code intermediate.int_dimension_versions}
 * compares the new sources with the current versions, for all three dimensions at once: a changed tracked
 * attribute closes the current version at the run's as-of time and opens a new one from then on; a new
 * natural key opens its first version, valid since {@link #BEGINNING}. The tracked columns here must match
 * what the macros {@code pack_<entity>_attributes} and {@code unpack_<entity>_attributes}
 * ({@code sql/duckdb/macros/dimension_attributes.sql}) pack and unpack, names and types. Attributes derived
 * from the tracked ones (region, English category, weight class) are recomputed by every build and are not
 * part of the history.
 */
enum VersionedDimension {

    CUSTOMER("dim_customer", "customer_key", "customer_unique_id",
            List.of("customer_zip_code_prefix varchar", "customer_city varchar", "customer_state varchar")),
    PRODUCT("dim_product", "product_key", "product_id",
            List.of("product_category_name varchar", "product_name_length integer",
                    "product_description_length integer", "product_photos_qty integer",
                    "product_weight_g decimal(12, 2)", "product_length_cm decimal(12, 2)",
                    "product_height_cm decimal(12, 2)", "product_width_cm decimal(12, 2)")),
    SELLER("dim_seller", "seller_key", "seller_id",
            List.of("seller_zip_code_prefix varchar", "seller_city varchar", "seller_state varchar"));

    /** The valid_from of a key's first version: the source says nothing of when it began. */
    static final String BEGINNING = "1900-01-01 00:00:00";

    static final String CORE_SCHEMA = "core";

    private final String dimension;
    private final String key;
    private final String naturalKey;
    private final List<String> trackedColumns;

    VersionedDimension(String dimension, String key, String naturalKey, List<String> trackedColumns) {
        this.dimension = dimension;
        this.key = key;
        this.naturalKey = naturalKey;
        this.trackedColumns = trackedColumns;
    }

    /** The dimension's table name in {@code core}, e.g. {@code dim_customer}. */
    String dimension() {
        return dimension;
    }

    /** {@code previous_<dimension>}, in {@code raw}. */
    String previousTable() {
        return "previous_" + dimension;
    }

    /** Every column the history keeps, with its type, in table order. */
    List<String> columnDefinitions() {
        List<String> columns = new ArrayList<>();
        columns.add(key + " bigint");
        columns.add(naturalKey + " varchar");
        columns.addAll(trackedColumns);
        columns.add("valid_from timestamp");
        columns.add("valid_to timestamp");
        return columns;
    }

    /** Every column name the history keeps, in table order. */
    List<String> columnNames() {
        return columnDefinitions().stream().map(definition -> definition.substring(0, definition.indexOf(' ')))
                .collect(Collectors.toList());
    }

    /** The surrogate key column, e.g. {@code customer_key}. */
    String key() {
        return key;
    }

    /** {@code create table raw.previous_<dimension> (...)}. */
    String createPreviousTable() {
        return "create table " + RawLayout.quote(RawLayout.RAW_SCHEMA) + "." + RawLayout.quote(previousTable())
                + " (" + String.join(", ", columnDefinitions()) + ")";
    }
}
