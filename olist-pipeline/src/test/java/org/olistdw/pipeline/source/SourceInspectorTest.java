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

    @Test
    void a_symbolic_link_loop_is_reported_as_a_loop_not_as_missing() throws Exception {
        Path file = dir.resolve("olist_sellers_dataset.csv");
        Path other = dir.resolve("other.csv");
        Files.createSymbolicLink(file, other);
        Files.createSymbolicLink(other, file);

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .isInstanceOf(SourceFileProblem.class)
                .hasMessageStartingWith("olist_sellers_dataset.csv in " + dir + " is a symbolic link loop");
    }

    @Test
    void a_symbolic_link_to_nothing_names_its_target() throws Exception {
        Files.createSymbolicLink(dir.resolve("olist_sellers_dataset.csv"), dir.resolve("gone.csv"));

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .hasMessage("olist_sellers_dataset.csv in " + dir + " is a symbolic link to " + dir.resolve("gone.csv")
                        + ", which does not exist");
    }

    @Test
    void a_file_with_cr_only_line_ends_gets_a_short_message_saying_so() throws Exception {
        StringBuilder text = new StringBuilder("seller_id,seller_zip_code_prefix,seller_city,seller_state");
        for (int i = 0; i < 100; i++) {
            text.append('\r').append(i).append(",01037,sao paulo,SP");
        }
        Files.writeString(dir.resolve("olist_sellers_dataset.csv"), text);

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .hasMessage("olist_sellers_dataset.csv: header does not match the contract: the file seems to use"
                        + " CR-only line ends (old Mac); save it with LF or CRLF line ends (found"
                        + " \"seller_id,seller_zip_code_prefix,seller_city,seller_state\\r0,01037,sao paulo,SP"
                        + "\\r1,01037,sao paulo,SP\\r2,01037,sao paulo...\")"); // 57 + 21 + 21 + 18 = 117 characters, then "..."
    }

    @Test
    void a_long_wrong_header_is_quoted_up_to_120_characters() throws Exception {
        Files.writeString(dir.resolve("olist_sellers_dataset.csv"), "x".repeat(500) + "\n");

        assertThatThrownBy(() -> SourceInspector.inspect(SourceTable.SELLERS, dir))
                .hasMessageEndingWith(", found [" + "x".repeat(116) + "...)");
    }
}
