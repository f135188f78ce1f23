package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real models under {@code sql/duckdb}, built once from the hand-made star fixture
 * ({@code src/test/resources/fixtures/star}, described row by row in its FIXTURE.md): every dimension, fact
 * and mart value below is worked out by hand from the nine CSV files and the rules in the header comments of
 * the models, never copied from a query result. The hand computation is written beside each value.
 *
 * <p>Facts the computations lean on (all read off the CSVs):
 * <ul>
 * <li>Order {@code oNN} belongs to customer id {@code cNN}; people: c01/c10/c19 = p01, c06/c15 = p06, every
 * other cNN is one person, numbered in order (c11 = p10, c12 = p11, ..., c30 = p27). This is the first run:
 * the version history is empty, so every person, product and seller gets one version, valid from
 * 1900-01-01, current, keyed 1..n in id order: customer_key(pNN) = NN, product_key(prNN) = NN,
 * seller_key(sNN) = NN.</li>
 * <li>Revenue rule (int_order_enriched): status neither canceled nor unavailable and at least one item. Not
 * counted: o04 (canceled, 1 item), o12 (unavailable, no item), o17 (canceled, no item); the other 27 orders
 * count, shipped/invoiced/processing/approved/created included.</li>
 * <li>Delivered: status delivered and a delivered-customer date: the 22 delivered orders but o16 = 21.
 * Late: delivered on a later calendar day than estimated: o07 and o13 only.</li>
 * <li>An order's review score is its latest review's (latest created): o13 -> r31, score 2. Orders without a
 * review: o17, o24, o26, o28, o29, o30.</li>
 * <li>Location of an order in the marts: the person's version valid at purchase; each person has one version
 * at the address of their latest order, so p01's three orders (o01, o10, o19) are all in RJ.</li>
 * </ul>
 */
class StarFixtureTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;

    /** Two rows are equal when their cells are: numbers by value (BigDecimal compareTo), anything else by equals. */
    private static final Comparator<List<Object>> SAME_ROW = (actual, expected) -> sameRow(actual, expected) ? 0 : 1;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    // --------------------------------------------------------------------------------------------------------
    // dimensions
    // --------------------------------------------------------------------------------------------------------

    @Test
    void the_geography_dimension_has_one_row_per_prefix_with_its_centroid_inside_brazil_and_the_unknown_member() {
        // Every prefix has 3 points centre, centre -0.001/+0.001, centre +0.001/-0.001: the mean is the centre.
        // key = prefix as a number; city: the most frequent cleaned spelling; region from the state.
        assertRows("select geography_key, zip_code_prefix, city, state, state_name, region, latitude, longitude,"
                        + " points, points_in_brazil from core.dim_geography order by geography_key",
                row(-1, "unknown", "unknown", "unknown", "unknown", "unknown", null, null, 0, 0),
                // 01037: 4 rows; lat (-23.5460 - 23.5450 - 23.5450 - 23.5440) / 4 = -23.5450, lng (-46.6340
                // - 46.6350 - 46.6350 - 46.6360) / 4 = -46.6350 (the duplicate centre row changes nothing);
                // "sao paulo" x3 + "são paulo" x1 -> accents removed: "sao paulo" x4
                row(1037, "01037", "sao paulo", "SP", "São Paulo", "Sudeste", d("-23.545"), d("-46.635"), 4, 4),
                // 04547: 2 rows; (-23.5900 - 23.5920) / 2 = -23.591, (-46.6800 - 46.6820) / 2 = -46.681
                row(4547, "04547", "sao paulo", "SP", "São Paulo", "Sudeste", d("-23.591"), d("-46.681"), 2, 2),
                row(13083, "13083", "campinas", "SP", "São Paulo", "Sudeste", d("-22.817"), d("-47.069"), 3, 3),
                row(20040, "20040", "rio de janeiro", "RJ", "Rio de Janeiro", "Sudeste", d("-22.903"), d("-43.177"),
                        3, 3),
                // 30130: 4 rows, 40.7000/-74.0000 lies outside -33.75..5.27 / -73.99..-34.79 and is discarded:
                // the centroid of the other 3 is -19.9200/-43.9400 (not -4.7650/-51.4550)
                row(30130, "30130", "belo horizonte", "MG", "Minas Gerais", "Sudeste", d("-19.92"), d("-43.94"), 4,
                        3),
                row(40010, "40010", "salvador", "BA", "Bahia", "Nordeste", d("-12.969"), d("-38.511"), 3, 3),
                // 50010: lng -34.870..-34.872, all west of -34.79: inside
                row(50010, "50010", "recife", "PE", "Pernambuco", "Nordeste", d("-8.063"), d("-34.871"), 3, 3),
                row(66010, "66010", "belem", "PA", "Pará", "Norte", d("-1.455"), d("-48.49"), 3, 3),
                row(69005, "69005", "manaus", "AM", "Amazonas", "Norte", d("-3.131"), d("-60.023"), 3, 3),
                row(70040, "70040", "brasilia", "DF", "Distrito Federal", "Centro-Oeste", d("-15.793"), d("-47.882"),
                        3, 3),
                row(74003, "74003", "goiania", "GO", "Goiás", "Centro-Oeste", d("-16.679"), d("-49.254"), 3, 3),
                row(80010, "80010", "curitiba", "PR", "Paraná", "Sul", d("-25.429"), d("-49.271"), 3, 3),
                row(90010, "90010", "porto alegre", "RS", "Rio Grande do Sul", "Sul", d("-30.028"), d("-51.229"), 3,
                        3));
    }

    @Test
    void the_category_dimension_numbers_the_categories_by_portuguese_name_and_keeps_the_untranslated_one() {
        // 10 categories (9 translated + pc_gamer, found only in the products file), keyed 1..10 in
        // Portuguese-name order: beleza < brinquedos < cama < esporte < informatica < moveis < pc < relogios
        // < telefonia < utilidades; pc_gamer keeps its Portuguese name in English; pr10 (no category) -> -1.
        assertRows("select category_key, product_category_name, product_category_name_english, has_translation"
                        + " from core.dim_category order by category_key",
                row(-1, "unknown", "unknown", false),
                row(1, "beleza_saude", "health_beauty", true),
                row(2, "brinquedos", "toys", true),
                row(3, "cama_mesa_banho", "bed_bath_table", true),
                row(4, "esporte_lazer", "sports_leisure", true),
                row(5, "informatica_acessorios", "computers_accessories", true),
                row(6, "moveis_decoracao", "furniture_decor", true),
                row(7, "pc_gamer", "pc_gamer", false),
                row(8, "relogios_presentes", "watches_gifts", true),
                row(9, "telefonia", "telephony", true),
                row(10, "utilidades_domesticas", "housewares", true));
    }

    @Test
    void the_product_dimension_has_one_current_version_per_product_with_its_category_volume_and_weight_class() {
        // volume = length x height x width; weight class: < 1000 g light, < 5000 medium, < 15000 heavy,
        // else bulky, unknown without a weight. One version each: 1900-01-01, open, current.
        String from = "1900-01-01 00:00:00";
        assertRows("select product_key, product_id, category_key, product_category_name,"
                        + " product_category_name_english, product_name_length, product_description_length,"
                        + " product_photos_qty, product_weight_g, product_length_cm, product_height_cm,"
                        + " product_width_cm, product_volume_cm3, weight_class, cast(valid_from as varchar),"
                        + " cast(valid_to as varchar), is_current from core.dim_product order by product_key",
                row(-1, "unknown", -1, "unknown", "unknown", null, null, null, null, null, null, null, null,
                        "unknown", from, null, true),
                // 20 x 10 x 15 = 3000; 500 g < 1000
                row(1, "pr01", 1, "beleza_saude", "health_beauty", 40, 300, 2, d("500"), d("20"), d("10"), d("15"),
                        d("3000"), "light", from, null, true),
                // 30 x 10 x 20 = 6000; 1200 g
                row(2, "pr02", 5, "informatica_acessorios", "computers_accessories", 50, 800, 3, d("1200"), d("30"),
                        d("10"), d("20"), d("6000"), "medium", from, null, true),
                // 40 x 20 x 30 = 24000; 2000 g
                row(3, "pr03", 4, "esporte_lazer", "sports_leisure", 45, 600, 1, d("2000"), d("40"), d("20"),
                        d("30"), d("24000"), "medium", from, null, true),
                // 60 x 40 x 50 = 120000; 8000 g: 5000 <= 8000 < 15000
                row(4, "pr04", 6, "moveis_decoracao", "furniture_decor", 55, 1000, 4, d("8000"), d("60"), d("40"),
                        d("50"), d("120000"), "heavy", from, null, true),
                // 30 x 10 x 30 = 9000; 1500 g
                row(5, "pr05", 3, "cama_mesa_banho", "bed_bath_table", 35, 400, 2, d("1500"), d("30"), d("10"),
                        d("30"), d("9000"), "medium", from, null, true),
                // 15 x 10 x 10 = 1500; 300 g
                row(6, "pr06", 10, "utilidades_domesticas", "housewares", 30, 250, 1, d("300"), d("15"), d("10"),
                        d("10"), d("1500"), "light", from, null, true),
                // 16 x 8 x 12 = 1536; 250 g
                row(7, "pr07", 8, "relogios_presentes", "watches_gifts", 42, 700, 5, d("250"), d("16"), d("8"),
                        d("12"), d("1536"), "light", from, null, true),
                // 20 x 15 x 10 = 3000; 400 g
                row(8, "pr08", 2, "brinquedos", "toys", 38, 350, 2, d("400"), d("20"), d("15"), d("10"), d("3000"),
                        "light", from, null, true),
                // untranslated: English = Portuguese; 50 x 50 x 25 = 62500; 10000 g < 15000
                row(9, "pr09", 7, "pc_gamer", "pc_gamer", 60, 1500, 6, d("10000"), d("50"), d("50"), d("25"),
                        d("62500"), "heavy", from, null, true),
                // no category -> unknown (-1); empty lengths and photos -> null; 20 x 10 x 20 = 4000; 700 g
                row(10, "pr10", -1, "unknown", "unknown", null, null, null, d("700"), d("20"), d("10"), d("20"),
                        d("4000"), "light", from, null, true),
                // no weight, no dimensions: volume null, class unknown
                row(11, "pr11", 9, "telefonia", "telephony", 48, 900, 3, null, null, null, null, null, "unknown",
                        from, null, true),
                // 16 x 5 x 11 = 880; 150 g
                row(12, "pr12", 1, "beleza_saude", "health_beauty", 33, 200, 1, d("150"), d("16"), d("5"), d("11"),
                        d("880"), "light", from, null, true));
    }

    @Test
    void the_seller_dimension_has_one_current_version_per_seller_and_minus_one_for_a_prefix_missing_from_geolocation() {
        String from = "1900-01-01 00:00:00";
        assertRows("select seller_key, seller_id, seller_zip_code_prefix, seller_city, seller_state, seller_region,"
                        + " geography_key, cast(valid_from as varchar), cast(valid_to as varchar), is_current"
                        + " from core.dim_seller order by seller_key",
                row(-1, "unknown", "unknown", "unknown", "unknown", "unknown", -1, from, null, true),
                row(1, "s01", "01037", "sao paulo", "SP", "Sudeste", 1037, from, null, true),
                row(2, "s02", "13083", "campinas", "SP", "Sudeste", 13083, from, null, true),
                row(3, "s03", "20040", "rio de janeiro", "RJ", "Sudeste", 20040, from, null, true),
                row(4, "s04", "80010", "curitiba", "PR", "Sul", 80010, from, null, true),
                row(5, "s05", "30130", "belo horizonte", "MG", "Sudeste", 30130, from, null, true),
                // 88015 is not in the geolocation file
                row(6, "s06", "88015", "florianopolis", "SC", "Sul", -1, from, null, true));
    }

    @Test
    void the_customer_dimension_has_one_version_per_person_at_the_address_of_their_latest_order() {
        // Address: the customer id of the person's latest order: p01 -> o19/c19 (rio de janeiro, 20040, not
        // the sao paulo of c01/c10); p06 -> o15/c15 (campinas). Segment by counted orders: p01 3 (o01, o10,
        // o19) and p06 2 (o06, o15) -> regular; p04 (o04 canceled), p11 (o12 unavailable), p15 (o17 canceled)
        // -> prospect; everyone else 1 -> one_time. 57020 (c08, maceio) is not in geolocation -> -1.
        String from = "1900-01-01 00:00:00";
        assertRows("select customer_key, customer_unique_id, customer_zip_code_prefix, customer_city, customer_state,"
                        + " customer_region, geography_key, customer_segment, cast(valid_from as varchar),"
                        + " cast(valid_to as varchar), is_current from core.dim_customer order by customer_key",
                row(-1, "unknown", "unknown", "unknown", "unknown", "unknown", -1, "unknown", from, null, true),
                row(1, "p01", "20040", "rio de janeiro", "RJ", "Sudeste", 20040, "regular", from, null, true),
                row(2, "p02", "20040", "rio de janeiro", "RJ", "Sudeste", 20040, "one_time", from, null, true),
                row(3, "p03", "30130", "belo horizonte", "MG", "Sudeste", 30130, "one_time", from, null, true),
                row(4, "p04", "80010", "curitiba", "PR", "Sul", 80010, "prospect", from, null, true),
                row(5, "p05", "40010", "salvador", "BA", "Nordeste", 40010, "one_time", from, null, true),
                row(6, "p06", "13083", "campinas", "SP", "Sudeste", 13083, "regular", from, null, true),
                row(7, "p07", "70040", "brasilia", "DF", "Centro-Oeste", 70040, "one_time", from, null, true),
                row(8, "p08", "57020", "maceio", "AL", "Nordeste", -1, "one_time", from, null, true),
                row(9, "p09", "90010", "porto alegre", "RS", "Sul", 90010, "one_time", from, null, true),
                row(10, "p10", "50010", "recife", "PE", "Nordeste", 50010, "one_time", from, null, true),
                row(11, "p11", "69005", "manaus", "AM", "Norte", 69005, "prospect", from, null, true),
                row(12, "p12", "66010", "belem", "PA", "Norte", 66010, "one_time", from, null, true),
                row(13, "p13", "74003", "goiania", "GO", "Centro-Oeste", 74003, "one_time", from, null, true),
                row(14, "p14", "01037", "sao paulo", "SP", "Sudeste", 1037, "one_time", from, null, true),
                row(15, "p15", "20040", "rio de janeiro", "RJ", "Sudeste", 20040, "prospect", from, null, true),
                row(16, "p16", "30130", "belo horizonte", "MG", "Sudeste", 30130, "one_time", from, null, true),
                row(17, "p17", "80010", "curitiba", "PR", "Sul", 80010, "one_time", from, null, true),
                row(18, "p18", "90010", "porto alegre", "RS", "Sul", 90010, "one_time", from, null, true),
                row(19, "p19", "40010", "salvador", "BA", "Nordeste", 40010, "one_time", from, null, true),
                row(20, "p20", "01037", "sao paulo", "SP", "Sudeste", 1037, "one_time", from, null, true),
                // p21 (o24 shipped), p23 (o26 invoiced), p25 (o28 processing), p26 (o29 approved), p27 (o30
                // created): orders with an item that are neither canceled nor unavailable count
                row(21, "p21", "70040", "brasilia", "DF", "Centro-Oeste", 70040, "one_time", from, null, true),
                row(22, "p22", "13083", "campinas", "SP", "Sudeste", 13083, "one_time", from, null, true),
                row(23, "p23", "50010", "recife", "PE", "Nordeste", 50010, "one_time", from, null, true),
                row(24, "p24", "30130", "belo horizonte", "MG", "Sudeste", 30130, "one_time", from, null, true),
                row(25, "p25", "74003", "goiania", "GO", "Centro-Oeste", 74003, "one_time", from, null, true),
                row(26, "p26", "01037", "sao paulo", "SP", "Sudeste", 1037, "one_time", from, null, true),
                row(27, "p27", "66010", "belem", "PA", "Norte", 66010, "one_time", from, null, true));
    }

    // --------------------------------------------------------------------------------------------------------
    // facts
    // --------------------------------------------------------------------------------------------------------

    @Test
    void every_order_has_its_customer_version_date_keys_status_and_flags() {
        // customer_key = the number of the person of cNN, whose only version it is (o10, o19 -> p01 = 1;
        // o15 -> p06 = 6; o11..o14 -> p10..p13, o16..o18 -> p14..p16, o20..o30 -> p17..p27); date keys
        // yyyymmdd of purchase, approval, carrier, delivery and estimate, -1 when missing; is_late null when
        // a date is missing.
        assertRows("select order_id, customer_key, customer_id, purchase_date_key, approved_date_key,"
                        + " delivered_carrier_date_key, delivered_customer_date_key, estimated_delivery_date_key,"
                        + " order_status, counts_as_revenue, is_delivered, is_late from core.fact_orders order by order_id",
                row("o01", 1, "c01", 20170904, 20170904, 20170906, 20170912, 20170925, "delivered", true, true, false),
                row("o02", 2, "c02", 20170912, 20170912, 20170913, 20170920, 20171003, "delivered", true, true, false),
                row("o03", 3, "c03", 20170912, 20170913, 20170914, 20170922, 20171004, "delivered", true, true, false),
                // canceled with an item: not revenue, not delivered
                row("o04", 4, "c04", 20170925, 20170925, -1, -1, 20171016, "canceled", false, false, null),
                row("o05", 5, "c05", 20171003, 20171003, 20171005, 20171011, 20171024, "delivered", true, true, false),
                row("o06", 6, "c06", 20171010, 20171010, 20171012, 20171019, 20171101, "delivered", true, true, false),
                // delivered 11-14 > estimated 11-08: late
                row("o07", 7, "c07", 20171018, 20171018, 20171020, 20171114, 20171108, "delivered", true, true, true),
                row("o08", 8, "c08", 20171027, 20171027, 20171030, 20171109, 20171121, "delivered", true, true, false),
                row("o09", 9, "c09", 20171103, 20171103, 20171106, 20171113, 20171127, "delivered", true, true, false),
                row("o10", 1, "c10", 20171114, 20171114, 20171116, 20171122, 20171205, "delivered", true, true, false),
                row("o11", 10, "c11", 20171124, 20171124, 20171128, 20171206, 20171218, "delivered", true, true,
                        false),
                // unavailable, no item: not revenue
                row("o12", 11, "c12", 20171126, 20171126, -1, -1, 20171219, "unavailable", false, false, null),
                // delivered 12-28 > estimated 12-20: late
                row("o13", 12, "c13", 20171129, 20171129, 20171201, 20171228, 20171220, "delivered", true, true, true),
                row("o14", 13, "c14", 20180105, 20180105, 20180108, 20180115, 20180129, "delivered", true, true,
                        false),
                row("o15", 6, "c15", 20180115, 20180115, 20180117, 20180124, 20180206, "delivered", true, true, false),
                // delivered status without a delivered-customer date: revenue, not delivered, lateness unknown
                row("o16", 14, "c16", 20180122, 20180122, 20180124, -1, 20180213, "delivered", true, false, null),
                // canceled, no item, never approved
                row("o17", 15, "c17", 20180130, -1, -1, -1, 20180220, "canceled", false, false, null),
                // carrier (02-03) before approval (02-05): kept as is
                row("o18", 16, "c18", 20180202, 20180205, 20180203, 20180209, 20180226, "delivered", true, true,
                        false),
                row("o19", 1, "c19", 20180214, 20180214, 20180216, 20180223, 20180309, "delivered", true, true, false),
                row("o20", 17, "c20", 20180220, 20180220, 20180222, 20180301, 20180314, "delivered", true, true,
                        false),
                row("o21", 18, "c21", 20180227, 20180227, 20180301, 20180308, 20180321, "delivered", true, true,
                        false),
                row("o22", 19, "c22", 20180305, 20180305, 20180307, 20180313, 20180327, "delivered", true, true,
                        false),
                row("o23", 20, "c23", 20180312, 20180312, 20180314, 20180320, 20180403, "delivered", true, true,
                        false),
                row("o24", 21, "c24", 20180320, 20180320, 20180322, -1, 20180410, "shipped", true, false, null),
                row("o25", 22, "c25", 20180326, 20180326, 20180328, 20180404, 20180417, "delivered", true, true,
                        false),
                row("o26", 23, "c26", 20180330, 20180330, -1, -1, 20180420, "invoiced", true, false, null),
                row("o27", 24, "c27", 20180403, 20180403, 20180405, 20180412, 20180425, "delivered", true, true,
                        false),
                row("o28", 25, "c28", 20180410, 20180410, -1, -1, 20180502, "processing", true, false, null),
                row("o29", 26, "c29", 20180420, 20180420, -1, -1, 20180511, "approved", true, false, null),
                row("o30", 27, "c30", 20180428, -1, -1, -1, 20180521, "created", true, false, null));
    }

    @Test
    void every_order_has_its_items_payments_reviews_and_durations() {
        // columns: items, sellers, products, price, freight, price + freight, payments, paid, paid - (price +
        // freight), reviews, latest score, then calendar days purchase -> approval, -> carrier, -> customer,
        // and estimate -> customer (positive: late).
        assertRows("select order_id, item_count, seller_count, product_count, items_price, items_freight, items_total,"
                        + " payment_count, payment_value, payment_difference, review_count, review_score,"
                        + " days_to_approve, days_to_carrier, days_to_deliver, days_versus_estimate"
                        + " from core.fact_orders order by order_id",
                // 09-04 -> 09-06 = 2, -> 09-12 = 8; 09-25 -> 09-12 = -13
                row("o01", 1, 1, 1, d("49.90"), d("10.10"), d("60.00"), 1, d("60.00"), d("0.00"), 1, 5, 0, 2, 8, -13),
                // 09-12 -> 09-13 = 1, -> 09-20 = 8; 10-03 -> 09-20 = -(10 + 3) = -13
                row("o02", 1, 1, 1, d("120.00"), d("15.00"), d("135.00"), 1, d("135.00"), d("0.00"), 1, 4, 0, 1, 8,
                        -13),
                // pr05 79.90 + pr06 15.00 = 94.90; 12.10 + 5.00 = 17.10; r02 (shared with o02) score 4;
                // 09-12 -> 09-13 = 1, -> 09-14 = 2, -> 09-22 = 10; 10-04 -> 09-22 = -(8 + 4) = -12
                row("o03", 2, 1, 2, d("94.90"), d("17.10"), d("112.00"), 1, d("112.00"), d("0.00"), 1, 4, 1, 2, 10,
                        -12),
                row("o04", 1, 1, 1, d("199.00"), d("21.00"), d("220.00"), 1, d("220.00"), d("0.00"), 1, 1, 0, null,
                        null, null),
                // 3 x pr06 (15.00 + 5.00); the duplicated (r05, o05) counts once
                row("o05", 3, 1, 1, d("45.00"), d("15.00"), d("60.00"), 1, d("60.00"), d("0.00"), 1, 5, 0, 2, 8, -13),
                // 10-10 -> 10-19 = 9; 11-01 -> 10-19 = -(12 + 1) = -13
                row("o06", 1, 1, 1, d("89.90"), d("10.10"), d("100.00"), 1, d("100.00"), d("0.00"), 1, 5, 0, 2, 9,
                        -13),
                // 10-18 -> 11-14 = 13 + 14 = 27; 11-08 -> 11-14 = +6
                row("o07", 1, 1, 1, d("250.00"), d("20.00"), d("270.00"), 1, d("270.00"), d("0.00"), 1, 2, 0, 2, 27,
                        6),
                // 10-27 -> 10-30 = 3, -> 11-09 = 4 + 9 = 13; 11-21 -> 11-09 = -12
                row("o08", 1, 1, 1, d("1500.00"), d("45.00"), d("1545.00"), 1, d("1545.00"), d("0.00"), 1, 5, 0, 3,
                        13, -12),
                row("o09", 1, 1, 1, d("35.00"), d("7.50"), d("42.50"), 1, d("42.50"), d("0.00"), 1, 3, 0, 3, 10, -14),
                // pr01 49.90 + pr12 30.00 = 79.90; 10.10 + 5.00 = 15.10; 12-05 -> 11-22 = -(8 + 5) = -13
                row("o10", 2, 1, 2, d("79.90"), d("15.10"), d("95.00"), 1, d("95.00"), d("0.00"), 1, 4, 0, 2, 8, -13),
                // multi-seller: pr02/s01 89.90 + pr07/s03 250.00 = 339.90; 10.10 + 20.00 = 30.10; two payments
                // 300.00 + 70.00; 11-24 -> 11-28 = 4, -> 12-06 = 6 + 6 = 12; 12-18 -> 12-06 = -12
                row("o11", 2, 2, 2, d("339.90"), d("30.10"), d("370.00"), 2, d("370.00"), d("0.00"), 1, 5, 0, 4, 12,
                        -12),
                // paid 64.90 for no item: difference 64.90 - 0.00
                row("o12", 0, 0, 0, d("0.00"), d("0.00"), d("0.00"), 1, d("64.90"), d("64.90"), 1, 1, 0, null, null,
                        null),
                // 424.13 - 424.10 = 0.03; r13 (1) and r31 (2, created later) -> 2 reviews, score 2;
                // 11-29 -> 12-28 = 1 + 28 = 29; 12-20 -> 12-28 = +8
                row("o13", 1, 1, 1, d("399.00"), d("25.10"), d("424.10"), 1, d("424.13"), d("0.03"), 2, 2, 0, 2, 29,
                        8),
                // three vouchers 50.00 + 50.00 + 35.00 = 135.00
                row("o14", 1, 1, 1, d("120.00"), d("15.00"), d("135.00"), 3, d("135.00"), d("0.00"), 1, 5, 0, 3, 10,
                        -14),
                // pr08 25.50 + pr10 35.00 = 60.50; 8.50 + 7.50 = 16.00; 02-06 -> 01-24 = -(7 + 6) = -13
                row("o15", 2, 1, 2, d("60.50"), d("16.00"), d("76.50"), 1, d("76.50"), d("0.00"), 1, 4, 0, 2, 9, -13),
                row("o16", 1, 1, 1, d("199.00"), d("21.00"), d("220.00"), 1, d("220.00"), d("0.00"), 1, 3, 0, 2, null,
                        null),
                // no item, one not_defined payment of 0.00, no review, never approved
                row("o17", 0, 0, 0, d("0.00"), d("0.00"), d("0.00"), 1, d("0.00"), d("0.00"), 0, null, null, null,
                        null, null),
                // 02-02 -> 02-05 = 3, -> 02-03 = 1, -> 02-09 = 7; 02-26 -> 02-09 = -17
                row("o18", 1, 1, 1, d("15.00"), d("5.10"), d("20.10"), 1, d("20.10"), d("0.00"), 1, 5, 3, 1, 7, -17),
                // pr12 30.00 + pr01 49.90; 03-09 -> 02-23 = -(5 + 9) = -14 (February 2018 has 28 days)
                row("o19", 2, 1, 2, d("79.90"), d("15.10"), d("95.00"), 1, d("95.00"), d("0.00"), 1, 5, 0, 2, 9, -14),
                // paid 42.49 for 42.50: -0.01; 02-20 -> 03-01 = 8 + 1 = 9; 03-14 -> 03-01 = -13
                row("o20", 1, 1, 1, d("35.00"), d("7.50"), d("42.50"), 1, d("42.49"), d("-0.01"), 1, 4, 0, 2, 9, -13),
                // 02-27 -> 03-01 = 2, -> 03-08 = 9; 03-21 -> 03-08 = -13
                row("o21", 1, 1, 1, d("1500.00"), d("45.00"), d("1545.00"), 1, d("1545.00"), d("0.00"), 1, 5, 0, 2, 9,
                        -13),
                row("o22", 1, 1, 1, d("79.90"), d("12.10"), d("92.00"), 1, d("92.00"), d("0.00"), 1, 3, 0, 2, 8, -14),
                // 04-03 -> 03-20 = -(11 + 3) = -14
                row("o23", 1, 1, 1, d("250.00"), d("20.00"), d("270.00"), 1, d("270.00"), d("0.00"), 1, 4, 0, 2, 8,
                        -14),
                row("o24", 1, 1, 1, d("399.00"), d("25.00"), d("424.00"), 1, d("424.00"), d("0.00"), 0, null, 0, 2,
                        null, null),
                // pr02 89.90 + pr12 30.00 = 119.90; 10.10 + 5.00 = 15.10; 03-26 -> 04-04 = 5 + 4 = 9
                row("o25", 2, 1, 2, d("119.90"), d("15.10"), d("135.00"), 1, d("135.00"), d("0.00"), 1, 5, 0, 2, 9,
                        -13),
                row("o26", 1, 1, 1, d("25.50"), d("8.50"), d("34.00"), 1, d("34.00"), d("0.00"), 0, null, 0, null,
                        null, null),
                // pr04 from s05 + pr06 from s02: two sellers (FIXTURE.md wrongly lists o27 as single-seller);
                // 199.00 + 15.00 = 214.00; 21.00 + 5.00 = 26.00
                row("o27", 2, 2, 2, d("214.00"), d("26.00"), d("240.00"), 1, d("240.00"), d("0.00"), 1, 5, 0, 2, 9,
                        -13),
                row("o28", 1, 1, 1, d("49.90"), d("10.10"), d("60.00"), 1, d("60.00"), d("0.00"), 0, null, 0, null,
                        null, null),
                row("o29", 1, 1, 1, d("30.00"), d("5.00"), d("35.00"), 1, d("35.00"), d("0.00"), 0, null, 0, null,
                        null, null),
                row("o30", 1, 1, 1, d("120.00"), d("15.00"), d("135.00"), 1, d("135.00"), d("0.00"), 0, null, null,
                        null, null, null));
    }

    @Test
    void the_reviews_fact_keeps_the_last_answered_duplicate_both_reviews_of_an_order_and_both_orders_of_a_review() {
        // 26 review rows - 1 duplicate (r05, o05) = 25 pairs, 24 review ids (r02 covers 2 orders), 24 orders
        // (o13 has 2), one latest per order = 24; scores 100 - 5 = 95, latest only 95 - 1 (r13) = 94;
        // days to answer: 24 x 1 + 1 x 2 (r05 kept: 10-12 -> 10-14) = 26; titles r04, r06, r13 = 3; messages
        // r02 x2, r04, r07, r12, r13, r31, r21 = 8.
        assertRows("select count(*), count(distinct review_id), count(distinct order_id),"
                        + " count(*) filter (where is_latest_for_order), sum(review_score),"
                        + " sum(review_score) filter (where is_latest_for_order), sum(days_to_answer),"
                        + " count(*) filter (where has_comment_title), count(*) filter (where has_comment_message),"
                        + " count(*) filter (where is_order_missing or customer_key = -1) from core.fact_reviews",
                row(25, 24, 24, 24, 95, 94, 26, 3, 8, 0));
        assertRows("select review_id, order_id, customer_key, purchase_date_key, creation_date_key, answer_date_key,"
                        + " is_order_missing, review_score, has_comment_title, has_comment_message,"
                        + " comment_message_length, cast(review_creation_date as varchar),"
                        + " cast(review_answer_timestamp as varchar), days_to_answer, is_latest_for_order"
                        + " from core.fact_reviews where review_id in ('r02', 'r04', 'r05', 'r07', 'r13', 'r21', 'r31')"
                        + " order by review_id, order_id",
                // one review for two orders: one row each, each the latest of its order; "Chegou antes do prazo"
                // = 6 + 1 + 5 + 1 + 2 + 1 + 5 = 21 characters
                row("r02", "o02", 2, 20170912, 20170923, 20170924, false, 4, false, true, 21, "2017-09-23 00:00:00",
                        "2017-09-24 08:00:00", 1, true),
                row("r02", "o03", 3, 20170912, 20170923, 20170924, false, 4, false, true, 21, "2017-09-23 00:00:00",
                        "2017-09-24 08:00:00", 1, true),
                // "Pedido cancelado, ninguém avisou" = 6 + 1 + 10 + 1 + 7 + 1 + 6 = 32 (quoted: holds a comma)
                row("r04", "o04", 4, 20170925, 20171017, 20171018, false, 1, true, true, 32, "2017-10-17 00:00:00",
                        "2017-10-18 09:00:00", 1, true),
                // duplicate (r05, o05): the row answered last wins (line 7, 2017-10-14 09:30, not line 6)
                row("r05", "o05", 5, 20171003, 20171012, 20171014, false, 5, false, false, null,
                        "2017-10-12 00:00:00", "2017-10-14 09:30:00", 2, true),
                // "Chegou atrasado." (16) + line break (1) + "Produto ok, mas a entrega demorou" (33) = 50
                row("r07", "o07", 7, 20171018, 20171115, 20171116, false, 2, false, true, 50, "2017-11-15 00:00:00",
                        "2017-11-16 12:00:00", 1, true),
                // first review of o13 (created 12-21): not the latest
                row("r13", "o13", 12, 20171129, 20171221, 20171222, false, 1, true, true, 13, "2017-12-21 00:00:00",
                        "2017-12-22 09:00:00", 1, false),
                // O "pc gamer" é ótimo, recomendo: 1 + 1 + 10 + 1 + 1 + 1 + 6 + 1 + 9 = 31 (doubled quotes read
                // as one)
                row("r21", "o21", 18, 20180227, 20180309, 20180310, false, 5, false, true, 31, "2018-03-09 00:00:00",
                        "2018-03-10 10:00:00", 1, true),
                // second review of o13, created 12-29: the latest; "Chegou, finalmente" = 7 + 1 + 10 = 18
                row("r31", "o13", 12, 20171129, 20171229, 20171230, false, 2, false, true, 18, "2017-12-29 00:00:00",
                        "2017-12-30 10:00:00", 1, true));
    }

    @Test
    void the_deliveries_fact_has_one_row_per_delivered_order_with_a_delivery_date() {
        // 22 delivered orders but o16 (no delivered-customer date) = 21. In transit = carrier -> customer;
        // estimated = purchase -> estimate; check: to_carrier + in_transit = to_deliver = estimated +
        // versus_estimate on every row.
        assertRows("select order_id, customer_key, purchase_date_key, approved_date_key, delivered_carrier_date_key,"
                        + " delivered_customer_date_key, estimated_delivery_date_key, seller_count, item_count,"
                        + " items_freight, days_to_approve, days_to_carrier, days_in_transit, days_to_deliver,"
                        + " days_estimated, days_versus_estimate, is_late, is_on_time"
                        + " from core.fact_deliveries order by order_id",
                // 09-06 -> 09-12 = 6; 09-04 -> 09-25 = 21
                row("o01", 1, 20170904, 20170904, 20170906, 20170912, 20170925, 1, 1, d("10.10"), 0, 2, 6, 8, 21, -13,
                        false, true),
                // 09-13 -> 09-20 = 7; 09-12 -> 10-03 = 18 + 3 = 21
                row("o02", 2, 20170912, 20170912, 20170913, 20170920, 20171003, 1, 1, d("15.00"), 0, 1, 7, 8, 21, -13,
                        false, true),
                // 09-14 -> 09-22 = 8; 09-12 -> 10-04 = 22
                row("o03", 3, 20170912, 20170913, 20170914, 20170922, 20171004, 1, 2, d("17.10"), 1, 2, 8, 10, 22, -12,
                        false, true),
                // 10-05 -> 10-11 = 6; 10-03 -> 10-24 = 21
                row("o05", 5, 20171003, 20171003, 20171005, 20171011, 20171024, 1, 3, d("15.00"), 0, 2, 6, 8, 21, -13,
                        false, true),
                // 10-12 -> 10-19 = 7; 10-10 -> 11-01 = 21 + 1 = 22
                row("o06", 6, 20171010, 20171010, 20171012, 20171019, 20171101, 1, 1, d("10.10"), 0, 2, 7, 9, 22, -13,
                        false, true),
                // 10-20 -> 11-14 = 11 + 14 = 25; 10-18 -> 11-08 = 13 + 8 = 21; late by 6
                row("o07", 7, 20171018, 20171018, 20171020, 20171114, 20171108, 1, 1, d("20.00"), 0, 2, 25, 27, 21, 6,
                        true, false),
                // 10-30 -> 11-09 = 1 + 9 = 10; 10-27 -> 11-21 = 4 + 21 = 25
                row("o08", 8, 20171027, 20171027, 20171030, 20171109, 20171121, 1, 1, d("45.00"), 0, 3, 10, 13, 25,
                        -12, false, true),
                // 11-06 -> 11-13 = 7; 11-03 -> 11-27 = 24
                row("o09", 9, 20171103, 20171103, 20171106, 20171113, 20171127, 1, 1, d("7.50"), 0, 3, 7, 10, 24, -14,
                        false, true),
                // 11-16 -> 11-22 = 6; 11-14 -> 12-05 = 16 + 5 = 21
                row("o10", 1, 20171114, 20171114, 20171116, 20171122, 20171205, 1, 2, d("15.10"), 0, 2, 6, 8, 21, -13,
                        false, true),
                // 11-28 -> 12-06 = 2 + 6 = 8; 11-24 -> 12-18 = 6 + 18 = 24
                row("o11", 10, 20171124, 20171124, 20171128, 20171206, 20171218, 2, 2, d("30.10"), 0, 4, 8, 12, 24,
                        -12, false, true),
                // 12-01 -> 12-28 = 27; 11-29 -> 12-20 = 1 + 20 = 21; late by 8
                row("o13", 12, 20171129, 20171129, 20171201, 20171228, 20171220, 1, 1, d("25.10"), 0, 2, 27, 29, 21, 8,
                        true, false),
                // 01-08 -> 01-15 = 7; 01-05 -> 01-29 = 24
                row("o14", 13, 20180105, 20180105, 20180108, 20180115, 20180129, 1, 1, d("15.00"), 0, 3, 7, 10, 24,
                        -14, false, true),
                // 01-17 -> 01-24 = 7; 01-15 -> 02-06 = 16 + 6 = 22
                row("o15", 6, 20180115, 20180115, 20180117, 20180124, 20180206, 1, 2, d("16.00"), 0, 2, 7, 9, 22, -13,
                        false, true),
                // approved 3 days after purchase, carrier 1 day after: 02-03 -> 02-09 = 6; 02-02 -> 02-26 = 24
                row("o18", 16, 20180202, 20180205, 20180203, 20180209, 20180226, 1, 1, d("5.10"), 3, 1, 6, 7, 24, -17,
                        false, true),
                // 02-16 -> 02-23 = 7; 02-14 -> 03-09 = 14 + 9 = 23
                row("o19", 1, 20180214, 20180214, 20180216, 20180223, 20180309, 1, 2, d("15.10"), 0, 2, 7, 9, 23, -14,
                        false, true),
                // 02-22 -> 03-01 = 6 + 1 = 7; 02-20 -> 03-14 = 8 + 14 = 22
                row("o20", 17, 20180220, 20180220, 20180222, 20180301, 20180314, 1, 1, d("7.50"), 0, 2, 7, 9, 22, -13,
                        false, true),
                // 03-01 -> 03-08 = 7; 02-27 -> 03-21 = 1 + 21 = 22
                row("o21", 18, 20180227, 20180227, 20180301, 20180308, 20180321, 1, 1, d("45.00"), 0, 2, 7, 9, 22, -13,
                        false, true),
                // 03-07 -> 03-13 = 6; 03-05 -> 03-27 = 22
                row("o22", 19, 20180305, 20180305, 20180307, 20180313, 20180327, 1, 1, d("12.10"), 0, 2, 6, 8, 22, -14,
                        false, true),
                // 03-14 -> 03-20 = 6; 03-12 -> 04-03 = 19 + 3 = 22
                row("o23", 20, 20180312, 20180312, 20180314, 20180320, 20180403, 1, 1, d("20.00"), 0, 2, 6, 8, 22, -14,
                        false, true),
                // 03-28 -> 04-04 = 3 + 4 = 7; 03-26 -> 04-17 = 5 + 17 = 22
                row("o25", 22, 20180326, 20180326, 20180328, 20180404, 20180417, 1, 2, d("15.10"), 0, 2, 7, 9, 22, -13,
                        false, true),
                // two sellers (s05, s02); 04-05 -> 04-12 = 7; 04-03 -> 04-25 = 22
                row("o27", 24, 20180403, 20180403, 20180405, 20180412, 20180425, 2, 2, d("26.00"), 0, 2, 7, 9, 22, -13,
                        false, true));
    }

    @Test
    void the_payments_fact_keeps_every_payment_with_its_order() {
        // 33 payments, 7057.62 = 6992.70 (items) + 64.90 (o12) + 0.03 (o13) - 0.01 (o20); counted orders:
        // 33 - o04 - o12 - o17 = 30 rows, 7057.62 - 220.00 - 64.90 - 0.00 = 6772.72. Installments: 23 rows of
        // 1, 6 of 3 (o03, o10, o11/1, o16, o24, o27), 4 of 10 (o07, o08, o13, o21): 23 + 18 + 40 = 81.
        assertRows("select count(*), sum(payment_value), count(*) filter (where counts_as_revenue),"
                        + " sum(payment_value) filter (where counts_as_revenue), sum(payment_installments),"
                        + " count(*) filter (where is_order_missing or customer_key = -1 or purchase_date_key = -1)"
                        + " from core.fact_payments",
                row(33, d("7057.62"), 30, d("6772.72"), 81, 0));
        assertRows("select payment_type, count(*), sum(payment_value), sum(payment_installments)"
                        + " from core.fact_payments group by payment_type order by payment_type",
                // o02 135.00 + o04 220.00 + o09 42.50 + o15 76.50 + o20 42.49 + o23 270.00 + o26 34.00 + o30 135.00
                row("boleto", 8, d("955.49"), 8),
                // 7 x1 (o01, o06, o12, o19, o22, o25, o28), 6 x3, 4 x10: 7 + 18 + 40 = 65 installments;
                // 60 + 112 + 100 + 270 + 1545 + 95 + 300 + 64.90 + 424.13 + 220 + 95 + 1545 + 92 + 424 + 135
                // + 240 + 60 = 5782.03
                row("credit_card", 17, d("5782.03"), 65),
                // o05 60.00 + o18 20.10
                row("debit_card", 2, d("80.10"), 2),
                row("not_defined", 1, d("0.00"), 1),
                // o11/2 70.00 + o14 50.00 + 50.00 + 35.00 + o29 35.00
                row("voucher", 5, d("240.00"), 5));
        assertRows("select order_id, payment_sequential, customer_key, purchase_date_key, is_order_missing,"
                        + " order_status, counts_as_revenue, payment_type, payment_installments, payment_value"
                        + " from core.fact_payments where order_id in ('o11', 'o12', 'o14', 'o17', 'o20')"
                        + " order by order_id, payment_sequential",
                row("o11", 1, 10, 20171124, false, "delivered", true, "credit_card", 3, d("300.00")),
                row("o11", 2, 10, 20171124, false, "delivered", true, "voucher", 1, d("70.00")),
                row("o12", 1, 11, 20171126, false, "unavailable", false, "credit_card", 1, d("64.90")),
                row("o14", 1, 13, 20180105, false, "delivered", true, "voucher", 1, d("50.00")),
                row("o14", 2, 13, 20180105, false, "delivered", true, "voucher", 1, d("50.00")),
                row("o14", 3, 13, 20180105, false, "delivered", true, "voucher", 1, d("35.00")),
                row("o17", 1, 15, 20180130, false, "canceled", false, "not_defined", 1, d("0.00")),
                row("o20", 1, 17, 20180220, false, "delivered", true, "boleto", 1, d("42.49")));
    }

    @Test
    void the_order_items_fact_keeps_every_item_with_the_versions_valid_at_purchase() {
        // 37 items of 28 orders (all but o12, o17); price by product: 4 x 49.90 + 3 x 89.90 + 3 x 120 + 3 x 199
        // + 2 x 79.90 + 6 x 15 + 3 x 250 + 2 x 25.50 + 2 x 1500 + 3 x 35 + 2 x 399 + 4 x 30 = 6500.10; freight
        // 40.40 + 30.30 + 45 + 63 + 24.20 + 30.10 + 60 + 17 + 90 + 22.50 + 50.10 + 20 = 492.60; total 6992.70.
        // Counted: all but o04's item (199.00 + 21.00): 36 items, 6772.70. pr10's 3 items have category -1.
        assertRows("select count(*), count(distinct order_id), sum(price), sum(freight_value), sum(item_total_value),"
                        + " count(*) filter (where counts_as_revenue),"
                        + " sum(item_total_value) filter (where counts_as_revenue),"
                        + " count(*) filter (where category_key = -1),"
                        + " count(*) filter (where product_key = -1 or seller_key = -1 or customer_key = -1"
                        + " or purchase_date_key = -1 or is_order_missing) from core.fact_order_items",
                row(37, 28, d("6500.10"), d("492.60"), d("6992.70"), 36, d("6772.70"), 3, 0));
        // shipping limit = purchase + 6 days
        assertRows("select order_id, order_item_id, customer_key, product_key, seller_key, category_key,"
                        + " purchase_date_key, shipping_limit_date_key, product_id, seller_id, is_order_missing,"
                        + " order_status, counts_as_revenue, price, freight_value, item_total_value"
                        + " from core.fact_order_items where (order_id, order_item_id) in"
                        + " (('o04', 1), ('o05', 3), ('o08', 1), ('o09', 1), ('o11', 1), ('o11', 2), ('o13', 1),"
                        + " ('o27', 2)) order by order_id, order_item_id",
                // canceled: kept, not counted; pr04 -> moveis_decoracao (6), s05
                row("o04", 1, 4, 4, 5, 6, 20170925, 20171001, "pr04", "s05", false, "canceled", false, d("199.00"),
                        d("21.00"), d("220.00")),
                // third item of the same product; pr06 -> utilidades_domesticas (10), s02
                row("o05", 3, 5, 6, 2, 10, 20171003, 20171009, "pr06", "s02", false, "delivered", true, d("15.00"),
                        d("5.00"), d("20.00")),
                // untranslated category pc_gamer (7); s06's prefix unknown to geolocation does not matter here
                row("o08", 1, 8, 9, 6, 7, 20171027, 20171102, "pr09", "s06", false, "delivered", true, d("1500.00"),
                        d("45.00"), d("1545.00")),
                // product without a category: category -1
                row("o09", 1, 9, 10, 4, -1, 20171103, 20171109, "pr10", "s04", false, "delivered", true, d("35.00"),
                        d("7.50"), d("42.50")),
                // the multi-seller order: pr02/s01 (informatica 5) and pr07/s03 (relogios 8), customer p10
                row("o11", 1, 10, 2, 1, 5, 20171124, 20171130, "pr02", "s01", false, "delivered", true, d("89.90"),
                        d("10.10"), d("100.00")),
                row("o11", 2, 10, 7, 3, 8, 20171124, 20171130, "pr07", "s03", false, "delivered", true, d("250.00"),
                        d("20.00"), d("270.00")),
                // telefonia (9), freight 25.10
                row("o13", 1, 12, 11, 5, 9, 20171129, 20171205, "pr11", "s05", false, "delivered", true, d("399.00"),
                        d("25.10"), d("424.10")),
                // o27's second seller
                row("o27", 2, 24, 6, 2, 10, 20180403, 20180409, "pr06", "s02", false, "delivered", true, d("15.00"),
                        d("5.00"), d("20.00")));
    }

    // --------------------------------------------------------------------------------------------------------
    // marts
    // --------------------------------------------------------------------------------------------------------

    @Test
    void the_product_performance_mart_has_one_row_per_category_and_month_of_counted_items() {
        // Counted items per month (o04 left out; o12, o17 have none), category key, price/freight, order score:
        // 2017-09: o01 pr01 (1) 49.90/10.10 s5; o02 pr03 (4) 120/15 s4; o03 pr05 (3) 79.90/12.10 and pr06 (10)
        //   15/5 s4. Month GMV 264.80.
        // 2017-10: o05 3 x pr06 (10) 15/5 s5; o06 pr02 (5) 89.90/10.10 s5; o07 pr07 (8) 250/20 s2; o08 pr09 (7)
        //   1500/45 s5. Month GMV 1884.90.
        // 2017-11: o09 pr10 (-1) 35/7.50 s3; o10 pr01 (1) 49.90/10.10 + pr12 (1) 30/5 s4; o11 pr02 (5)
        //   89.90/10.10 + pr07 (8) 250/20 s5; o13 pr11 (9) 399/25.10 s2. Month GMV 853.80.
        // 2018-01: o14 pr03 (4) 120/15 s5; o15 pr08 (2) 25.50/8.50 + pr10 (-1) 35/7.50 s4; o16 pr04 (6) 199/21
        //   s3. Month GMV 379.50.
        // 2018-02: o18 pr06 (10) 15/5.10 s5; o19 pr12 + pr01 (1) 79.90/15.10 s5; o20 pr10 (-1) 35/7.50 s4;
        //   o21 pr09 (7) 1500/45 s5. Month GMV 1629.90.
        // 2018-03: o22 pr05 (3) 79.90/12.10 s3; o23 pr07 (8) 250/20 s4; o24 pr11 (9) 399/25 no review; o25 pr02
        //   (5) 89.90/10.10 + pr12 (1) 30/5 s5; o26 pr08 (2) 25.50/8.50 no review. Month GMV 874.30.
        // 2018-04: o27 pr04 (6) 199/21 + pr06 (10) 15/5 s5; o28 pr01 (1) 49.90/10.10 and o29 pr12 (1) 30/5, no
        //   reviews; o30 pr03 (4) 120/15 no review. Month GMV 413.90.
        // share = category GMV / month GMV, rounded to 4 places (none is near a half).
        assertRows("select category_key, product_category_name, product_category_name_english,"
                        + " cast(purchase_month as varchar), orders, items, products, gross_merchandise_value,"
                        + " freight_value, revenue, average_price, average_review_score, gmv_share_of_month"
                        + " from mart.mart_product_performance order by purchase_month, category_key",
                // 49.90 / 264.80 = 0.18844
                row(1, "beleza_saude", "health_beauty", "2017-09-01", 1, 1, 1, d("49.90"), d("10.10"), d("60.00"),
                        d("49.90"), d("5.00"), d("0.1884")),
                // 79.90 / 264.80 = 0.30174
                row(3, "cama_mesa_banho", "bed_bath_table", "2017-09-01", 1, 1, 1, d("79.90"), d("12.10"),
                        d("92.00"), d("79.90"), d("4.00"), d("0.3017")),
                // 120 / 264.80 = 0.45317
                row(4, "esporte_lazer", "sports_leisure", "2017-09-01", 1, 1, 1, d("120.00"), d("15.00"),
                        d("135.00"), d("120.00"), d("4.00"), d("0.4532")),
                // 15 / 264.80 = 0.05665
                row(10, "utilidades_domesticas", "housewares", "2017-09-01", 1, 1, 1, d("15.00"), d("5.00"),
                        d("20.00"), d("15.00"), d("4.00"), d("0.0566")),
                // 89.90 / 1884.90 = 0.047695
                row(5, "informatica_acessorios", "computers_accessories", "2017-10-01", 1, 1, 1, d("89.90"),
                        d("10.10"), d("100.00"), d("89.90"), d("5.00"), d("0.0477")),
                // 1500 / 1884.90 = 0.79580
                row(7, "pc_gamer", "pc_gamer", "2017-10-01", 1, 1, 1, d("1500.00"), d("45.00"), d("1545.00"),
                        d("1500.00"), d("5.00"), d("0.7958")),
                // 250 / 1884.90 = 0.13263
                row(8, "relogios_presentes", "watches_gifts", "2017-10-01", 1, 1, 1, d("250.00"), d("20.00"),
                        d("270.00"), d("250.00"), d("2.00"), d("0.1326")),
                // o05: 1 order, 3 items of 1 product: 45.00 / 3 = 15.00; 45 / 1884.90 = 0.023874
                row(10, "utilidades_domesticas", "housewares", "2017-10-01", 1, 3, 1, d("45.00"), d("15.00"),
                        d("60.00"), d("15.00"), d("5.00"), d("0.0239")),
                // 35 / 853.80 = 0.040993
                row(-1, "unknown", "unknown", "2017-11-01", 1, 1, 1, d("35.00"), d("7.50"), d("42.50"), d("35.00"),
                        d("3.00"), d("0.0410")),
                // o10: 2 products of one category in one order: 79.90 / 2 = 39.95; 79.90 / 853.80 = 0.093582
                row(1, "beleza_saude", "health_beauty", "2017-11-01", 1, 2, 2, d("79.90"), d("15.10"), d("95.00"),
                        d("39.95"), d("4.00"), d("0.0936")),
                // 89.90 / 853.80 = 0.105294
                row(5, "informatica_acessorios", "computers_accessories", "2017-11-01", 1, 1, 1, d("89.90"),
                        d("10.10"), d("100.00"), d("89.90"), d("5.00"), d("0.1053")),
                // 250 / 853.80 = 0.292809
                row(8, "relogios_presentes", "watches_gifts", "2017-11-01", 1, 1, 1, d("250.00"), d("20.00"),
                        d("270.00"), d("250.00"), d("5.00"), d("0.2928")),
                // o13's latest review r31 scores 2; 399 / 853.80 = 0.467323
                row(9, "telefonia", "telephony", "2017-11-01", 1, 1, 1, d("399.00"), d("25.10"), d("424.10"),
                        d("399.00"), d("2.00"), d("0.4673")),
                // 35 / 379.50 = 0.092227
                row(-1, "unknown", "unknown", "2018-01-01", 1, 1, 1, d("35.00"), d("7.50"), d("42.50"), d("35.00"),
                        d("4.00"), d("0.0922")),
                // 25.50 / 379.50 = 0.067194
                row(2, "brinquedos", "toys", "2018-01-01", 1, 1, 1, d("25.50"), d("8.50"), d("34.00"), d("25.50"),
                        d("4.00"), d("0.0672")),
                // 120 / 379.50 = 0.316206
                row(4, "esporte_lazer", "sports_leisure", "2018-01-01", 1, 1, 1, d("120.00"), d("15.00"),
                        d("135.00"), d("120.00"), d("5.00"), d("0.3162")),
                // o16: delivered status without a date still counts; 199 / 379.50 = 0.524374
                row(6, "moveis_decoracao", "furniture_decor", "2018-01-01", 1, 1, 1, d("199.00"), d("21.00"),
                        d("220.00"), d("199.00"), d("3.00"), d("0.5244")),
                // 35 / 1629.90 = 0.021474
                row(-1, "unknown", "unknown", "2018-02-01", 1, 1, 1, d("35.00"), d("7.50"), d("42.50"), d("35.00"),
                        d("4.00"), d("0.0215")),
                // o19: pr12 + pr01, 79.90 / 2 = 39.95; 79.90 / 1629.90 = 0.049021
                row(1, "beleza_saude", "health_beauty", "2018-02-01", 1, 2, 2, d("79.90"), d("15.10"), d("95.00"),
                        d("39.95"), d("5.00"), d("0.0490")),
                // 1500 / 1629.90 = 0.920302
                row(7, "pc_gamer", "pc_gamer", "2018-02-01", 1, 1, 1, d("1500.00"), d("45.00"), d("1545.00"),
                        d("1500.00"), d("5.00"), d("0.9203")),
                // freight 5.10; 15 / 1629.90 = 0.009203
                row(10, "utilidades_domesticas", "housewares", "2018-02-01", 1, 1, 1, d("15.00"), d("5.10"),
                        d("20.10"), d("15.00"), d("5.00"), d("0.0092")),
                // 30 / 874.30 = 0.034313
                row(1, "beleza_saude", "health_beauty", "2018-03-01", 1, 1, 1, d("30.00"), d("5.00"), d("35.00"),
                        d("30.00"), d("5.00"), d("0.0343")),
                // o26 has no review: average null; 25.50 / 874.30 = 0.029166
                row(2, "brinquedos", "toys", "2018-03-01", 1, 1, 1, d("25.50"), d("8.50"), d("34.00"), d("25.50"),
                        null, d("0.0292")),
                // 79.90 / 874.30 = 0.091387
                row(3, "cama_mesa_banho", "bed_bath_table", "2018-03-01", 1, 1, 1, d("79.90"), d("12.10"),
                        d("92.00"), d("79.90"), d("3.00"), d("0.0914")),
                // 89.90 / 874.30 = 0.102825
                row(5, "informatica_acessorios", "computers_accessories", "2018-03-01", 1, 1, 1, d("89.90"),
                        d("10.10"), d("100.00"), d("89.90"), d("5.00"), d("0.1028")),
                // 250 / 874.30 = 0.285943
                row(8, "relogios_presentes", "watches_gifts", "2018-03-01", 1, 1, 1, d("250.00"), d("20.00"),
                        d("270.00"), d("250.00"), d("4.00"), d("0.2859")),
                // o24 (shipped) counts, no review; 399 / 874.30 = 0.456365
                row(9, "telefonia", "telephony", "2018-03-01", 1, 1, 1, d("399.00"), d("25.00"), d("424.00"),
                        d("399.00"), null, d("0.4564")),
                // o28 pr01 + o29 pr12: 2 orders, 79.90 / 2 = 39.95, no review; 79.90 / 413.90 = 0.193042
                row(1, "beleza_saude", "health_beauty", "2018-04-01", 2, 2, 2, d("79.90"), d("15.10"), d("95.00"),
                        d("39.95"), null, d("0.1930")),
                // o30 (created) counts, no review; 120 / 413.90 = 0.289925
                row(4, "esporte_lazer", "sports_leisure", "2018-04-01", 1, 1, 1, d("120.00"), d("15.00"),
                        d("135.00"), d("120.00"), null, d("0.2899")),
                // 199 / 413.90 = 0.480793
                row(6, "moveis_decoracao", "furniture_decor", "2018-04-01", 1, 1, 1, d("199.00"), d("21.00"),
                        d("220.00"), d("199.00"), d("5.00"), d("0.4808")),
                // 15 / 413.90 = 0.036241
                row(10, "utilidades_domesticas", "housewares", "2018-04-01", 1, 1, 1, d("15.00"), d("5.00"),
                        d("20.00"), d("15.00"), d("5.00"), d("0.0362")));
    }

    @Test
    void the_seller_scorecard_has_one_row_per_seller_ranked_by_gmv() {
        // Per seller, the orders holding their items (order: items, price/freight, status, delivered?, score):
        // s01: o01 1 49.90/10.10 s5; o06 1 89.90/10.10 s5; o10 2 79.90/15.10 s4; o11 1 89.90/10.10 s5; o19 2
        //   79.90/15.10 s5; o25 2 119.90/15.10 s5; o28 1 49.90/10.10 processing; o29 1 30/5 approved.
        // s02: o03 2 94.90/17.10 s4; o05 3 45/15 s5; o18 1 15/5.10 s5; o22 1 79.90/12.10 s3; o27 1 15/5 s5.
        // s03: o02 120/15 s4; o07 250/20 s2 late; o11 250/20 s5; o14 120/15 s5; o23 250/20 s4; o30 120/15
        //   created.
        // s04: o09 35/7.50 s3; o15 2 60.50/16 s4; o20 35/7.50 s4; o26 25.50/8.50 invoiced.
        // s05: o04 canceled; o13 399/25.10 s2 late; o16 199/21 s3 no delivery date; o24 399/25 shipped;
        //   o27 199/21 s5.
        // s06: o08 1500/45 s5; o21 1500/45 s5.
        assertRows("select seller_id, seller_key, seller_city, seller_state, seller_region, orders, items,"
                        + " gross_merchandise_value, freight_value, delivered_orders, on_time_orders, on_time_rate,"
                        + " average_review_score, orders_placed, canceled_orders, cancellation_rate,"
                        + " cast(first_sale_date as varchar), cast(last_sale_date as varchar), revenue_rank"
                        + " from mart.mart_seller_scorecard order by seller_id",
                // 8 orders, 1+1+2+1+2+2+1+1 = 11 items; 589.30; 90.70; delivered o01 o06 o10 o11 o19 o25 = 6, all on
                // time; reviews (5+5+4+5+5+5) / 6 = 4.8333; 589.30 is the 4th GMV
                row("s01", 1, "sao paulo", "SP", "Sudeste", 8, 11, d("589.30"), d("90.70"), 6, 6, d("1.0000"),
                        d("4.83"), 8, 0, d("0.0000"), "2017-09-04", "2018-04-20", 4),
                // 5 orders, 2+3+1+1+1 = 8 items; 94.90+45+15+79.90+15 = 249.80; 17.10+15+5.10+12.10+5 = 54.30;
                // 5 delivered on time; (4+5+5+3+5) / 5 = 4.40
                row("s02", 2, "campinas", "SP", "Sudeste", 5, 8, d("249.80"), d("54.30"), 5, 5, d("1.0000"),
                        d("4.40"), 5, 0, d("0.0000"), "2017-09-12", "2018-04-03", 5),
                // 6 orders and items; 3 x 120 + 3 x 250 = 1110; 3 x 15 + 3 x 20 = 105; delivered 5 (not o30), on
                // time 4 (o07 late): 4 / 5 = 0.8; (4+2+5+5+4) / 5 = 4.00
                row("s03", 3, "rio de janeiro", "RJ", "Sudeste", 6, 6, d("1110.00"), d("105.00"), 5, 4, d("0.8000"),
                        d("4.00"), 6, 0, d("0.0000"), "2017-09-12", "2018-04-28", 3),
                // 4 orders, 5 items; 35+60.50+35+25.50 = 156.00; 7.50+16+7.50+8.50 = 39.50; delivered 3 on time;
                // (3+4+4) / 3 = 3.6667
                row("s04", 4, "curitiba", "PR", "Sul", 4, 5, d("156.00"), d("39.50"), 3, 3, d("1.0000"), d("3.67"), 4,
                        0, d("0.0000"), "2017-11-03", "2018-03-30", 6),
                // 5 placed, 1 canceled (o04): 1 / 5 = 0.2; counted 4 (o13 o16 o24 o27), 4 items; 399+199+399+199 =
                // 1196.00; 25.10+21+25+21 = 92.10; delivered o13 o27 = 2, on time 1 (o13 late): 0.5;
                // (2+3+5) / 3 = 3.3333
                row("s05", 5, "belo horizonte", "MG", "Sudeste", 4, 4, d("1196.00"), d("92.10"), 2, 1, d("0.5000"),
                        d("3.33"), 5, 1, d("0.2000"), "2017-11-29", "2018-04-03", 2),
                // 2 x 1500 = 3000.00, the highest GMV; 2 x 45 = 90.00
                row("s06", 6, "florianopolis", "SC", "Sul", 2, 2, d("3000.00"), d("90.00"), 2, 2, d("1.0000"),
                        d("5.00"), 2, 0, d("0.0000"), "2017-10-27", "2018-02-27", 1));
    }

    @Test
    void the_delivery_metrics_mart_has_one_row_per_state_and_month_with_a_delivered_order() {
        // The 21 delivered orders, located by the address given with each order (p01's o01 and o10 from
        // c01/c10 in sao paulo/SP, o19 from c19 in RJ): state, month, days to deliver, days versus estimate.
        // Only SP 2018-03 (o23 8 days, o25 9 days) holds two orders; p90 by linear interpolation over n
        // values: position 0.9 x (n - 1), so for [8, 9]: 8 + 0.9 x (9 - 8) = 8.90.
        assertRows("select customer_state, customer_region, cast(purchase_month as varchar), delivered_orders,"
                        + " on_time_orders, late_orders, on_time_rate, average_delivery_days, p90_delivery_days,"
                        + " average_days_versus_estimate from mart.mart_delivery_metrics"
                        + " order by customer_state, purchase_month",
                row("AL", "Nordeste", "2017-10-01", 1, 1, 0, d("1.0000"), d("13.00"), d("13.00"), d("-12.00")), // o08
                row("BA", "Nordeste", "2017-10-01", 1, 1, 0, d("1.0000"), d("8.00"), d("8.00"), d("-13.00")), // o05
                row("BA", "Nordeste", "2018-03-01", 1, 1, 0, d("1.0000"), d("8.00"), d("8.00"), d("-14.00")), // o22
                row("DF", "Centro-Oeste", "2017-10-01", 1, 0, 1, d("0.0000"), d("27.00"), d("27.00"), d("6.00")), // o07
                row("GO", "Centro-Oeste", "2018-01-01", 1, 1, 0, d("1.0000"), d("10.00"), d("10.00"), d("-14.00")), // o14
                row("MG", "Sudeste", "2017-09-01", 1, 1, 0, d("1.0000"), d("10.00"), d("10.00"), d("-12.00")), // o03
                row("MG", "Sudeste", "2018-02-01", 1, 1, 0, d("1.0000"), d("7.00"), d("7.00"), d("-17.00")), // o18
                row("MG", "Sudeste", "2018-04-01", 1, 1, 0, d("1.0000"), d("9.00"), d("9.00"), d("-13.00")), // o27
                row("PA", "Norte", "2017-11-01", 1, 0, 1, d("0.0000"), d("29.00"), d("29.00"), d("8.00")), // o13
                row("PE", "Nordeste", "2017-11-01", 1, 1, 0, d("1.0000"), d("12.00"), d("12.00"), d("-12.00")), // o11
                row("PR", "Sul", "2018-02-01", 1, 1, 0, d("1.0000"), d("9.00"), d("9.00"), d("-13.00")), // o20
                row("RJ", "Sudeste", "2017-09-01", 1, 1, 0, d("1.0000"), d("8.00"), d("8.00"), d("-13.00")), // o02
                row("RJ", "Sudeste", "2018-02-01", 1, 1, 0, d("1.0000"), d("9.00"), d("9.00"), d("-14.00")), // o19
                row("RS", "Sul", "2017-11-01", 1, 1, 0, d("1.0000"), d("10.00"), d("10.00"), d("-14.00")), // o09
                row("RS", "Sul", "2018-02-01", 1, 1, 0, d("1.0000"), d("9.00"), d("9.00"), d("-13.00")), // o21
                row("SP", "Sudeste", "2017-09-01", 1, 1, 0, d("1.0000"), d("8.00"), d("8.00"), d("-13.00")), // o01
                row("SP", "Sudeste", "2017-10-01", 1, 1, 0, d("1.0000"), d("9.00"), d("9.00"), d("-13.00")), // o06
                row("SP", "Sudeste", "2017-11-01", 1, 1, 0, d("1.0000"), d("8.00"), d("8.00"), d("-13.00")), // o10
                row("SP", "Sudeste", "2018-01-01", 1, 1, 0, d("1.0000"), d("9.00"), d("9.00"), d("-13.00")), // o15
                // o23 (8, -14) and o25 (9, -13): average (8 + 9) / 2 = 8.50, p90 8.90, (-14 - 13) / 2 = -13.50
                row("SP", "Sudeste", "2018-03-01", 2, 2, 0, d("1.0000"), d("8.50"), d("8.90"), d("-13.50")));
    }

    @Test
    void the_geographic_analysis_has_one_row_per_state_and_one_per_region_of_counted_orders() {
        // The 27 counted orders by the state of the address given with each order (price / freight / total):
        // AL o08 1500/45/1545; BA o05 45/15/60, o22 79.90/12.10/92; DF o07 250/20/270, o24 399/25/424;
        // GO o14 120/15/135, o28 49.90/10.10/60; MG o03 94.90/17.10/112, o18 15/5.10/20.10, o27 214/26/240;
        // PA o13 399/25.10/424.10, o30 120/15/135; PE o11 339.90/30.10/370, o26 25.50/8.50/34; PR o20
        // 35/7.50/42.50; RJ o02 120/15/135 (p02), o19 79.90/15.10/95 (p01 after moving, c19); RS o09
        // 35/7.50/42.50, o21 1500/45/1545; SP o01 49.90/10.10/60, o10 79.90/15.10/95 (p01 before moving, c01
        // and c10), o06 89.90/10.10/100, o15 60.50/16/76.50 (both p06), o16 199/21/220, o23 250/20/270, o25
        // 119.90/15.10/135, o29 30/5/35.
        // Total: 27 orders, 24 people, revenue 6772.70. p01 counts once in RJ and once in SP, and once in
        // Sudeste.
        assertRows("select geo_level, region, state, customers, orders, gross_merchandise_value, freight_value,"
                        + " revenue, average_order_value, freight_share from mart.mart_geographic_analysis"
                        + " order by geo_level, region, state nulls first",
                // DF + GO: 649 + 169.90 = 818.90; 45 + 25.10 = 70.10; 694 + 195 = 889; 889 / 4 = 222.25;
                // 70.10 / 889 = 0.078853
                row("region", "Centro-Oeste", null, 4, 4, d("818.90"), d("70.10"), d("889.00"), d("222.25"),
                        d("0.0789")),
                // AL + BA + PE: 1500 + 124.90 + 365.40 = 1990.30; 45 + 27.10 + 38.60 = 110.70; 1545 + 152 + 404 =
                // 2101; 2101 / 5 = 420.20; 110.70 / 2101 = 0.052689
                row("region", "Nordeste", null, 5, 5, d("1990.30"), d("110.70"), d("2101.00"), d("420.20"),
                        d("0.0527")),
                // PA only: 559.10 / 2 = 279.55; 40.10 / 559.10 = 0.071722
                row("region", "Norte", null, 2, 2, d("519.00"), d("40.10"), d("559.10"), d("279.55"), d("0.0717")),
                // MG + RJ + SP: 3 + 2 + 6 people with p01 in both RJ and SP, so 10 distinct; 3 + 2 + 8 = 13 orders;
                // 323.90 + 199.90 + 879.10 = 1402.90; 48.20 + 30.10 + 112.40 = 190.70;
                // 372.10 + 230 + 991.50 = 1593.60; / 13 = 122.5846;
                // 190.70 / 1593.60 = 0.119666
                row("region", "Sudeste", null, 10, 13, d("1402.90"), d("190.70"), d("1593.60"), d("122.58"),
                        d("0.1197")),
                // PR + RS: 35 + 1535 = 1570; 7.50 + 52.50 = 60; 42.50 + 1587.50 = 1630; / 3 = 543.333;
                // 60 / 1630 = 0.036810
                row("region", "Sul", null, 3, 3, d("1570.00"), d("60.00"), d("1630.00"), d("543.33"), d("0.0368")),
                row("state", "Centro-Oeste", "DF", 2, 2, d("649.00"), d("45.00"), d("694.00"), d("347.00"),
                        d("0.0648")), // 45 / 694 = 0.064841
                row("state", "Centro-Oeste", "GO", 2, 2, d("169.90"), d("25.10"), d("195.00"), d("97.50"),
                        d("0.1287")), // 25.10 / 195 = 0.128718
                row("state", "Nordeste", "AL", 1, 1, d("1500.00"), d("45.00"), d("1545.00"), d("1545.00"),
                        d("0.0291")), // 45 / 1545 = 0.029126
                row("state", "Nordeste", "BA", 2, 2, d("124.90"), d("27.10"), d("152.00"), d("76.00"),
                        d("0.1783")), // 27.10 / 152 = 0.178289
                row("state", "Nordeste", "PE", 2, 2, d("365.40"), d("38.60"), d("404.00"), d("202.00"),
                        d("0.0955")), // 38.60 / 404 = 0.095545
                row("state", "Norte", "PA", 2, 2, d("519.00"), d("40.10"), d("559.10"), d("279.55"), d("0.0717")),
                // 372.10 / 3 = 124.0333; 48.20 / 372.10 = 0.129535
                row("state", "Sudeste", "MG", 3, 3, d("323.90"), d("48.20"), d("372.10"), d("124.03"), d("0.1295")),
                // o02 (p02) and o19 (p01): 2 people, 2 orders; 120 + 79.90 = 199.90; 15 + 15.10 = 30.10;
                // 135 + 95 = 230; 230 / 2 = 115.00; 30.10 / 230 = 0.130870
                row("state", "Sudeste", "RJ", 2, 2, d("199.90"), d("30.10"), d("230.00"), d("115.00"), d("0.1309")),
                // p01 (o01, o10), p06 (2 orders), p14, p20, p22, p26: 6 people, 8 orders;
                // 49.90 + 79.90 + 89.90 + 60.50 + 199 + 250 + 119.90 + 30 = 879.10;
                // 10.10 + 15.10 + 10.10 + 16 + 21 + 20 + 15.10 + 5 = 112.40; 879.10 + 112.40 = 991.50;
                // 991.50 / 8 = 123.9375 -> 123.94; 112.40 / 991.50 = 0.113364
                row("state", "Sudeste", "SP", 6, 8, d("879.10"), d("112.40"), d("991.50"), d("123.94"), d("0.1134")),
                // 7.50 / 42.50 = 0.176471
                row("state", "Sul", "PR", 1, 1, d("35.00"), d("7.50"), d("42.50"), d("42.50"), d("0.1765")),
                // 1587.50 / 2 = 793.75; 52.50 / 1587.50 = 0.033071
                row("state", "Sul", "RS", 2, 2, d("1535.00"), d("52.50"), d("1587.50"), d("793.75"), d("0.0331")));
    }

    // --------------------------------------------------------------------------------------------------------
    // helpers
    // --------------------------------------------------------------------------------------------------------

    /** The rows of {@code sql}, in order, equal to {@code expected} cell by cell (numbers compared by value). */
    @SafeVarargs
    private static void assertRows(String sql, List<Object>... expected) {
        assertThat(Builds.query(build.connection(), sql)).as(sql)
                .usingElementComparator(SAME_ROW)
                .containsExactly(expected);
    }

    private static boolean sameRow(List<Object> actual, List<Object> expected) {
        if (actual.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!sameValue(actual.get(i), expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return actual == expected;
        }
        if (actual instanceof Number && expected instanceof Number) {
            return decimal(actual).compareTo(decimal(expected)) == 0;
        }
        return actual.equals(expected);
    }

    /** A number as a BigDecimal; a double by its shortest decimal form, so 0.1 + 0.2 is not 0.3. */
    private static BigDecimal decimal(Object number) {
        return number instanceof BigDecimal big ? big : new BigDecimal(number.toString());
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
