package org.olistdw.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTableTest {

    private static final List<String> GOOD_ITEM = List.of("00010242fe8c5a6d1ba2dd792cb16214", "1",
            "4244733e06e7ecb4970a6e2683c13e61", "48436dade18ac8b2bce089ec2a041202", "2017-09-19 09:45:35",
            "58.90", "13.29");

    @Test
    void headers_keep_the_published_spelling_including_lenght() {
        assertThat(SourceTable.PRODUCTS.header()).contains("product_name_lenght", "product_description_lenght");
        assertThat(SourceTable.ORDERS.headerLine()).startsWith("order_id,customer_id,order_status,");
        assertThat(SourceTable.byFileName("olist_geolocation_dataset.csv")).contains(SourceTable.GEOLOCATION);
        assertThat(SourceTable.values()).hasSize(9);
    }

    @Test
    void a_row_of_the_published_form_satisfies_the_contract() {
        assertThat(SourceTable.ORDER_ITEMS.problemWith(GOOD_ITEM)).isEmpty();
    }

    @Test
    void a_row_with_too_few_fields_is_rejected_with_the_counts() {
        assertThat(SourceTable.ORDER_ITEMS.problemWith(GOOD_ITEM.subList(0, 3)))
                .contains("expected 7 fields, found 3");
    }

    @Test
    void a_non_numeric_price_is_rejected_naming_column_and_value() {
        List<String> row = new java.util.ArrayList<>(GOOD_ITEM);
        row.set(5, "12,50");
        assertThat(SourceTable.ORDER_ITEMS.problemWith(row)).contains("price: not a number, was '12,50'");
    }

    @Test
    void a_missing_key_is_rejected() {
        List<String> row = new java.util.ArrayList<>(GOOD_ITEM);
        row.set(0, "");
        assertThat(SourceTable.ORDER_ITEMS.problemWith(row)).contains("order_id: missing required value");
    }

    @Test
    void re_saved_forms_are_accepted() {
        assertThat(ColumnType.DECIMAL.problemWith("199.0")).isEmpty();
        assertThat(ColumnType.DECIMAL.problemWith("199")).isEmpty();
        assertThat(ColumnType.INTEGER.problemWith("3.0")).isEmpty();
        assertThat(ColumnType.ZIP_PREFIX.problemWith("1037")).isEmpty();
        assertThat(ColumnType.TIMESTAMP.problemWith("2017-10-02 10:56")).isEmpty();
        assertThat(ColumnType.TIMESTAMP.problemWith("2017-10-02")).isEmpty();
        assertThat(ColumnType.TIMESTAMP.problemWith("2017-10-02T10:56:33")).isEmpty();
    }

    @Test
    void impossible_dates_and_malformed_values_are_rejected() {
        assertThat(ColumnType.TIMESTAMP.problemWith("2017-13-45 10:00:00")).isPresent();
        assertThat(ColumnType.TIMESTAMP.problemWith("2017-02-30 10:00:00")).isPresent();
        assertThat(ColumnType.TIMESTAMP.problemWith("02/10/2017 10:56")).isPresent();
        assertThat(ColumnType.DECIMAL.problemWith("1.2.3")).isPresent();
        assertThat(ColumnType.INTEGER.problemWith("two")).isPresent();
        assertThat(ColumnType.ZIP_PREFIX.problemWith("123456")).isPresent();
        assertThat(ColumnType.ZIP_PREFIX.problemWith("12-34")).isPresent();
    }

    @Test
    void an_optional_column_accepts_an_empty_value() {
        assertThat(new SourceColumn("order_approved_at", ColumnType.TIMESTAMP, false).problemWith("")).isEmpty();
    }
}
