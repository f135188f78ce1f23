package org.olistdw.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.source.SourceTable;

class SampleDataGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void same_seed_gives_the_same_bytes() throws IOException {
        new SampleDataGenerator(0.01, 7).generate(dir.resolve("a"), GenerationProgress.none());
        new SampleDataGenerator(0.01, 7).generate(dir.resolve("b"), GenerationProgress.none());

        for (SourceTable table : SourceTable.values()) {
            assertThat(Files.mismatch(dir.resolve("a").resolve(table.fileName()), dir.resolve("b").resolve(table.fileName())))
                    .as(table.fileName())
                    .isEqualTo(-1L);
        }
    }

    @Test
    void a_different_seed_gives_different_data_but_the_same_translations() throws IOException {
        new SampleDataGenerator(0.01, 7).generate(dir.resolve("a"), GenerationProgress.none());
        new SampleDataGenerator(0.01, 8).generate(dir.resolve("b"), GenerationProgress.none());

        for (SourceTable table : SourceTable.values()) {
            long mismatch = Files.mismatch(dir.resolve("a").resolve(table.fileName()), dir.resolve("b").resolve(table.fileName()));
            if (table == SourceTable.CATEGORY_TRANSLATION) {
                assertThat(mismatch).as(table.fileName()).isEqualTo(-1L);
            } else {
                assertThat(mismatch).as(table.fileName()).isNotEqualTo(-1L);
            }
        }
    }

    @Test
    void writes_the_nine_files_with_their_published_names_creating_the_directory() throws IOException {
        Path out = dir.resolve("not/yet/there");

        new SampleDataGenerator(0.005, 1).generate(out, GenerationProgress.none());

        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(SourceTable.values()).map(SourceTable::fileName).toList());
        }
    }

    @Test
    void reports_every_file_once_and_sums_rows_and_bytes() throws IOException {
        List<SourceTable> reported = new ArrayList<>();
        GenerationSummary summary = new SampleDataGenerator(0.01, 3)
                .generate(dir, (table, rows, took) -> {
                    reported.add(table);
                    assertThat(took).isPositive();
                });

        assertThat(reported).containsExactlyInAnyOrder(SourceTable.values());
        assertThat(summary.rowsPerFile()).containsOnlyKeys(SourceTable.values());
        long bytes = 0;
        for (SourceTable table : SourceTable.values()) {
            bytes += Files.size(dir.resolve(table.fileName()));
            List<List<String>> records = Rfc4180Reader.read(dir.resolve(table.fileName()));
            assertThat(summary.rowsPerFile().get(table)).as(table.fileName()).isEqualTo(records.size() - 1L);
        }
        assertThat(summary.bytes()).isEqualTo(bytes);
        assertThat(summary.totalRows()).isEqualTo(summary.rowsPerFile().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void rows_of_a_multi_line_review_count_once() throws IOException {
        GenerationSummary summary = new SampleDataGenerator(0.01, 3).generate(dir, GenerationProgress.none());

        long lines = Files.readString(dir.resolve(SourceTable.ORDER_REVIEWS.fileName())).lines().count();
        assertThat(summary.rowsPerFile().get(SourceTable.ORDER_REVIEWS)).isLessThan(lines - 1);
    }

    @Test
    void rejects_a_scale_that_is_not_a_positive_number() {
        for (double scale : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> new SampleDataGenerator(scale, 1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("scale must be");
        }
    }

    @Test
    void even_a_tiny_sample_has_the_rare_quirks() throws IOException {
        GeneratedSample sample = GeneratedSample.generate(0.003, 11, dir);

        assertThat(sample.rows(SourceTable.ORDERS)).hasSize(298);
        assertThat(sample.distinct(SourceTable.ORDER_PAYMENTS, "order_id")).hasSize(297);
        assertThat(sample.column(SourceTable.ORDER_PAYMENTS, "payment_sequential")).contains("29");
        assertThat(sample.column(SourceTable.ORDER_PAYMENTS, "payment_type")).contains("not_defined");
        assertThat(sample.column(SourceTable.ORDER_PAYMENTS, "payment_installments")).contains("0");
        assertThat(sample.column(SourceTable.ORDER_ITEMS, "shipping_limit_date")).anyMatch(d -> d.startsWith("2020-"));
        assertThat(sample.column(SourceTable.PRODUCTS, "product_category_name"))
                .contains("", Categories.PC_GAMER, Categories.KITCHEN_PORTABLES);
        assertThat(sample.column(SourceTable.PRODUCTS, "product_weight_g")).contains("", "0");
        assertThat(sample.column(SourceTable.ORDER_REVIEWS, "review_comment_message")).anyMatch(m -> m.contains("\n"));
    }
}
