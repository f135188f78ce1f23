package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.olistdw.analytics.duckdb.Builds.lines;
import static org.olistdw.analytics.duckdb.Builds.query;
import static org.olistdw.analytics.duckdb.Builds.write;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.pipeline.source.SourceTable;
import org.olistdw.pipeline.build.LoadResult;

/** Loading source files into a real DuckDB build: raw layout, lineage, quarantine, reconciliation. */
class RawLoadTest {

    private static final String ITEMS_HEADER =
            "order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value";

    @TempDir
    Path directory;

    private DuckDbBuild build;
    private final List<QuarantinedRow> quarantined = new ArrayList<>();

    @BeforeEach
    void startBuild() {
        build = Builds.newBuild(Builds.warehouse(directory, "models/chain"), 7);
    }

    @AfterEach
    void discardBuild() {
        build.close();
    }

    private LoadResult load(SourceTable table, String fileText) {
        return build.raw().load(table, write(directory, table.fileName(), fileText), quarantined::add);
    }

    private List<List<Object>> query(String sql) {
        return Builds.query(build.connection(), sql);
    }

    @Test
    void every_source_table_has_the_lineage_columns_then_its_header_as_text() {
        for (SourceTable table : SourceTable.values()) {
            List<List<Object>> columns = query("select column_name, data_type from information_schema.columns"
                    + " where table_schema = 'raw' and table_name = '" + table.tableName() + "' order by ordinal_position");

            List<List<Object>> expected = new ArrayList<>(List.of(
                    List.of("_run_id", "BIGINT"), List.of("_source_file", "VARCHAR"), List.of("_source_line", "BIGINT")));
            table.header().forEach(column -> expected.add(List.of(column, "VARCHAR")));
            assertThat(columns).as(table.tableName()).isEqualTo(expected);
        }
        assertThat(query("select column_name, data_type from information_schema.columns"
                + " where table_schema = 'raw' and table_name = 'quarantine' order by ordinal_position"))
                .containsExactly(List.of("_run_id", "BIGINT"), List.of("source_file", "VARCHAR"),
                        List.of("line_number", "BIGINT"), List.of("raw_text", "VARCHAR"), List.of("reason", "VARCHAR"));
        assertThat(query("select schema_name from information_schema.schemata where catalog_name = current_database()"
                + " order by schema_name"))
                .flatExtracting(row -> row)
                .contains("raw", "staging", "intermediate", "core", "mart");
        assertThat(query("select column_name, data_type from information_schema.columns"
                + " where table_schema = 'raw' and table_name = 'build' order by ordinal_position"))
                .containsExactly(List.of("run_id", "BIGINT"), List.of("as_of", "TIMESTAMP"));
        assertThat(query("select table_name from information_schema.tables where table_schema = 'raw'"
                + " and table_name like 'previous_%' order by table_name"))
                .containsExactly(List.of("previous_dim_customer"), List.of("previous_dim_product"),
                        List.of("previous_dim_seller"));
        assertThat(query("select column_name, data_type from information_schema.columns"
                + " where table_schema = 'raw' and table_name = 'published_month_figures' order by ordinal_position"))
                .containsExactly(List.of("month", "DATE"), List.of("orders", "BIGINT"),
                        List.of("revenue", "DECIMAL(18,2)"), List.of("gross_merchandise_value", "DECIMAL(18,2)"),
                        List.of("customers", "BIGINT"), List.of("active_sellers", "BIGINT"));
        assertThat(query("select column_name, data_type from information_schema.columns"
                + " where table_schema = 'raw' and table_name = 'published_month_sources' order by ordinal_position"))
                .containsExactly(List.of("month", "DATE"), List.of("history_fingerprint", "HUGEINT"),
                        List.of("lifecycle_fingerprint", "HUGEINT"));
        assertThat(query("select column_name, data_type from information_schema.columns"
                + " where table_schema = 'raw' and table_name in ('affected_orders', 'affected_customers')"
                + " order by table_name, ordinal_position"))
                .containsExactly(List.of("customer_id", "VARCHAR"), List.of("order_id", "VARCHAR"),
                        List.of("lines_only", "BOOLEAN"));
        assertThat(query("select count(*) from information_schema.tables where table_schema = 'raw'"))
                .as("9 sources, quarantine, build, 3 dimension histories, the published month figures and sources,"
                        + " and the orders and customers touched by changed keys")
                .containsExactly(List.of(18L));
    }

    @Test
    void the_build_runs_with_the_configured_memory_threads_spill_directory_and_no_insertion_order() {
        assertThat(build.setting("memory_limit")).isEqualTo("1.0 GiB");
        assertThat(build.setting("threads")).isEqualTo("2");
        assertThat(build.setting("temp_directory")).isEqualTo(directory.resolve("spill").toAbsolutePath().toString());
        assertThat(build.setting("preserve_insertion_order")).isEqualTo("false");
    }

    @Test
    void a_clean_file_loads_every_row_with_the_line_where_it_starts() {
        String text = lines(
                "review_id,order_id,review_score,review_comment_title,review_comment_message,review_creation_date,"
                        + "review_answer_timestamp",
                "7bc2406110b926393aa56f80a40eba40,73fc7af87114b39712e6da79b0a377eb,4,,,2018-01-18 00:00:00,"
                        + "2018-01-18 21:46:59",
                "\"80e641a11e56f04c1ad469d5645fdfde\",\"a548910a1c6147796b98fdf73dbeba33\",5,\"Ótimo\","
                        + "\"Recebi bem antes do prazo, \"\"perfeito\"\"\nRecomendo\r\nmuito\",2018-03-10 00:00:00,"
                        + "2018-03-11 03:05:13",
                "228ce5500dc1d8e020d8d1322874b6f0,f9e4b658b201a9f2ecdecbb34bed034b,5,,,2018-02-17 00:00:00,"
                        + "2018-02-18 14:36:24");

        LoadResult result = load(SourceTable.ORDER_REVIEWS, text);

        assertThat(result).isEqualTo(new LoadResult(3, 3, 0));
        assertThat(quarantined).isEmpty();
        assertThat(query("select _run_id, _source_file, _source_line, review_id, review_score, review_comment_title"
                + " from raw.order_reviews order by _source_line")).containsExactly(
                Arrays.asList(7L, "olist_order_reviews_dataset.csv", 2L, "7bc2406110b926393aa56f80a40eba40", "4", null),
                Arrays.asList(7L, "olist_order_reviews_dataset.csv", 3L, "80e641a11e56f04c1ad469d5645fdfde", "5",
                        "Ótimo"),
                Arrays.asList(7L, "olist_order_reviews_dataset.csv", 6L, "228ce5500dc1d8e020d8d1322874b6f0", "5",
                        null));
        assertThat(query("select review_comment_message from raw.order_reviews where _source_line = 3"))
                .containsExactly(List.of("Recebi bem antes do prazo, \"perfeito\"\nRecomendo\r\nmuito"));
        assertThat(query("select count(*) from raw.order_reviews where review_comment_message is null"))
                .containsExactly(List.of(2L));
    }

    @Test
    void a_file_with_a_byte_order_mark_crlf_line_ends_and_no_final_line_end_loads() {
        String text = "\uFEFFproduct_category_name,product_category_name_english\r\n"
                + "beleza_saude,health_beauty\r\n"
                + "informatica_acessorios,computers_accessories\r\n"
                + "pc_gamer,";

        LoadResult result = load(SourceTable.CATEGORY_TRANSLATION, text);

        assertThat(result).isEqualTo(new LoadResult(3, 3, 0));
        assertThat(query("select _source_line, product_category_name, product_category_name_english"
                + " from raw.category_translation order by _source_line")).containsExactly(
                List.of(2L, "beleza_saude", "health_beauty"),
                List.of(3L, "informatica_acessorios", "computers_accessories"),
                Arrays.asList(4L, "pc_gamer", null));
    }

    @Test
    void rows_that_break_the_contract_go_to_quarantine_with_file_line_text_and_reason() {
        String truncated = "00e7ee1b050b8499577073aeb2a297a1,1,4244733e06e7ecb4970a6e2683c13e61,"
                + "48436dade18ac8b2bce089ec2a041202,2017-09-19 09:45:35";
        String nonNumericPrice = "00048cc3ae777c65dbb7d2a0634bc1ea,1,ef92defde845ab8450f9d70c526ef70f,"
                + "6426d21aca402a131fc0a5d0960a3c90,2017-05-23 03:55:27,abc,19.93";
        String invalidDate = "00054e8431b9d7675808bcb819fb4a32,1,8d4f2bb7e93e6710a28f34fa83ee7d28,"
                + "7040e82f899a04d1b434b795a43b4617,2018-02-30 10:00:00,19.90,11.85";
        String missingKey = "000576fe39319847cbb9d288c5617fa6,1,,5996cddab893a4652a15592fb58ab8db,"
                + "2018-07-10 12:30:45,810.00,70.75";
        String unterminated = "0005a1a1728c9d785b8e2b08b904576c,1,\"310ae3c140ff94b03219ad0adc3c778f,"
                + "a416b6a846a11724393025641d4edd5e,2018-03-26 18:31:29,145.95,11.65";
        String text = lines(ITEMS_HEADER,
                "00010242fe8c5a6d1ba2dd792cb16214,1,4244733e06e7ecb4970a6e2683c13e61,"
                        + "48436dade18ac8b2bce089ec2a041202,2017-09-19 09:45:35,58.90,13.29",
                truncated,
                nonNumericPrice,
                invalidDate,
                missingKey,
                "00018f77f2f0320c557190d7a144bdd3,1,e5f2d52b802189ee658865ca93d83a8f,"
                        + "dd7ddc04e1b6c2c614352b383efe2d36,2017-05-03 11:05:13,239.9,19.93",
                unterminated,
                "000229ec398224ef6ca0657da4fc703e,1,c777355d18b72b67abbeef9df44fd0fd,"
                        + "5b51032eddd242adc84c38acab88f23d,2018-01-18 14:48:30,199,17.87");

        LoadResult result = load(SourceTable.ORDER_ITEMS, text);

        assertThat(result).isEqualTo(new LoadResult(8, 3, 5));
        assertThat(result.reconciles()).isTrue();
        String file = "olist_order_items_dataset.csv";
        assertThat(quarantined).containsExactly(
                new QuarantinedRow(file, 3, truncated, "expected 7 fields, found 5"),
                new QuarantinedRow(file, 4, nonNumericPrice, "price: not a number, was 'abc'"),
                new QuarantinedRow(file, 5, invalidDate,
                        "shipping_limit_date: not a valid timestamp (expected YYYY-MM-DD HH:MM:SS),"
                                + " was '2018-02-30 10:00:00'"),
                new QuarantinedRow(file, 6, missingKey, "product_id: missing required value"),
                new QuarantinedRow(file, 8, unterminated,
                        "product_id: unterminated quoted field (the quote opens on line 8)"));
        assertThat(query("select _run_id, source_file, line_number, raw_text, reason from raw.quarantine"
                + " order by line_number"))
                .containsExactlyElementsOf(quarantined.stream()
                        .map(q -> List.<Object>of(7L, q.sourceFile(), q.lineNumber(), q.rawText(), q.reason()))
                        .toList());
        assertThat(query("select _source_line, price from raw.order_items order by _source_line"))
                .containsExactly(List.of(2L, "58.90"), List.of(7L, "239.9"), List.of(9L, "199"));
    }

    @Test
    void a_blank_line_inside_the_file_is_quarantined_but_blank_lines_at_the_end_are_not_rows() {
        String text = "seller_id,seller_zip_code_prefix,seller_city,seller_state\n"
                + "3442f8959a84dea7ee197c632cb2df15,13023,campinas,SP\n"
                + "\n"
                + "d1b65fc7debc3361ea86b5f14c68d2e2,13844,mogi guacu,SP\n"
                + "\n"
                + "\n";

        LoadResult result = load(SourceTable.SELLERS, text);

        assertThat(result).isEqualTo(new LoadResult(3, 2, 1));
        assertThat(quarantined).containsExactly(new QuarantinedRow("olist_sellers_dataset.csv", 3, "",
                "blank line: expected 4 fields, found none"));
    }

    @Test
    void rows_read_always_equal_rows_loaded_plus_rows_quarantined() {
        String header = "geolocation_zip_code_prefix,geolocation_lat,geolocation_lng,geolocation_city,geolocation_state";
        String text = Stream.iterate(0, i -> i + 1).limit(2_000)
                .map(i -> i % 97 == 0 ? "01037,not-a-latitude,-46.6,sao paulo,SP"
                        : i % 89 == 0 ? "01037,-23.5" : "0" + (1000 + i % 9000) + ",-23.54,-46.63,sao paulo,SP")
                .collect(Collectors.joining("\n", header + "\n", ""));
        // 0..1999: multiples of 97 -> 21 bad latitudes; multiples of 89 but not 97 -> 23 - 1 (0) = 22 truncated
        LoadResult result = load(SourceTable.GEOLOCATION, text);

        assertThat(result).isEqualTo(new LoadResult(2_000, 2_000 - 21 - 22, 21 + 22));
        assertThat(build.rowCount("raw.geolocation")).isEqualTo(result.rowsLoaded());
        assertThat(build.rowCount("raw.quarantine")).isEqualTo(result.rowsQuarantined());
        assertThat(query("select min(_source_line), max(_source_line) from raw.geolocation"))
                .containsExactly(List.of(3L, 2001L));
    }

    @Test
    void a_file_with_only_its_header_loads_nothing() {
        assertThat(load(SourceTable.ORDERS, lines(String.join(",", SourceTable.ORDERS.header()))))
                .isEqualTo(new LoadResult(0, 0, 0));
    }

    @Test
    void two_files_load_side_by_side_each_into_its_own_table() {
        load(SourceTable.SELLERS, lines("seller_id,seller_zip_code_prefix,seller_city,seller_state",
                "3442f8959a84dea7ee197c632cb2df15,13023,campinas,SP"));
        load(SourceTable.CUSTOMERS, lines("customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,"
                        + "customer_state",
                "06b8999e2fba1a1fbc88172c00ba8bc7,861eff4711a542e4b93843c6dd7febb0,14409,franca,SP",
                "18955e83d337fd6b2def6b18a428ac77,290c77bc529b7ac935b93aa66c333dc3,9790,sao bernardo do campo,SP"));

        assertThat(build.rowCount("raw.sellers")).isEqualTo(1);
        assertThat(build.rowCount("raw.customers")).isEqualTo(2);
        assertThat(query("select customer_zip_code_prefix from raw.customers order by _source_line"))
                .containsExactly(List.of("14409"), List.of("9790"));
    }

    @Test
    void rows_staged_in_many_small_batches_all_arrive_with_their_lines() {
        String header = SourceTable.SELLERS.headerLine();
        String text = Stream.iterate(1, i -> i + 1).limit(1_000)
                .map(i -> i % 10 == 0 ? "seller-" + i + ",not-a-zip,city,SP" : "seller-" + i + ",13023,campinas,SP")
                .collect(Collectors.joining("\n", header + "\n", "\n"));
        Path file = write(directory, "sellers.csv", text);

        LoadResult result = new RawLoader(build.connection(), new org.olistdw.domain.orchestration.RunId(7), 7)
                .load(SourceTable.SELLERS, file, quarantined::add);

        // row i (1..1000) is on line i + 1; every tenth row (100 of them) has a bad zip prefix. Lines of the
        // good rows: (2 + ... + 1001) - (11 + 21 + ... + 1001) = 501,500 - 50,600 = 450,900.
        assertThat(result).isEqualTo(new LoadResult(1_000, 900, 100));
        assertThat(query("select count(*), count(distinct _source_line), min(_source_line), max(_source_line),"
                + " sum(_source_line)::bigint from raw.sellers"))
                .containsExactly(List.of(900L, 900L, 2L, 1_000L, 450_900L));
        assertThat(query("select count(*), min(line_number), max(line_number) from raw.quarantine"))
                .containsExactly(List.of(100L, 11L, 1_001L));
        assertThat(quarantined).extracting(QuarantinedRow::lineNumber).isSorted();
    }

    @Test
    void a_file_that_cannot_be_read_fails_the_load_and_the_build_can_no_longer_be_published() {
        Path missing = directory.resolve("no-such-file.csv");

        assertThatThrownBy(() -> build.raw().load(SourceTable.ORDERS, missing, quarantined::add))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no-such-file.csv");
        assertThatThrownBy(build::publish)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be published")
                .hasMessageContaining("olist_orders_dataset.csv");
    }

    @Test
    void a_quarantine_consumer_that_fails_stops_the_load_and_the_build_can_no_longer_be_published() {
        String text = lines(ITEMS_HEADER, "00010242fe8c5a6d1ba2dd792cb16214,1,,x,2017-09-19 09:45:35,58.90,13.29");
        Path file = write(directory, "items.csv", text);

        assertThatThrownBy(() -> build.raw().load(SourceTable.ORDER_ITEMS, file, row -> {
            throw new IllegalStateException("operational store unavailable");
        })).hasMessageContaining("operational store unavailable");
        assertThatThrownBy(build::publish).isInstanceOf(IllegalStateException.class);
    }
}
