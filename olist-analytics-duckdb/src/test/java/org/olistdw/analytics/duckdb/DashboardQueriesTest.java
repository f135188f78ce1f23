package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.olistdw.sample.GenerationProgress;
import org.olistdw.sample.SampleDataGenerator;

/**
 * The dashboard queries of {@code sql/dashboard} read marts only, and return exactly the rows the queries they
 * replace returned by aggregating the core star schema themselves (kept, as they were, in the test resources
 * {@code dashboard-from-core/}): same columns, same rows in the same order, numbers equal by value. Checked on
 * the hand-made star fixture and on a generated sample (scale 0.05).
 */
class DashboardQueriesTest {

    private static final String FROM_CORE = "/dashboard-from-core/";

    @TempDir
    static Path directory;

    private static DuckDbBuild fixture;
    private static DuckDbBuild generated;

    @BeforeAll
    static void buildTheFixtureAndAGeneratedSample() throws IOException {
        fixture = Builds.newBuild(Builds.warehouse(directory.resolve("fixture"), DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(fixture, Builds.starFixture());
        Path sample = directory.resolve("sample");
        new SampleDataGenerator(0.05, 20240517L).generate(sample, GenerationProgress.none());
        generated = Builds.newBuild(Builds.warehouse(directory.resolve("generated"), DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(generated, sample);
    }

    @AfterAll
    static void discardTheBuilds() {
        for (DuckDbBuild build : new DuckDbBuild[] {fixture, generated}) {
            if (build != null) {
                build.close();
            }
        }
    }

    static Stream<String> dashboardQueries() throws IOException {
        try (Stream<Path> files = Files.list(dashboardFolder())) {
            List<String> names = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".sql"))
                    .sorted().toList();
            assertThat(names).hasSize(10);
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboardQueries")
    void the_dashboard_query_reads_marts_only(String file) {
        Set<String> reads = SqlReferences.of(fixture.connection(), read(dashboardFolder().resolve(file)));

        assertThat(reads).isNotEmpty().allSatisfy(table -> assertThat(table).startsWith("mart."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboardQueries")
    void the_dashboard_query_returns_the_rows_of_the_query_it_replaces_on_the_star_fixture(String file) {
        assertSameRows(fixture.connection(), file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboardQueries")
    void the_dashboard_query_returns_the_rows_of_the_query_it_replaces_on_a_generated_sample(String file) {
        assertSameRows(generated.connection(), file);
    }

    @Test
    void the_filter_marts_give_the_unfiltered_figures_of_the_marts_they_narrow_on_a_generated_sample() {
        Connection connection = generated.connection();
        String executive = """
                select period_start, orders, gross_merchandise_value, freight_value, revenue, average_order_value,
                       customers, active_sellers
                from mart.mart_executive_dashboard where period_grain = 'month' and orders > 0 order by 1""";
        String monthRows = """
                select purchase_month, orders, gross_merchandise_value, freight_value, revenue, average_order_value,
                       customers, active_sellers
                from mart.mart_sales_by_state_category where not by_state and not by_category order by 1""";
        List<String> months = rowsWithHeader(connection, executive);
        assertThat(months).as("executive months").hasSizeGreaterThan(10);
        List<String> cube = rowsWithHeader(connection, monthRows);
        assertThat(cube.subList(1, cube.size())).as("month rows without state or category")
                .isEqualTo(months.subList(1, months.size()));
        List<String> measures = List.of("orders_placed", "canceled_orders", "orders", "items",
                "gross_merchandise_value", "freight_value", "delivered_orders", "on_time_orders", "reviewed_orders",
                "review_score_sum");
        String scorecard = "select seller_id, " + String.join(", ", measures)
                + " from mart.mart_seller_scorecard where orders_placed > 0 order by 1";
        String monthly = "select seller_id, " + String.join(", ", measures.stream().map(m -> "sum(" + m + ")").toList())
                + " from mart.mart_seller_monthly group by seller_id order by 1";
        List<String> expected = rowsWithHeader(connection, scorecard);
        assertThat(expected).as("sellers").hasSizeGreaterThan(100);
        List<String> actual = rowsWithHeader(connection, monthly);
        assertThat(actual.subList(1, actual.size())).as("seller months summed")
                .isEqualTo(expected.subList(1, expected.size()));
    }

    private static void assertSameRows(Connection connection, String file) {
        List<String> fromMarts = rowsWithHeader(connection, read(dashboardFolder().resolve(file)));
        List<String> fromCore = rowsWithHeader(connection, resource(FROM_CORE + file));

        assertThat(fromCore).as("rows of the query over the core star schema").hasSizeGreaterThan(1);
        assertThat(fromMarts).isEqualTo(fromCore);
    }

    /** The column names, then each row as its values joined by " | ", numbers by value. */
    private static List<String> rowsWithHeader(Connection connection, String sql) {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            List<String> header = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(meta.getColumnLabel(i));
            }
            rows.add(String.join(" | ", header));
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(normalised(result.getObject(i)));
                }
                rows.add(String.join(" | ", row));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
        return rows;
    }

    private static String normalised(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof BigInteger) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        return value.toString();
    }

    /** {@code sql/dashboard} of the nearest directory, from the working directory up, that has one. */
    private static Path dashboardFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("sql").resolve("dashboard");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("no sql/dashboard in " + Path.of("").toAbsolutePath() + " or above");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DashboardQueriesTest.class.getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
