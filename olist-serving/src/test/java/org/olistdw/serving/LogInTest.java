package org.olistdw.serving;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.security.AuditEvent;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Pseudonymiser;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.Username;
import org.olistdw.domain.security.Users;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;

/**
 * Log-in, sessions, authorization, audit and the SQL page, over HTTP against a real warehouse (the hand-made star
 * fixture) and real users and audit trail in an embedded PostgreSQL.
 */
class LogInTest {

    @TempDir
    static Path directory;

    private static final String PASSWORD = "correct horse battery";
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 9, 0);
    private static final Pseudonymiser PSEUDONYMS = new Pseudonymiser(
            "a key of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8));

    private static LocalPostgres postgres;
    private static PostgresOps ops;
    private static DashboardServer server;
    private static DashboardServer quick;

    @BeforeAll
    static void usersAWarehouseAndTwoServers() throws Exception {
        postgres = LocalPostgres.start(Path.of("target", "test-postgres", "serving").toAbsolutePath());
        String url = ServingStores.freshDatabase(postgres, "serving_login");
        ops = PostgresOps.connect(url, postgres.user(), postgres.password());
        Users users = ops.users();
        user(users, "vera.viewer", "viewer", true);
        user(users, "ana.analyst", "analyst", true);
        user(users, "ada.admin", "admin", true);
        user(users, "dino.disabled", "viewer", false);
        user(users, "tom.throttled", "viewer", true);
        user(users, "eve.expiring", "analyst", true);

        Path published = directory.resolve("work/warehouse.duckdb");
        Warehouses.publish(published, Warehouses.starFixture(), 1);
        server = DashboardServer.startWithLogIn(published, "127.0.0.1", 0,
                ServingSecurity.of(ops.users(), ops.auditLog(), ops.operationalReads(), ops.qualityRules(),
                        Duration.ofMinutes(30), PSEUDONYMS));
        quick = DashboardServer.startWithLogIn(published, "127.0.0.1", 0, new ServingSecurity(ops.users(),
                ops.auditLog(), ops.operationalReads(), ops.qualityRules(), Duration.ofSeconds(1), 5, Duration.ofMillis(300), 3, PSEUDONYMS));
    }

    private static void user(Users users, String name, String role, boolean active) {
        User user = User.register(new Username(name), new Email(name + "@example.com"), null, T0);
        Role stored = users.roles().stream().filter(each -> each.name().equals(role)).findFirst().orElseThrow();
        user.grant(stored, T0);
        if (!active) {
            user.deactivate(T0);
        }
        users.save(user);
        users.setPassword(new Username(name), new Password(PASSWORD.toCharArray()));
    }

    @AfterAll
    static void stop() {
        ServingStores.closeAll(server, quick, ops, postgres);
    }

    @Test
    void the_log_in_page_sets_an_http_only_strict_session_cookie_and_holds_a_csrf_token() throws Exception {
        Browser browser = new Browser(server);
        HttpResponse<String> form = browser.get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        String cookie = form.headers().firstValue("set-cookie").orElseThrow();
        assertThat(cookie).startsWith(Login.SESSION_COOKIE + "=").contains("; HttpOnly").contains("; SameSite=Strict")
                .contains("; Path=/");
        assertThat(browser.session).hasSizeGreaterThanOrEqualTo(43);
        assertThat(form.body()).contains("name=\"csrf\" value=\"" + browser.csrf + "\"").contains("type=\"password\"");
    }

    @Test
    void logging_in_issues_a_new_session_id_and_is_audited_with_the_client_address() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        String before = browser.session;
        HttpResponse<String> loggedIn = browser.logIn("vera.viewer", PASSWORD);
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("location")).contains("/");
        assertThat(browser.session).isNotEqualTo(before);
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        Browser fixated = new Browser(server);
        fixated.session = before;
        assertThat(fixated.get("/executive").statusCode()).as("the id known before log-in").isEqualTo(302);

        AuditRecord login = latest("vera.viewer", AuditEvent.LOGIN_SUCCESS);
        assertThat(login.entry().succeeded()).isTrue();
        assertThat(login.entry().details()).containsEntry("username", "vera.viewer").containsEntry("address", "127.0.0.1");
    }

    @Test
    void a_wrong_password_is_refused_and_audited() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        HttpResponse<String> refused = browser.logIn("ada.admin", "not the password at all");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("wrong username or password");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        AuditRecord failure = latest("ada.admin", AuditEvent.LOGIN_FAILURE);
        assertThat(failure.entry().succeeded()).isFalse();
        assertThat(failure.entry().details()).containsEntry("reason", "wrong password")
                .containsEntry("address", "127.0.0.1");
    }

    @Test
    void other_paths_asked_for_before_log_in_keep_the_log_in_forms_token() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        String session = browser.session;
        String token = browser.csrf;
        // a browser asks for /favicon.ico (and may follow links) while the form is open
        assertThat(browser.get("/favicon.ico").statusCode()).isEqualTo(302);
        assertThat(browser.get("/executive").statusCode()).isEqualTo(302);
        assertThat(browser.session).isEqualTo(session);
        assertThat(browser.post("/login", Map.of("username", "vera.viewer", "password", PASSWORD, "csrf", token))
                .statusCode()).isEqualTo(302);
        assertThat(browser.get("/executive").statusCode()).isEqualTo(200);
    }

    @Test
    void a_disabled_user_is_refused_even_with_the_right_password() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        assertThat(browser.logIn("dino.disabled", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(browser.get("/executive").statusCode()).isEqualTo(302);
        assertThat(latest("dino.disabled", AuditEvent.LOGIN_FAILURE).entry().details())
                .containsEntry("reason", "user is disabled");
    }

    @Test
    void posts_without_the_session_csrf_token_are_refused_with_403() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        assertThat(browser.post("/login", Map.of("username", "vera.viewer", "password", PASSWORD)).statusCode())
                .as("log-in without a token").isEqualTo(403);
        assertThat(browser.post("/login", Map.of("username", "vera.viewer", "password", PASSWORD,
                "csrf", "forged")).statusCode()).as("log-in with a forged token").isEqualTo(403);
        Browser stranger = new Browser(server);
        assertThat(stranger.post("/login", Map.of("username", "vera.viewer", "password", PASSWORD, "csrf", "x"))
                .statusCode()).as("log-in without a session").isEqualTo(403);

        Browser analyst = loggedIn("ana.analyst");
        assertThat(analyst.post("/sql", Map.of("sql", "select 1 from mart.mart_sales_totals")).statusCode())
                .isEqualTo(403);
        assertThat(analyst.post("/logout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        assertThat(analyst.get("/").statusCode()).as("still logged in").isEqualTo(200);
    }

    @Test
    void repeated_failures_are_throttled_with_429_even_for_the_right_password() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        for (int i = 0; i < 5; i++) {
            assertThat(browser.logIn("tom.throttled", "wrong password number " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = browser.logIn("tom.throttled", PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("retry-after")).isPresent();
        assertThat(throttled.body()).contains("too many failed log-ins");
        assertThat(latest("tom.throttled", AuditEvent.LOGIN_FAILURE).entry().details())
                .containsEntry("reason", "too many failed log-ins");
    }

    @Test
    void without_a_session_pages_redirect_to_the_log_in_and_figures_answer_401() throws Exception {
        Browser nobody = new Browser(server);
        for (String page : List.of("/", "/executive", "/geography?state=SP", "/sql")) {
            HttpResponse<String> response = nobody.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(response.headers().firstValue("location")).as(page).contains("/login");
        }
        HttpResponse<String> figures = nobody.get("/api/executive");
        assertThat(figures.statusCode()).isEqualTo(401);
        assertThat(figures.body()).doesNotContain("revenue");
        assertThat(nobody.get("/assets/dashboards.css").statusCode()).isEqualTo(200);
    }

    @Test
    void every_role_sees_every_dashboard_and_only_analysts_and_admins_the_sql_page() throws Exception {
        for (String name : List.of("vera.viewer", "ana.analyst", "ada.admin")) {
            Browser browser = loggedIn(name);
            for (Dashboard dashboard : Dashboard.values()) {
                assertThat(browser.get("/" + dashboard.slug()).statusCode()).as(name + " " + dashboard).isEqualTo(200);
                assertThat(browser.get("/api/" + dashboard.slug()).statusCode()).as(name + " " + dashboard)
                        .isEqualTo(200);
            }
            boolean sql = !name.equals("vera.viewer");
            HttpResponse<String> page = browser.get("/sql");
            assertThat(page.statusCode()).as(name + " /sql").isEqualTo(sql ? 200 : 403);
            assertThat(browser.post("/sql", Map.of("sql", "select revenue from mart.mart_sales_totals",
                    "csrf", browser.csrf)).statusCode()).as(name + " runs SQL").isEqualTo(sql ? 200 : 403);
            assertThat(browser.get("/").body().contains("href=\"/sql\"")).as(name + " sees the SQL link").isEqualTo(sql);
        }
        assertThat(loggedIn("vera.viewer").get("/sql").body()).contains("sql:read is not allowed to roles [viewer]");
    }

    @Test
    void each_dashboard_view_is_audited_with_its_filters() throws Exception {
        Browser browser = loggedIn("ana.analyst");
        assertThat(browser.get("/delivery?state=SP&from=2017-01").statusCode()).isEqualTo(200);
        AuditRecord view = latest("ana.analyst", AuditEvent.DASHBOARD_VIEW);
        assertThat(view.entry().resourceId()).isEqualTo("delivery");
        assertThat(view.entry().details()).containsEntry("state", "SP").containsEntry("from", "2017-01")
                .containsEntry("format", "html");
    }

    @Test
    void logging_out_ends_the_session_and_is_audited() throws Exception {
        Browser browser = loggedIn("ada.admin");
        String session = browser.session;
        HttpResponse<String> out = browser.post("/logout", Map.of("csrf", browser.csrf));
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("location")).contains("/login");
        Browser replay = new Browser(server);
        replay.session = session;
        assertThat(replay.get("/executive").statusCode()).isEqualTo(302);
        assertThat(latest("ada.admin", AuditEvent.LOGOUT).entry().succeeded()).isTrue();
    }

    @Test
    void an_idle_session_expires_and_its_pages_redirect_to_the_log_in() throws Exception {
        Browser browser = loggedIn(quick, "eve.expiring");
        assertThat(browser.get("/executive").statusCode()).isEqualTo(200);
        Thread.sleep(1_500);
        assertThat(browser.get("/executive").statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/executive").statusCode()).isEqualTo(401);
    }

    @Test
    void an_analysts_statement_returns_the_rows_of_a_direct_query_and_is_audited() throws Exception {
        Browser analyst = loggedIn("ana.analyst");
        String sql = "select state, revenue from mart.mart_geographic_analysis where geo_level = 'state' order by state";
        HttpResponse<String> page = analyst.post("/sql", Map.of("sql", sql, "csrf", analyst.csrf));
        assertThat(page.statusCode()).isEqualTo(200);
        List<List<String>> expected = server.served().read(connection -> {
            List<List<String>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows.add(List.of(result.getString(1), result.getBigDecimal(2).toPlainString()));
                }
            }
            return rows;
        });
        assertThat(expected).isNotEmpty();
        assertThat(cells(page.body())).isEqualTo(expected);
        AuditRecord run = latest("ana.analyst", AuditEvent.SQL_RUN);
        assertThat(run.entry().details()).containsEntry("sql", sql)
                .containsEntry("rows", String.valueOf(expected.size()));
    }

    @Test
    void the_row_limit_and_the_time_limit_hold() throws Exception {
        Browser analyst = loggedIn(quick, "eve.expiring");
        HttpResponse<String> limited = analyst.post("/sql", Map.of("csrf", analyst.csrf,
                "sql", "select order_id from core.fact_orders order by order_id"));
        assertThat(limited.statusCode()).isEqualTo(200);
        assertThat(cells(limited.body())).hasSize(3);
        assertThat(limited.body()).contains("(more not shown)");
        String slow = "select count(*) from core.fact_order_items as a, core.fact_order_items as b, "
                + "core.fact_order_items as c, core.fact_order_items as d, core.fact_order_items as e, "
                + "core.fact_order_items as f, core.fact_order_items as g";
        long began = System.nanoTime();
        HttpResponse<String> cancelled = analyst.post("/sql", Map.of("csrf", analyst.csrf, "sql", slow));
        assertThat(cancelled.body()).contains("ran longer than the time limit of 300 ms and was cancelled");
        assertThat(cancelled.statusCode()).isEqualTo(400);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void statements_that_are_not_one_select_of_the_offered_schemas_are_refused_with_their_reason() throws Exception {
        Map<String, String> attacks = new LinkedHashMap<>();
        attacks.put("select 1 from mart.mart_sales_totals; select 2 from mart.mart_sales_totals",
                "exactly one statement may run at a time, this is 2");
        attacks.put("attach '" + directory.resolve("other.duckdb") + "' as other", "only a SELECT may run; this is ATTACH");
        attacks.put("copy mart.mart_sales_totals to '" + directory.resolve("out.csv") + "'",
                "only a SELECT may run; this is COPY");
        attacks.put("pragma database_list", "only a SELECT may run; this is PRAGMA");
        attacks.put("install httpfs", "only a SELECT may run; this is INSTALL");
        attacks.put("load httpfs", "only a SELECT may run; this is LOAD");
        attacks.put("set threads = 1", "only a SELECT may run; this is SET");
        attacks.put("create table mart.x as select 1", "only a SELECT may run; this is CREATE");
        attacks.put("delete from mart.mart_sales_totals", "only a SELECT may run; this is DELETE");
        attacks.put("select * from read_csv('/etc/passwd')", "table function read_csv may not be read here");
        attacks.put("select * from read_parquet('x.parquet')", "table function read_parquet may not be read here");
        attacks.put("select * from glob('/etc/*')", "table function glob may not be read here");
        attacks.put("select * from '/etc/passwd'", "table '/etc/passwd' must be named with its schema");
        attacks.put("select * from raw.orders", "schema raw is out of reach of the SQL page");
        attacks.put("select * from mart.mart_sales_totals where exists (select 1 from staging.stg_orders)",
                "schema staging is out of reach of the SQL page");
        attacks.put("select * from information_schema.tables", "schema information_schema is out of reach");
        attacks.put("select * from other.mart.mart_sales_totals", "names a database");
        attacks.put("select * from mart_sales_totals", "must be named with its schema");
        attacks.put("selec 1", "cannot parse the statement");
        for (String name : List.of("ana.analyst", "ada.admin")) {
            Browser browser = loggedIn(name);
            for (Map.Entry<String, String> attack : attacks.entrySet()) {
                HttpResponse<String> refused = browser.post("/sql", Map.of("sql", attack.getKey(), "csrf", browser.csrf));
                assertThat(refused.statusCode()).as(name + ": " + attack.getKey()).isEqualTo(400);
                assertThat(unescaped(refused.body())).as(name + ": " + attack.getKey()).contains(attack.getValue());
                AuditRecord audited = latest(name, AuditEvent.SQL_REFUSED);
                assertThat(audited.entry().details()).containsEntry("sql", attack.getKey());
                assertThat(audited.entry().details().get("reason")).contains(attack.getValue());
            }
        }
        assertThat(directory.resolve("out.csv")).doesNotExist();
        assertThat(directory.resolve("other.duckdb")).doesNotExist();
    }

    @Test
    void personal_data_is_pseudonymised_for_every_role_in_pages_figures_and_sql_results() throws Exception {
        String sql = "select customer_unique_id, customer_zip_code_prefix, customer_city, customer_state "
                + "from core.dim_customer where customer_key > 0 order by customer_key limit 5";
        List<List<String>> clear = server.served().read(connection -> {
            List<List<String>> rows = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                while (result.next()) {
                    rows.add(List.of(result.getString(1), result.getString(2), result.getString(3), result.getString(4)));
                }
            }
            return rows;
        });
        assertThat(clear).isNotEmpty();
        List<List<String>> pseudonymised = clear.stream().map(row -> List.of(PSEUDONYMS.customerUniqueId(row.get(0)),
                PSEUDONYMS.zipCodePrefix(row.get(1)), PSEUDONYMS.city(row.get(2)), row.get(3))).toList();
        for (String name : List.of("ana.analyst", "ada.admin")) {
            Browser browser = loggedIn(name);
            assertThat(cells(browser.post("/sql", Map.of("sql", sql, "csrf", browser.csrf)).body())).as(name)
                    .isEqualTo(pseudonymised);
        }
        String sellers = "select seller_city from mart.mart_seller_scorecard order by revenue_rank, seller_id limit 1";
        String city = server.served().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sellers)) {
                result.next();
                return result.getString(1);
            }
        });
        Browser viewer = loggedIn("vera.viewer");
        String figures = viewer.get("/api/sellers").body();
        assertThat(figures).contains("\"seller_city\":\"" + PSEUDONYMS.city(city) + "\"")
                .doesNotContain("\"seller_city\":\"" + city + "\"");
        assertThat(viewer.get("/sellers").body()).contains("<td>" + PSEUDONYMS.city(city) + "</td>");
    }

    @Test
    void a_renamed_or_computed_personal_column_and_a_filter_on_a_clear_value_see_only_pseudonyms() throws Exception {
        List<String> clear = server.served().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(
                    "select customer_city, customer_unique_id from core.dim_customer where customer_key > 0 "
                            + "order by customer_key limit 1")) {
                result.next();
                return List.of(result.getString(1), result.getString(2));
            }
        });
        String city = clear.get(0);
        String person = clear.get(1);
        Browser analyst = loggedIn("ana.analyst");
        String pick = " from core.dim_customer where customer_key > 0 order by customer_key limit 1";
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("select customer_city as c" + pick, PSEUDONYMS.city(city));
        shown.put("select upper(customer_city) as shouting" + pick, PSEUDONYMS.city(city).toUpperCase(Locale.ROOT));
        shown.put("select c from (select customer_unique_id as c" + pick + ")", PSEUDONYMS.customerUniqueId(person));
        shown.put("with t(x) as (select customer_city" + pick + ") select x from t", PSEUDONYMS.city(city));
        shown.put("select * rename (customer_city as town) from (select customer_city" + pick + ")",
                PSEUDONYMS.city(city));
        shown.put("select count(*) from core.dim_customer where customer_city = '" + city.replace("'", "''") + "'",
                "0");
        shown.put("select count(*) from core.dim_customer where customer_city = '" + PSEUDONYMS.city(city) + "'",
                server.served().read(connection -> {
                    try (PreparedStatement statement = connection.prepareStatement(
                            "select count(*) from core.dim_customer where customer_city = ?")) {
                        statement.setString(1, city);
                        try (ResultSet result = statement.executeQuery()) {
                            result.next();
                            return result.getString(1);
                        }
                    }
                }));
        for (Map.Entry<String, String> statement : shown.entrySet()) {
            HttpResponse<String> response = analyst.post("/sql", Map.of("sql", statement.getKey(), "csrf", analyst.csrf));
            assertThat(response.statusCode()).as("%s: %s", statement.getKey(), response.body()).isEqualTo(200);
            assertThat(cells(response.body())).as(statement.getKey()).isEqualTo(List.of(List.of(statement.getValue())));
            assertThat(response.body()).as(statement.getKey()).doesNotContain(">" + city + "<").doesNotContain(person);
        }
        HttpResponse<String> key = analyst.post("/sql", Map.of("sql",
                "select * from " + PseudonymisedCatalog.SECRET_SCHEMA + ".hmac_blocks", "csrf", analyst.csrf));
        assertThat(key.statusCode()).isEqualTo(400);
        assertThat(key.body()).contains("schema " + PseudonymisedCatalog.SECRET_SCHEMA + " is out of reach");
        HttpResponse<String> clearCatalog = analyst.post("/sql", Map.of("sql",
                "select customer_city from " + ServedWarehouse.WAREHOUSE + ".core.dim_customer", "csrf", analyst.csrf));
        assertThat(clearCatalog.statusCode()).isEqualTo(400);
        assertThat(clearCatalog.body()).contains("names a database").doesNotContain(">" + city + "<");
    }

    @Test
    void only_an_admin_may_reveal_personal_data_and_each_reveal_is_audited() throws Exception {
        String sql = "select customer_unique_id from core.dim_customer order by 1 limit 1";
        String person = server.served().read(connection -> {
            try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getString(1);
            }
        });
        Browser admin = loggedIn("ada.admin");
        assertThat(admin.get("/sql").body()).contains("name=\"reveal\"");
        HttpResponse<String> revealed = admin.post("/sql", Map.of("sql", sql, "reveal", "true", "csrf", admin.csrf));
        assertThat(cells(revealed.body())).isEqualTo(List.of(List.of(person)));
        assertThat(latest("ada.admin", AuditEvent.PERSONAL_DATA_REVEAL).entry().details()).containsEntry("sql", sql);
        HttpResponse<String> sellers = admin.get("/api/sellers?reveal=true&state=SP");
        assertThat(sellers.statusCode()).isEqualTo(200);
        AuditRecord dashboard = latest("ada.admin", AuditEvent.PERSONAL_DATA_REVEAL);
        assertThat(dashboard.entry().resourceId()).isEqualTo("sellers");
        assertThat(dashboard.entry().details()).containsEntry("state", "SP");

        Browser analyst = loggedIn("ana.analyst");
        assertThat(analyst.get("/sql").body()).doesNotContain("name=\"reveal\"");
        HttpResponse<String> refused = analyst.post("/sql", Map.of("sql", sql, "reveal", "true", "csrf", analyst.csrf));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("personal_data:reveal is not allowed to roles [analyst]")
                .doesNotContain(person);
        HttpResponse<String> dashboardRefused = loggedIn("vera.viewer").get("/api/sellers?reveal=true");
        assertThat(dashboardRefused.statusCode()).isEqualTo(403);
        assertThat(latest("vera.viewer", AuditEvent.PERSONAL_DATA_REVEAL).entry().succeeded()).isFalse();
    }

    @Test
    void the_pseudonymisation_key_is_created_once_readable_by_its_owner_only() throws Exception {
        Path file = directory.resolve("keys/pseudonymisation.key");
        Pseudonymiser first = PseudonymisationKey.load(file);
        assertThat(java.nio.file.Files.size(file)).isEqualTo(PseudonymisationKey.KEY_BYTES);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PseudonymisationKey.load(file).city("Sao Paulo")).isEqualTo(first.city("Sao Paulo"))
                .isNotEqualTo(PSEUDONYMS.city("Sao Paulo"));
        assertThat(java.nio.file.Files.list(file.getParent())).hasSize(1);
    }

    private static String unescaped(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    /** The cells of the result table of a SQL page. */
    private static List<List<String>> cells(String html) {
        int start = html.indexOf("<tbody>");
        assertThat(start).as("a result table in %s", html).isPositive();
        String body = html.substring(start, html.indexOf("</tbody>", start));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr>(.*?)</tr>").matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(row.group(1));
            while (cell.find()) {
                cells.add(unescaped(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static AuditRecord latest(String actor, AuditEvent event) {
        return ops.auditLog().find(new AuditQuery(Optional.of(actor), Optional.empty(), 100)).stream()
                .filter(record -> record.entry().action().equals(event.action()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + event.action() + " of " + actor));
    }

    private static Browser loggedIn(String name) throws Exception {
        return loggedIn(server, name);
    }

    private static Browser loggedIn(DashboardServer on, String name) throws Exception {
        Browser browser = new Browser(on);
        browser.get("/login");
        assertThat(browser.logIn(name, PASSWORD).statusCode()).as("log-in of " + name).isEqualTo(302);
        browser.get("/");
        return browser;
    }
}
