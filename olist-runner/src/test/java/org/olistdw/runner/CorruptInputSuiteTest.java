package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRun;
import org.olistdw.domain.orchestration.QuarantinedRow;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The corrupt-input suite: one small generated sample damaged in one way per variant. For every variant: the exit
 * code, the one line a failure ends with, the previous warehouse byte for byte (SHA-256) when the run fails, the
 * rows quarantined per file, and each file's counts against an independent count: the records of the clean file,
 * counted here, plus the records the damage added or removed, known by construction. The outcome of every variant
 * is written to {@code target/corrupt-input-outcomes.md}.
 *
 * <p>A variant expected to fail runs against a copy of a good published warehouse, which must stay as it was; one
 * expected to publish runs against a warehouse of its own, new: at this sample's size (a few dozen orders a month)
 * a single quarantined row moves a closed month by more than the drift gate's floor, which is that gate's business
 * and tested on its own ({@code PublishGatesTest}), not the load's. The volume variant runs against the good
 * warehouse itself, whose history the volume gate compares with.
 */
class CorruptInputSuiteTest {

    private static final String ORDERS = "olist_orders_dataset.csv";
    private static final String ITEMS = "olist_order_items_dataset.csv";
    private static final String REVIEWS = "olist_order_reviews_dataset.csv";
    private static final String CUSTOMERS = "olist_customers_dataset.csv";
    private static final String SELLERS = "olist_sellers_dataset.csv";

    @TempDir
    static Path work;
    private static Path sample;
    private static Path published;
    private static final Map<String, Long> CLEAN_RECORDS = new LinkedHashMap<>();
    private static final Map<String, String> OUTCOMES = new LinkedHashMap<>();

    @BeforeAll
    static void publishAGoodWarehouse() throws IOException {
        sample = Samples.generate(0.005, 7, work.resolve("sample"));
        published = work.resolve("good.duckdb");
        Cli good = run(sample, published);
        assertThat(good.exitCode()).as(good.toString()).isZero();
        for (SourceTable table : SourceTable.values()) {
            CLEAN_RECORDS.put(table.fileName(), records(Files.readAllBytes(sample.resolve(table.fileName()))));
        }
    }

    @AfterAll
    static void writeTheOutcomes() throws IOException {
        StringBuilder table = new StringBuilder("| variant | exit | outcome |\n|---|---|---|\n");
        OUTCOMES.forEach((variant, outcome) -> table.append("| ").append(variant).append(" | ").append(outcome)
                .append(" |\n"));
        Path target = Path.of("target", "corrupt-input-outcomes.md");
        Files.createDirectories(target.getParent());
        Files.writeString(target, table.toString(), StandardCharsets.UTF_8);
    }

    /** What a variant does to a copy of the sample, and what the run must do about it. */
    record Variant(String name, Damage damage, Expected expected, Damage toWarehouse, boolean onTheGoodWarehouse) {

        Variant(String name, Damage damage, Expected expected) {
            this(name, damage, expected, warehouse -> { }, false);
        }

        Variant(String name, Damage damage, Expected expected, Damage toWarehouse) {
            this(name, damage, expected, toWarehouse, false);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Damages the copy of the sample in a directory, or the copy of the published warehouse. */
    @FunctionalInterface
    interface Damage {
        void apply(Path target) throws IOException;
    }

    /**
     * @param exitCode        the command's exit code
     * @param message         what the last line of the error stream contains when it fails
     * @param quarantined     rows quarantined per file when the run gets that far (files not named: none)
     * @param recordsAdded    records the damage added to a file (negative: removed), for the independent count
     */
    record Expected(int exitCode, Optional<String> message, Map<String, Integer> quarantined,
                    Map<String, Integer> recordsAdded) {

        static Expected fails(String message) {
            return new Expected(ExitCodes.RUN_FAILED, Optional.of(message), Map.of(), Map.of());
        }

        static Expected publishes() {
            return new Expected(ExitCodes.OK, Optional.empty(), Map.of(), Map.of());
        }

        Expected quarantining(String file, int rows) {
            Map<String, Integer> more = new LinkedHashMap<>(quarantined);
            more.put(file, rows);
            return new Expected(exitCode, message, more, recordsAdded);
        }

        Expected adding(String file, int records) {
            Map<String, Integer> more = new LinkedHashMap<>(recordsAdded);
            more.put(file, records);
            return new Expected(exitCode, message, quarantined, more);
        }
    }

    static Stream<Variant> variants() {
        List<Variant> all = new ArrayList<>();
        // whole files
        all.add(new Variant("empty file", dir -> write(dir, ORDERS, ""), Expected.fails(ORDERS + " is empty")));
        all.add(new Variant("missing file", dir -> Files.delete(dir.resolve(SELLERS)),
                Expected.fails("missing source file " + SELLERS)));
        all.add(new Variant("directory instead of file", dir -> {
            Files.delete(dir.resolve(SELLERS));
            Files.createDirectory(dir.resolve(SELLERS));
        }, Expected.fails(SELLERS)));
        all.add(new Variant("wrong file under a right name", dir -> Files.copy(dir.resolve(SELLERS), dir.resolve(ORDERS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING), Expected.fails(ORDERS + ": header does not match")));
        all.add(new Variant("UTF-16 file", dir -> writeBytes(dir, SELLERS,
                read(dir, SELLERS).getBytes(StandardCharsets.UTF_16)), Expected.fails(SELLERS + " is not valid UTF-8")));
        all.add(new Variant("Latin-1 city", dir -> writeBytes(dir, CUSTOMERS, editLine(read(dir, CUSTOMERS), 3,
                line -> field(line, 3, "s\u00e3o paulo")).getBytes(StandardCharsets.ISO_8859_1)),
                Expected.fails(CUSTOMERS + " is not valid UTF-8 at line 4")));
        // headers
        all.add(new Variant("reordered header", dir -> write(dir, SELLERS, editLine(read(dir, SELLERS), 0,
                line -> String.join(",", reversed(line.split(","))))), Expected.fails("columns out of order")));
        all.add(new Variant("extra column", dir -> write(dir, SELLERS, read(dir, SELLERS).replace("\n", ",x\n")),
                Expected.fails("unexpected columns [x]")));
        all.add(new Variant("upper-case header", dir -> write(dir, SELLERS, editLine(read(dir, SELLERS), 0,
                String::toUpperCase)), Expected.fails("missing columns [seller_id")));
        all.add(new Variant("tab-separated file", dir -> write(dir, SELLERS, read(dir, SELLERS).replace(',', '\t')),
                Expected.fails(SELLERS + ": header does not match")));
        all.add(new Variant("byte-order mark", dir -> write(dir, SELLERS, "\ufeff" + read(dir, SELLERS)),
                Expected.publishes()));
        // line ends
        all.add(new Variant("CRLF line ends", dir -> write(dir, SELLERS, read(dir, SELLERS).replace("\n", "\r\n")),
                Expected.publishes()));
        all.add(new Variant("no newline at the end", dir -> write(dir, SELLERS, read(dir, SELLERS).stripTrailing()),
                Expected.publishes()));
        // rows
        all.add(new Variant("one field too many", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> line + ",9")), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("one field too few", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> line.substring(0, line.lastIndexOf(',')))), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("truncated last row", dir -> {
            String items = read(dir, ITEMS);
            write(dir, ITEMS, items.substring(0, items.length() - 20));
        }, Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("header repeated as a row", dir -> {
            String items = read(dir, ITEMS);
            write(dir, ITEMS, items + items.substring(0, items.indexOf('\n') + 1));
        }, Expected.publishes().quarantining(ITEMS, 1).adding(ITEMS, 1)));
        // values
        all.add(new Variant("comma decimal", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> field(line, 5, "\"12,50\""))), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("price 1e309", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> field(line, 5, "1e309"))), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("price below one centavo", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> field(line, 5, "10.005"))), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("negative price", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> field(line, 5, "-5.00"))), Expected.fails("order_items_price_positive")));
        all.add(new Variant("impossible date", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> field(line, 4, "2017-02-30 10:00:00"))), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("other date format", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> field(line, 4, "02/10/2017 10:00"))), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("non-digit zip code", dir -> write(dir, CUSTOMERS, editLine(read(dir, CUSTOMERS), 3,
                line -> field(line, 2, "1a34x"))), Expected.publishes().quarantining(CUSTOMERS, 1)));
        all.add(new Variant("empty key", dir -> write(dir, ITEMS, editLine(read(dir, ITEMS), 4,
                line -> field(line, 0, ""))), Expected.publishes().quarantining(ITEMS, 1)));
        all.add(new Variant("orphan item", dir -> {
            String items = read(dir, ITEMS);
            write(dir, ITEMS, items + field(items.split("\n")[4], 0, "f".repeat(32)) + "\n");
        }, Expected.publishes().adding(ITEMS, 1)));
        all.add(new Variant("10 MB field", dir -> write(dir, REVIEWS, editLine(read(dir, REVIEWS), 3,
                line -> field(line, 4, "x".repeat(10_000_000)))), Expected.publishes().quarantining(REVIEWS, 1)));
        // the record rule and control characters
        all.add(new Variant("NUL byte", dir -> write(dir, REVIEWS, editPlainLine(read(dir, REVIEWS), 3,
                line -> field(line, 3, "bad\0text"))), Expected.publishes().quarantining(REVIEWS, 1)));
        all.add(new Variant("control character", dir -> write(dir, CUSTOMERS, editLine(read(dir, CUSTOMERS), 3,
                line -> field(line, 3, "sao\u0007paulo"))), Expected.publishes().quarantining(CUSTOMERS, 1)));
        all.add(new Variant("unterminated quote", dir -> write(dir, REVIEWS, editPlainLine(read(dir, REVIEWS), 3,
                line -> field(line, 3, "\"oops"))), Expected.publishes().quarantining(REVIEWS, 1)));
        all.add(new Variant("blank lines", dir -> write(dir, ITEMS, read(dir, ITEMS).replaceFirst("\n", "\n\n\n\n")),
                Expected.publishes().quarantining(ITEMS, 3).adding(ITEMS, 3)));
        all.add(new Variant("5 % garbage lines", dir -> {
            String[] lines = read(dir, ITEMS).split("\n", -1);
            for (int i = 20; i < lines.length - 1; i += 20) {
                lines[i] = "z\"q#@!" + lines[i].substring(0, 10);
            }
            write(dir, ITEMS, String.join("\n", lines));
        }, Expected.fails(ITEMS + ": 28 of 574 rows quarantined").quarantining(ITEMS, 28)));
        all.add(new Variant("symbolic link loop", dir -> {
            Files.delete(dir.resolve(SELLERS));
            Files.createSymbolicLink(dir.resolve(SELLERS), dir.resolve("loop"));
            Files.createSymbolicLink(dir.resolve("loop"), dir.resolve(SELLERS));
        }, Expected.fails("symbolic link loop")));
        all.add(new Variant("CR-only line ends", dir -> write(dir, SELLERS, read(dir, SELLERS).replace('\n', '\r')),
                Expected.fails("CR-only")));
        // values the models take and the quality rules judge
        all.add(new Variant("unknown order status", dir -> write(dir, ORDERS, editLine(read(dir, ORDERS), 5,
                line -> field(line, 2, "teleported"))), Expected.publishes()));
        all.add(new Variant("review score 6", dir -> write(dir, REVIEWS, editPlainLine(read(dir, REVIEWS), 3,
                line -> field(line, 2, "6"))), Expected.publishes()));
        // gates before publishing
        all.add(new Variant("header only", dir -> write(dir, ORDERS, read(dir, ORDERS).substring(0,
                read(dir, ORDERS).indexOf('\n') + 1)), Expected.fails(ORDERS + " has 0 rows").adding(ORDERS, -497)));
        all.add(new Variant("orders cut to a fifth", dir -> {
            String[] lines = read(dir, ORDERS).split("\n");
            write(dir, ORDERS, String.join("\n", java.util.Arrays.copyOf(lines, 100)) + "\n");
        }, Expected.fails(ORDERS + " has 99 rows").adding(ORDERS, 99 - 497), warehouse -> { }, true));
        all.add(new Variant("a key repeated with the same values", dir -> {
            String orders = read(dir, ORDERS);
            write(dir, ORDERS, orders + orders.split("\n")[5] + "\n");
        }, Expected.publishes().adding(ORDERS, 1)));
        all.add(new Variant("a key repeated with other values", dir -> {
            String orders = read(dir, ORDERS);
            String line = orders.split("\n")[5];
            write(dir, ORDERS, orders + field(line, 2, line.contains("delivered") ? "canceled" : "delivered") + "\n");
        }, Expected.fails("raw_orders_no_conflicting_keys").adding(ORDERS, 1)));
        all.add(new Variant("every line of the items file twice", dir -> {
            String items = read(dir, ITEMS);
            write(dir, ITEMS, items + items.substring(items.indexOf('\n') + 1));
        }, Expected.publishes().adding(ITEMS, 574)));
        // the published warehouse
        all.add(new Variant("foreign write-ahead log beside the warehouse", dir -> { }, Expected.fails("olist rollback"),
                CorruptInputSuiteTest::foreignWriteAheadLog));
        return all.stream();
    }

    /** Leaves beside {@code warehouse} the write-ahead log of another database, as a crashed writer would. */
    private static void foreignWriteAheadLog(Path warehouse) throws IOException {
        Path other = warehouse.resolveSibling("other-" + warehouse.getFileName());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + other); Statement s = c.createStatement()) {
            s.execute("create table notes (note varchar)");
            s.execute("checkpoint");
            s.execute("pragma disable_checkpoint_on_shutdown");
            s.execute("insert into notes values ('never checkpointed')");
        } catch (SQLException e) {
            throw new IOException("cannot make a write-ahead log", e);
        }
        Files.copy(other.resolveSibling(other.getFileName() + ".wal"),
                warehouse.resolveSibling(warehouse.getFileName() + ".wal"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void each_variant_ends_as_expected_and_loses_nothing(Variant variant) throws IOException {
        Path dir = TestStores.copyOfSample(sample, work, variant.name().replaceAll("[^a-zA-Z0-9]+", "-"));
        variant.damage().apply(dir);
        Path warehouse = variant.onTheGoodWarehouse() ? published : work.resolve(dir.getFileName() + ".duckdb");
        boolean failing = variant.expected().exitCode() != ExitCodes.OK;
        if (failing && !variant.onTheGoodWarehouse()) {
            Files.copy(published, warehouse);
        }
        variant.toWarehouse().apply(warehouse);
        String before = failing ? sha256(warehouse) : "";
        long runsBefore = lastRun().id().value();

        Cli cli = run(dir, warehouse);

        Expected expected = variant.expected();
        String last = lastLine(cli.err());
        OUTCOMES.put(variant.name(), cli.exitCode() + " | " + (cli.exitCode() == 0 ? "published" + quarantineNote()
                : last.replace("|", "\\|")));
        assertThat(cli.exitCode()).as(cli.toString()).isEqualTo(expected.exitCode());
        PipelineRun run = lastRun();
        assertThat(run.id().value()).as("the run is recorded").isGreaterThan(runsBefore);
        if (expected.exitCode() != ExitCodes.OK) {
            assertThat(last).as(cli.toString()).startsWith("olist: ").contains(expected.message().orElseThrow());
            assertThat(last).as("one line of at most 600 characters after its prefix").hasSizeLessThan(640);
            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(sha256(warehouse)).as("the previous warehouse, byte for byte").isEqualTo(before);
        } else {
            assertThat(run.status()).isEqualTo(RunStatus.SUCCESS);
        }
        List<DataLoad> loads = TestStores.ops().pipelineRuns().loads(run.id());
        List<QuarantinedRow> quarantine = TestStores.ops().pipelineRuns().quarantine(run.id());
        for (DataLoad load : loads) {
            long independent = CLEAN_RECORDS.get(load.sourceFile())
                    + expected.recordsAdded().getOrDefault(load.sourceFile(), 0);
            assertThat(load.rowsRead()).as("records of " + load.sourceFile()).isEqualTo(independent);
            assertThat(load.rowsLoaded() + load.rowsQuarantined()).as("loaded + quarantined of " + load.sourceFile())
                    .isEqualTo(load.rowsRead());
            assertThat(load.rowsQuarantined()).as("quarantined of " + load.sourceFile())
                    .isEqualTo(expected.quarantined().getOrDefault(load.sourceFile(), 0).longValue());
            assertThat(quarantine.stream().filter(row -> row.sourceFile().equals(load.sourceFile())).count())
                    .as("quarantined rows recorded for " + load.sourceFile()).isEqualTo(load.rowsQuarantined());
        }
        quarantine.forEach(row -> assertThat(row.lineNumber()).isPositive());
        quarantine.forEach(row -> assertThat(row.reason()).isNotBlank());
    }

    private static String quarantineNote() {
        PipelineRun run = lastRun();
        List<QuarantinedRow> rows = TestStores.ops().pipelineRuns().quarantine(run.id());
        if (rows.isEmpty()) {
            return "";
        }
        QuarantinedRow first = rows.get(0);
        String reason = first.reason().length() > 90 ? first.reason().substring(0, 87) + "..." : first.reason();
        return "; " + rows.size() + " quarantined (" + first.sourceFile() + " line " + first.lineNumber() + ": "
                + reason.replace("|", "\\|") + ")";
    }

    /**
     * The records of a CSV file after its header, read here by RFC 4180 alone: a line break inside quotes does
     * not end a record, an empty last line is not one.
     */
    static long records(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        long records = 0;
        boolean quoted = false;
        boolean empty = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                empty = false;
            } else if (c == '\n' && !quoted) {
                records++;
                empty = true;
            } else if (c != '\r') {
                empty = false;
            }
        }
        if (!empty) {
            records++;
        }
        return records - 1;
    }

    private static Cli run(Path source, Path warehouse) {
        return Cli.run(EndToEndTest.args("run", "--source", source.toString(), "--warehouse", warehouse.toString(),
                "--work-dir", work.toString()));
    }

    private static PipelineRun lastRun() {
        return TestStores.ops().pipelineRuns().recent(1).get(0);
    }

    private static String read(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path dir, String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    private static void writeBytes(Path dir, String file, byte[] bytes) throws IOException {
        Files.write(dir.resolve(file), bytes);
    }

    /** The text with its line {@code index} (0 is the header) replaced. */
    private static String editLine(String text, int index, UnaryOperator<String> edit) {
        String[] lines = text.split("\n", -1);
        lines[index] = edit.apply(lines[index]);
        return String.join("\n", lines);
    }

    /**
     * The text with its first line from {@code index} on that is a whole record with no comma inside quotes (as
     * many fields as the header, quotes paired) replaced.
     */
    private static String editPlainLine(String text, int index, UnaryOperator<String> edit) {
        String[] lines = text.split("\n", -1);
        int plain = index;
        while (lines[plain].chars().filter(c -> c == '"').count() % 2 != 0
                || lines[plain].split(",", -1).length != lines[0].split(",", -1).length) {
            plain++;
        }
        return editLine(text, plain, edit);
    }

    /** The CSV line with its field {@code index} replaced (the line has no quoted commas before it). */
    private static String field(String line, int index, String value) {
        String[] fields = line.split(",", -1);
        fields[index] = value;
        return String.join(",", fields);
    }

    private static String[] reversed(String[] values) {
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[values.length - 1 - i];
        }
        return out;
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
