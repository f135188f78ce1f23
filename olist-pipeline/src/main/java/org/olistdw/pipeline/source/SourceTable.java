package org.olistdw.pipeline.source;

import static org.olistdw.pipeline.source.ColumnType.AMOUNT;
import static org.olistdw.pipeline.source.ColumnType.DECIMAL;
import static org.olistdw.pipeline.source.ColumnType.INTEGER;
import static org.olistdw.pipeline.source.ColumnType.NUMBER;
import static org.olistdw.pipeline.source.ColumnType.TEXT;
import static org.olistdw.pipeline.source.ColumnType.TIMESTAMP;
import static org.olistdw.pipeline.source.ColumnType.ZIP_PREFIX;
import static org.olistdw.pipeline.source.SourceColumn.optional;
import static org.olistdw.pipeline.source.SourceColumn.required;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The contract of each of the nine Olist source files: the file name, the raw table it loads into and
 * its columns, in header order, exactly as the published dataset spells them (including the misspelled
 * {@code lenght} columns).
 *
 * <p>A row satisfies the contract when it has exactly as many fields as the header and every field
 * passes its column's check; {@link #problemWith(List)} says why a row does not.
 */
public enum SourceTable {
    ORDERS("olist_orders_dataset.csv", "orders", List.of(
            required("order_id", TEXT),
            required("customer_id", TEXT),
            required("order_status", TEXT),
            required("order_purchase_timestamp", TIMESTAMP),
            optional("order_approved_at", TIMESTAMP),
            optional("order_delivered_carrier_date", TIMESTAMP),
            optional("order_delivered_customer_date", TIMESTAMP),
            optional("order_estimated_delivery_date", TIMESTAMP))),
    ORDER_ITEMS("olist_order_items_dataset.csv", "order_items", List.of(
            required("order_id", TEXT),
            required("order_item_id", INTEGER),
            required("product_id", TEXT),
            required("seller_id", TEXT),
            optional("shipping_limit_date", TIMESTAMP),
            required("price", AMOUNT),
            required("freight_value", AMOUNT))),
    ORDER_PAYMENTS("olist_order_payments_dataset.csv", "order_payments", List.of(
            required("order_id", TEXT),
            required("payment_sequential", INTEGER),
            required("payment_type", TEXT),
            optional("payment_installments", INTEGER),
            required("payment_value", AMOUNT))),
    ORDER_REVIEWS("olist_order_reviews_dataset.csv", "order_reviews", List.of(
            required("review_id", TEXT),
            required("order_id", TEXT),
            required("review_score", INTEGER),
            optional("review_comment_title", TEXT),
            optional("review_comment_message", TEXT),
            optional("review_creation_date", TIMESTAMP),
            optional("review_answer_timestamp", TIMESTAMP))),
    CUSTOMERS("olist_customers_dataset.csv", "customers", List.of(
            required("customer_id", TEXT),
            required("customer_unique_id", TEXT),
            optional("customer_zip_code_prefix", ZIP_PREFIX),
            optional("customer_city", TEXT),
            optional("customer_state", TEXT))),
    PRODUCTS("olist_products_dataset.csv", "products", List.of(
            required("product_id", TEXT),
            optional("product_category_name", TEXT),
            optional("product_name_lenght", INTEGER),
            optional("product_description_lenght", INTEGER),
            optional("product_photos_qty", INTEGER),
            optional("product_weight_g", DECIMAL),
            optional("product_length_cm", DECIMAL),
            optional("product_height_cm", DECIMAL),
            optional("product_width_cm", DECIMAL))),
    SELLERS("olist_sellers_dataset.csv", "sellers", List.of(
            required("seller_id", TEXT),
            optional("seller_zip_code_prefix", ZIP_PREFIX),
            optional("seller_city", TEXT),
            optional("seller_state", TEXT))),
    GEOLOCATION("olist_geolocation_dataset.csv", "geolocation", List.of(
            required("geolocation_zip_code_prefix", ZIP_PREFIX),
            optional("geolocation_lat", NUMBER),
            optional("geolocation_lng", NUMBER),
            optional("geolocation_city", TEXT),
            optional("geolocation_state", TEXT))),
    CATEGORY_TRANSLATION("product_category_name_translation.csv", "category_translation", List.of(
            required("product_category_name", TEXT),
            optional("product_category_name_english", TEXT)));

    private final String fileName;
    private final String tableName;
    private final List<SourceColumn> columns;

    SourceTable(String fileName, String tableName, List<SourceColumn> columns) {
        this.fileName = fileName;
        this.tableName = tableName;
        this.columns = columns;
    }

    /** The file name as published, e.g. {@code olist_orders_dataset.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The table in the warehouse's {@code raw} schema that this file loads into, e.g. {@code orders}. */
    public String tableName() {
        return tableName;
    }

    /** That table as rules and models name it, schema and name: e.g. {@code raw.orders}. */
    public String qualifiedTableName() {
        return "raw." + tableName;
    }

    /** The columns in header order. */
    public List<SourceColumn> columns() {
        return columns;
    }

    /** The header column names in order. */
    public List<String> header() {
        return columns.stream().map(SourceColumn::name).toList();
    }

    /**
     * The columns that identify a row of this file, by which a changed file is compared with the rows loaded
     * before: {@code order_id} for orders, {@code (order_id, order_item_id)} for items,
     * {@code (order_id, payment_sequential)} for payments, {@code (review_id, order_id)} for reviews, the id of a
     * customer, seller or product, the category's name for the translation, and every column for the geolocation,
     * which has no key.
     */
    public List<String> key() {
        return switch (this) {
            case ORDERS -> List.of("order_id");
            case ORDER_ITEMS -> List.of("order_id", "order_item_id");
            case ORDER_PAYMENTS -> List.of("order_id", "payment_sequential");
            case ORDER_REVIEWS -> List.of("review_id", "order_id");
            case CUSTOMERS -> List.of("customer_id");
            case PRODUCTS -> List.of("product_id");
            case SELLERS -> List.of("seller_id");
            case GEOLOCATION -> header();
            case CATEGORY_TRANSLATION -> List.of("product_category_name");
        };
    }

    /** Whether each row of this file belongs to one order, named by its {@code order_id} column. */
    public boolean ofOrders() {
        return header().contains("order_id");
    }

    /** The header line as the published file writes it (comma-separated, unquoted). */
    public String headerLine() {
        return String.join(",", header());
    }

    /**
     * Checks one data row against the contract.
     *
     * @param fields the row's fields, already unquoted
     * @return the first reason the row cannot be read, or empty when it satisfies the contract
     */
    public Optional<String> problemWith(List<String> fields) {
        if (fields.size() != columns.size()) {
            return Optional.of("expected " + columns.size() + " fields, found " + fields.size());
        }
        for (int i = 0; i < columns.size(); i++) {
            Optional<String> problem = columns.get(i).problemWith(fields.get(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The source table whose file has this name. */
    public static Optional<SourceTable> byFileName(String fileName) {
        return Arrays.stream(values()).filter(t -> t.fileName.equals(fileName)).findFirst();
    }
}
