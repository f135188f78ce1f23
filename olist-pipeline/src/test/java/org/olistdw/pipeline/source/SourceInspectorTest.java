package org.olistdw.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceInspectorTest {

    @TempDir
    Path dir;

    @Test
    void a_quoted_header_with_a_byte_order_mark_and_crlf_matches_the_contract() throws Exception {
        byte[] bytes = "\uFEFF\"product_category_name\",\"product_category_name_english\"\r\nbeleza_saude,health_beauty"
                .getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("product_category_name_translation.csv"), bytes);

        SourceFile file = SourceInspector.inspect(SourceTable.CATEGORY_TRANSLATION, dir);

        assertThat(file.header()).containsExactly("product_category_name", "product_category_name_english");
        assertThat(file.sizeBytes()).isEqualTo(bytes.length);
        assertThat(file.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void a_missing_file_is_named() {
        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.ORDERS, dir))
                .isInstanceOf(SourceFileProblem.class)
                .hasMessageStartingWith("missing source file olist_orders_dataset.csv in ");
    }

    @Test
    void a_renamed_column_is_reported_as_missing_and_unexpected() throws Exception {
        Files.writeString(dir.resolve("olist_sellers_dataset.csv"),
                "seller_id,seller_zip_code,seller_city,seller_state\n1,01037,sao paulo,SP\n");

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .hasMessage("olist_sellers_dataset.csv: header does not match the contract;"
                        + " missing columns [seller_zip_code_prefix]; unexpected columns [seller_zip_code]"
                        + " (expected [seller_id, seller_zip_code_prefix, seller_city, seller_state],"
                        + " found [seller_id, seller_zip_code, seller_city, seller_state])");
    }

    @Test
    void columns_out_of_order_are_reported() throws Exception {
        Files.writeString(dir.resolve("olist_sellers_dataset.csv"),
                "seller_zip_code_prefix,seller_id,seller_city,seller_state\n");

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .hasMessageContaining("columns out of order");
    }

    @Test
    void latin1_bytes_are_reported_with_the_line() throws Exception {
        byte[] header = "seller_id,seller_zip_code_prefix,seller_city,seller_state\n1,01037,s".getBytes(StandardCharsets.UTF_8);
        byte[] rest = new byte[] {(byte) 0xE3, 'o', ',', 'S', 'P', '\n'};
        byte[] all = new byte[header.length + rest.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(rest, 0, all, header.length, rest.length);
        Files.write(dir.resolve("olist_sellers_dataset.csv"), all);

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .hasMessage("olist_sellers_dataset.csv is not valid UTF-8 at line 2 (save it as UTF-8)");
    }

    @Test
    void an_empty_file_is_rejected() throws Exception {
        Files.write(dir.resolve("olist_sellers_dataset.csv"), new byte[0]);

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .hasMessageContaining("is empty");
    }
}
