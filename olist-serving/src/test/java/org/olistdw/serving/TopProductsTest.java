package org.olistdw.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The products dashboard's top products, read from {@code mart.mart_product_monthly}, are the rows the page
 * showed when it summed {@code core.fact_order_items}: same columns, values, order and tie-breaks.
 *
 * <p>The fixture {@code fixtures/top-products} is made for ties: every order is delivered except o3 (canceled,
 * its 900.00 of pb5 not counted) and o9 (shipped, counted). Counted items as "order month product
 * price+freight": o1 2018-01 pa1 100.00+10.00, pa2 100.00+5.00; o2 2018-01 pb1 50.00+5.00 twice; o4 2018-01-31
 * 23:30 pa3 80.00+8.00; o5 2018-01 px1 (no category) 60.00+6.00, pa4 40.00+4.00; o6 2018-02-01 00:10 pa3
 * 20.00+2.00, pb2 100.00+10.00; o7 2018-02 pa5 40.00+4.00, pb3 40.00+4.00; o8 2018-02 pb4 30.00+3.00, pa6
 * 30.00+3.00; o9 2018-02 pb5 25.00+2.50. Categories: pa* audio, pb* bebes, px1 unknown.
 */
class TopProductsTest {

    @TempDir
    static Path directory;

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final List<String> COLUMNS = List.of("product_id", "category", "items", "gross_merchandise_value",
            "revenue");

    private static DashboardServer server;

    @BeforeAll
    static void publishTheFixtureAndServeIt() {
        Path published = directory.resolve("work/warehouse.duckdb");
        Warehouses.publish(published, fixture(), 1);
        server = DashboardServer.start(published, "127.0.0.1", 0, PageGuard.OPEN);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void every_month_ranks_five_products_tied_at_100_by_id_and_cuts_the_tie_at_30_after_the_tenth() throws Exception {
        // pa1 100.00 (110.00), pa2 100.00 (105.00), pa3 80.00 + 20.00 over two months (88.00 + 22.00), pb1 two
        // items 100.00 (110.00), pb2 100.00 (110.00); px1 60.00; pa4, pa5, pb3 40.00 each; pa6 and pb4 30.00 each:
        // pa6 is tenth, pb4 eleventh and cut, and so is pb5 (25.00: o3's 900.00 is canceled).
        assertTopProducts("", List.of(
                List.of("pa1", "audio", "1", "100.00", "110.00"),
                List.of("pa2", "audio", "1", "100.00", "105.00"),
                List.of("pa3", "audio", "2", "100.00", "110.00"),
                List.of("pb1", "bebes", "2", "100.00", "110.00"),
                List.of("pb2", "bebes", "1", "100.00", "110.00"),
                List.of("px1", "unknown", "1", "60.00", "66.00"),
                List.of("pa4", "audio", "1", "40.00", "44.00"),
                List.of("pa5", "audio", "1", "40.00", "44.00"),
                List.of("pb3", "bebes", "1", "40.00", "44.00"),
                List.of("pa6", "audio", "1", "30.00", "33.00")));
    }

    @Test
    void a_category_keeps_its_own_products_and_the_canceled_item_stays_out() throws Exception {
        assertTopProducts("category=bebes", List.of(
                List.of("pb1", "bebes", "2", "100.00", "110.00"),
                List.of("pb2", "bebes", "1", "100.00", "110.00"),
                List.of("pb3", "bebes", "1", "40.00", "44.00"),
                List.of("pb4", "bebes", "1", "30.00", "33.00"),
                List.of("pb5", "bebes", "1", "25.00", "27.50")));
    }

    @Test
    void a_period_takes_the_months_of_purchase_to_the_minute_at_the_month_end() throws Exception {
        // 2018-01: o4 at 23:30 on the 31st is in; o6 at 00:10 on 02-01 is not.
        assertTopProducts("from=2018-01&to=2018-01", List.of(
                List.of("pa1", "audio", "1", "100.00", "110.00"),
                List.of("pa2", "audio", "1", "100.00", "105.00"),
                List.of("pb1", "bebes", "2", "100.00", "110.00"),
                List.of("pa3", "audio", "1", "80.00", "88.00"),
                List.of("px1", "unknown", "1", "60.00", "66.00"),
                List.of("pa4", "audio", "1", "40.00", "44.00")));
        assertTopProducts("from=2018-02", List.of(
                List.of("pb2", "bebes", "1", "100.00", "110.00"),
                List.of("pa5", "audio", "1", "40.00", "44.00"),
                List.of("pb3", "bebes", "1", "40.00", "44.00"),
                List.of("pa6", "audio", "1", "30.00", "33.00"),
                List.of("pb4", "bebes", "1", "30.00", "33.00"),
                List.of("pb5", "bebes", "1", "25.00", "27.50"),
                List.of("pa3", "audio", "1", "20.00", "22.00")));
        assertTopProducts("to=2017-12", List.of());
    }

    @Test
    void a_category_and_a_period_together() throws Exception {
        assertTopProducts("from=2018-02&to=2018-02&category=audio", List.of(
                List.of("pa5", "audio", "1", "40.00", "44.00"),
                List.of("pa6", "audio", "1", "30.00", "33.00"),
                List.of("pa3", "audio", "1", "20.00", "22.00")));
    }

    @Test
    void the_former_query_on_the_order_items_gives_the_same_rows_on_a_generated_sample() throws Exception {
        Path published = directory.resolve("generated/warehouse.duckdb");
        Warehouses.publish(published, Warehouses.generated(0.01, 42, directory.resolve("generated/sample")), 1);
        try (ServedWarehouse warehouse = new ServedWarehouse(published, null)) {
            warehouse.read(connection -> {
                compareWithTheFormerQuery(connection);
                return null;
            });
        }
    }

    /**
     * Every row and value of the page's top products equal the former query's, as the driver gives them (types
     * included), with no filter, three categories, a month and a category from a month on.
     */
    private static void compareWithTheFormerQuery(Connection connection) throws SQLException {
        List<String> categories = DashboardQueries.categories(connection);
        assertThat(categories).hasSizeGreaterThan(3).contains("unknown");
        List<Filters> cases = new ArrayList<>();
        cases.add(Filters.NONE);
        for (String category : List.of(categories.get(0), categories.get(categories.size() / 2), "unknown")) {
            cases.add(new Filters(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(category)));
        }
        cases.add(new Filters(Optional.of(YearMonth.of(2017, 11)), Optional.of(YearMonth.of(2017, 11)),
                Optional.empty(), Optional.empty()));
        cases.add(new Filters(Optional.of(YearMonth.of(2018, 1)), Optional.empty(), Optional.empty(),
                Optional.of(categories.get(categories.size() / 2))));
        for (Filters filters : cases) {
            Report.Table now = DashboardQueries.report(Dashboard.PRODUCTS, filters, connection, "generated")
                    .tables().get("products");
            Report.Table before = former(filters, connection);
            assertThat(now.columns()).as("columns, %s", filters).isEqualTo(before.columns());
            assertThat(now.rows()).as("rows, %s", filters).isNotEmpty().isEqualTo(before.rows());
        }
    }

    /** The page's JSON and the former query's rows both equal {@code expected}, cell by cell as text. */
    private static void assertTopProducts(String query, List<List<String>> expected) throws Exception {
        URI uri = server.address("127.0.0.1").resolve("/api/products" + (query.isEmpty() ? "" : "?" + query));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(query).isEqualTo(200);
        JsonNode table = JSON.readTree(response.body()).get("tables").get("products");
        List<String> columns = new ArrayList<>();
        table.get("columns").forEach(column -> columns.add(column.asText()));
        assertThat(columns).as("columns, %s", query).isEqualTo(COLUMNS);
        List<List<String>> page = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            page.add(COLUMNS.stream().map(column -> text(row.get(column))).toList());
        }
        assertThat(page).as("top products, %s", query).isEqualTo(expected);
        Filters filters = Filters.parse(Dashboard.PRODUCTS, parameters(query), category -> true);
        List<List<String>> before = server.served().read(connection -> former(filters, connection).rows().stream()
                .map(row -> COLUMNS.stream().map(column -> text(row.get(column))).toList()).toList());
        assertThat(before).as("the former query on the order items, %s", query).isEqualTo(expected);
    }

    /** The top products as the page read them from {@code core.fact_order_items} before the mart. */
    private static Report.Table former(Filters filters, Connection connection) throws SQLException {
        Filters.Where items = new Filters.Where()
                .always("counts_as_revenue")
                .and("category_key in (select category_key from core.dim_category where product_category_name = ?)",
                        filters.category())
                .and("order_purchase_timestamp >= cast(? as date)", filters.fromDay())
                .and("order_purchase_timestamp < cast(? as date)", filters.endDayExclusive());
        return DashboardQueries.query(connection, """
                with top_products as (
                    select
                        product_id,
                        category_key,
                        count(*) as items,
                        sum(price) as gross_merchandise_value,
                        sum(item_total_value) as revenue
                    from core.fact_order_items
                """ + items.sql() + """

                    group by product_id, category_key
                    order by gross_merchandise_value desc, product_id
                    limit 10
                )
                select
                    top_products.product_id,
                    categories.product_category_name as category,
                    top_products.items,
                    top_products.gross_merchandise_value,
                    top_products.revenue
                from top_products
                join core.dim_category as categories
                    on categories.category_key = top_products.category_key
                order by top_products.gross_merchandise_value desc, top_products.product_id""", items.values());
    }

    private static Map<String, List<String>> parameters(String query) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        if (!query.isEmpty()) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(parts[0], List.of(parts[1]));
            }
        }
        return parameters;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof JsonNode node) {
            return node.isNull() ? null : node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
        }
        return value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    private static Path fixture() {
        try {
            return Path.of(TopProductsTest.class.getResource("/fixtures/top-products/olist_orders_dataset.csv").toURI())
                    .getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
