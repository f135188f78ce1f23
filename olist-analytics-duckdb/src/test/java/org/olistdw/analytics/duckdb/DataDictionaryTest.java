package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps {@code docs/data-dictionary.md} true: it documents every table of the raw, staging, intermediate,
 * core and mart schemas of a build with every model, each with a Grain line and every column in table
 * order with the type {@code information_schema.columns.data_type} reports and a description.
 *
 * <p>The dictionary's format, as parsed here: a section per table headed {@code ### schema.table}; in it
 * a line {@code Grain: ...} and a markdown table {@code | column | type | description |} with one row per
 * column (backticks around names and types are allowed; a literal pipe in a description is written
 * {@code \|}). Any other heading ends the section.
 */
class DataDictionaryTest {

    static final String DICTIONARY = "docs/data-dictionary.md";

    @TempDir
    Path directory;

    @Test
    void the_dictionary_documents_every_table_and_column_of_the_warehouse_with_its_type() {
        Map<String, List<WarehouseColumn>> warehouse;
        try (DuckDbBuild build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1)) {
            Builds.loadAndBuildAll(build, Builds.starFixture());
            warehouse = warehouseColumns(build);
        }
        Path file = findDictionary();
        Dictionary dictionary = Dictionary.parse(read(file));

        List<String> differences = differences(dictionary, warehouse);

        assertThat(warehouse).as("tables in the warehouse").isNotEmpty();
        assertThat(differences)
                .withFailMessage(() -> differences.size() + " difference(s) between " + file
                        + " and the warehouse built from every model; fix the dictionary:\n  - "
                        + String.join("\n  - ", differences))
                .isEmpty();
    }

    @Test
    void a_wrong_dictionary_is_reported_table_by_table_and_column_by_column() {
        Map<String, List<WarehouseColumn>> warehouse = new LinkedHashMap<>();
        warehouse.put("core.fact_orders", List.of(
                new WarehouseColumn("order_id", "VARCHAR"),
                new WarehouseColumn("customer_key", "BIGINT"),
                new WarehouseColumn("is_late", "BOOLEAN"),
                new WarehouseColumn("items_price", "DECIMAL(18,2)")));
        warehouse.put("core.dim_date", List.of(new WarehouseColumn("date_key", "INTEGER")));
        warehouse.put("mart.mart_payment_mix", List.of(new WarehouseColumn("payment_type", "VARCHAR")));
        String markdown = String.join("\n",
                "# Data dictionary",
                "",
                "## Glossary",
                "",
                "| term | meaning |",
                "|---|---|",
                "| GMV | item prices |",
                "",
                "### core.fact_orders",
                "",
                "Grain: one row per order.",
                "",
                "| column | type | description |",
                "|---|---|---|",
                "| `order_id` | `VARCHAR` | the order |",
                "| is_late | VARCHAR | delivered after the estimate \\| or not |",
                "| customer_key | BIGINT | the person's version |",
                "| unused | INTEGER | not in the warehouse |",
                "",
                "### core.dim_date",
                "",
                "| column | type | description |",
                "|---|---|---|",
                "| date_key | INTEGER |  |",
                "",
                "### core.dim_gone",
                "",
                "Grain: one row per nothing.",
                "",
                "| column | type | description |",
                "|---|---|---|",
                "| x | INTEGER | x |",
                "");

        Dictionary dictionary = Dictionary.parse(markdown);

        assertThat(dictionary.sections()).containsOnlyKeys("core.fact_orders", "core.dim_date", "core.dim_gone");
        assertThat(dictionary.sections().get("core.fact_orders").columns())
                .extracting(DocumentedColumn::name, DocumentedColumn::type, DocumentedColumn::description)
                .containsExactly(
                        tuple("order_id", "VARCHAR", "the order"),
                        tuple("is_late", "VARCHAR", "delivered after the estimate | or not"),
                        tuple("customer_key", "BIGINT", "the person's version"),
                        tuple("unused", "INTEGER", "not in the warehouse"));
        assertThat(differences(dictionary, warehouse)).containsExactlyInAnyOrder(
                "mart.mart_payment_mix: table missing from the dictionary; add a section '### mart.mart_payment_mix'",
                "core.dim_gone: documented (line 26) but not in the warehouse; remove its section",
                "core.dim_date: no 'Grain: ...' line (section at line 20)",
                "core.dim_date: column date_key has no description (line 24)",
                "core.fact_orders: column items_price (DECIMAL(18,2)) missing from the dictionary; add it after is_late",
                "core.fact_orders: column unused documented (line 18) but not in the warehouse; remove it",
                "core.fact_orders: column is_late documented as VARCHAR, warehouse has BOOLEAN (line 16)",
                "core.fact_orders: columns out of order: documented is_late at position 2 where the warehouse has"
                        + " customer_key; warehouse order: order_id, customer_key, is_late, items_price");
    }

    @Test
    void a_section_with_a_malformed_column_table_is_reported() {
        Dictionary dictionary = Dictionary.parse(String.join("\n",
                "### staging.stg_orders",
                "Grain:",
                "| name | type |",
                "|---|---|",
                "| order_id | VARCHAR |",
                "### staging.stg_orders",
                "Grain: again."));

        assertThat(differences(dictionary, Map.of("staging.stg_orders", List.of(
                new WarehouseColumn("order_id", "VARCHAR"))))).containsExactlyInAnyOrder(
                "staging.stg_orders: column table header must be '| column | type | description |' (line 3)",
                "staging.stg_orders: row must have 3 cells (column, type, description), has 2 (line 5)",
                "staging.stg_orders: documented twice (lines 1 and 6); keep one section",
                "staging.stg_orders: empty Grain line (section at line 1)",
                "staging.stg_orders: column order_id (VARCHAR) missing from the dictionary; add it as the first"
                        + " column");
    }

    // ---------------------------------------------------------------------------------------------------
    // the warehouse

    record WarehouseColumn(String name, String type) {
    }

    /** Every table of the build's schemas ({@code schema.table}), with its columns in table order. */
    static Map<String, List<WarehouseColumn>> warehouseColumns(DuckDbBuild build) {
        String schemas = RawLayout.schemas().stream().map(schema -> "'" + schema + "'")
                .collect(Collectors.joining(", "));
        Map<String, List<WarehouseColumn>> tables = new LinkedHashMap<>();
        for (List<Object> row : Builds.query(build.connection(),
                "select table_schema, table_name, column_name, data_type from information_schema.columns"
                        + " where table_catalog = current_database() and table_schema in (" + schemas + ")"
                        + " order by table_schema, table_name, ordinal_position")) {
            tables.computeIfAbsent(row.get(0) + "." + row.get(1), table -> new ArrayList<>())
                    .add(new WarehouseColumn((String) row.get(2), (String) row.get(3)));
        }
        return tables;
    }

    // ---------------------------------------------------------------------------------------------------
    // the dictionary

    record DocumentedColumn(String name, String type, String description, int line) {
    }

    /** One {@code ### schema.table} section; grain null when the section has no Grain line. */
    record Section(String table, int line, String grain, List<DocumentedColumn> columns) {
    }

    /** The parsed dictionary: its table sections in file order, and what could not be parsed. */
    record Dictionary(Map<String, Section> sections, List<String> problems) {

        private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s.*$");
        private static final Pattern TABLE_HEADING =
                Pattern.compile("^###\\s+`?([a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*)`?\\s*$");
        private static final Pattern GRAIN = Pattern.compile("^Grain:(.*)$");
        private static final Pattern SEPARATOR_CELL = Pattern.compile("^:?-+:?$");

        static Dictionary parse(String markdown) {
            Map<String, Section> sections = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            String[] lines = markdown.split("\\R", -1);
            String table = null;
            int sectionLine = 0;
            String grain = null;
            List<DocumentedColumn> columns = null;
            boolean headerSeen = false;
            for (int i = 0; i <= lines.length; i++) {
                boolean end = i == lines.length;
                String line = end ? "" : lines[i].strip();
                int number = i + 1;
                if (end || HEADING.matcher(line).matches()) {
                    if (table != null) {
                        Section section = new Section(table, sectionLine, grain, List.copyOf(columns));
                        Section previous = sections.putIfAbsent(table, section);
                        if (previous != null) {
                            problems.add(table + ": documented twice (lines " + previous.line() + " and "
                                    + sectionLine + "); keep one section");
                        }
                    }
                    Matcher heading = TABLE_HEADING.matcher(line);
                    table = heading.matches() ? heading.group(1) : null;
                    sectionLine = number;
                    grain = null;
                    columns = new ArrayList<>();
                    headerSeen = false;
                    continue;
                }
                if (table == null) {
                    continue;
                }
                Matcher grainLine = GRAIN.matcher(line);
                if (grainLine.matches()) {
                    if (grain != null) {
                        problems.add(table + ": more than one Grain line (line " + number + ")");
                    }
                    grain = grainLine.group(1).strip();
                } else if (line.startsWith("|")) {
                    List<String> cells = cells(line);
                    if (cells.stream().allMatch(cell -> SEPARATOR_CELL.matcher(cell).matches())) {
                        continue;
                    }
                    if (!headerSeen) {
                        headerSeen = true;
                        if (!cells.equals(List.of("column", "type", "description"))) {
                            problems.add(table + ": column table header must be '| column | type | description |'"
                                    + " (line " + number + ")");
                        }
                    } else if (cells.size() != 3) {
                        problems.add(table + ": row must have 3 cells (column, type, description), has "
                                + cells.size() + " (line " + number + ")");
                    } else if (cells.equals(List.of("column", "type", "description"))) {
                        problems.add(table + ": more than one column table (line " + number + ")");
                    } else {
                        columns.add(new DocumentedColumn(unquote(cells.get(0)), unquote(cells.get(1)), cells.get(2),
                                number));
                    }
                }
            }
            return new Dictionary(sections, problems);
        }

        /** The cells of a table row, trimmed; {@code \|} is a pipe inside a cell. */
        private static List<String> cells(String row) {
            String inner = row.substring(1);
            if (inner.endsWith("|") && !inner.endsWith("\\|")) {
                inner = inner.substring(0, inner.length() - 1);
            }
            List<String> cells = new ArrayList<>();
            for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
                cells.add(cell.replace("\\|", "|").strip());
            }
            return cells;
        }

        private static String unquote(String cell) {
            return cell.length() >= 2 && cell.startsWith("`") && cell.endsWith("`")
                    ? cell.substring(1, cell.length() - 1).strip()
                    : cell;
        }
    }

    /** What to fix in the dictionary so that it matches the warehouse, one sentence per difference. */
    static List<String> differences(Dictionary dictionary, Map<String, List<WarehouseColumn>> warehouse) {
        List<String> differences = new ArrayList<>(dictionary.problems());
        for (String table : new TreeSet<>(warehouse.keySet())) {
            if (!dictionary.sections().containsKey(table)) {
                differences.add(table + ": table missing from the dictionary; add a section '### " + table + "'");
            }
        }
        for (Section section : dictionary.sections().values()) {
            List<WarehouseColumn> columns = warehouse.get(section.table());
            if (columns == null) {
                differences.add(section.table() + ": documented (line " + section.line()
                        + ") but not in the warehouse; remove its section");
                continue;
            }
            if (section.grain() == null) {
                differences.add(section.table() + ": no 'Grain: ...' line (section at line " + section.line() + ")");
            } else if (section.grain().isEmpty()) {
                differences.add(section.table() + ": empty Grain line (section at line " + section.line() + ")");
            }
            differences.addAll(columnDifferences(section, columns));
        }
        return differences;
    }

    private static List<String> columnDifferences(Section section, List<WarehouseColumn> actual) {
        String table = section.table();
        List<String> differences = new ArrayList<>();
        Map<String, DocumentedColumn> documented = new HashMap<>();
        for (DocumentedColumn column : section.columns()) {
            DocumentedColumn previous = documented.putIfAbsent(column.name(), column);
            if (previous != null) {
                differences.add(table + ": column " + column.name() + " documented twice (lines " + previous.line()
                        + " and " + column.line() + ")");
            }
        }
        Map<String, WarehouseColumn> inWarehouse = new HashMap<>();
        actual.forEach(column -> inWarehouse.put(column.name(), column));

        for (int i = 0; i < actual.size(); i++) {
            WarehouseColumn column = actual.get(i);
            if (!documented.containsKey(column.name())) {
                differences.add(table + ": column " + column.name() + " (" + column.type()
                        + ") missing from the dictionary; "
                        + (i == 0 ? "add it as the first column" : "add it after " + actual.get(i - 1).name()));
            }
        }
        for (DocumentedColumn column : section.columns()) {
            WarehouseColumn real = inWarehouse.get(column.name());
            if (real == null) {
                differences.add(table + ": column " + column.name() + " documented (line " + column.line()
                        + ") but not in the warehouse; remove it");
                continue;
            }
            if (!column.type().equals(real.type())) {
                differences.add(table + ": column " + column.name() + " documented as "
                        + (column.type().isEmpty() ? "(no type)" : column.type()) + ", warehouse has " + real.type()
                        + " (line " + column.line() + ")");
            }
            if (column.description().isEmpty()) {
                differences.add(table + ": column " + column.name() + " has no description (line " + column.line()
                        + ")");
            }
        }

        Set<String> common = new TreeSet<>(documented.keySet());
        common.retainAll(inWarehouse.keySet());
        List<String> documentedOrder = section.columns().stream().map(DocumentedColumn::name)
                .filter(common::contains).distinct().toList();
        List<String> warehouseOrder = actual.stream().map(WarehouseColumn::name).filter(common::contains).toList();
        for (int i = 0; i < documentedOrder.size(); i++) {
            if (!documentedOrder.get(i).equals(warehouseOrder.get(i))) {
                differences.add(table + ": columns out of order: documented " + documentedOrder.get(i)
                        + " at position " + (i + 1) + " where the warehouse has " + warehouseOrder.get(i)
                        + "; warehouse order: "
                        + actual.stream().map(WarehouseColumn::name).collect(Collectors.joining(", ")));
                break;
            }
        }
        return differences;
    }

    // ---------------------------------------------------------------------------------------------------
    // files

    /** {@code docs/data-dictionary.md} of the nearest directory, from the working directory up, that has one. */
    static Path findDictionary() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DICTIONARY);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no " + DICTIONARY + " in " + Path.of("").toAbsolutePath()
                + " or any directory above it; write the data dictionary there");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
