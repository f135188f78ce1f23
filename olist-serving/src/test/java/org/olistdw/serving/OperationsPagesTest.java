package org.olistdw.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditEvent;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.OperationalReads;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Pseudonymiser;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.UserId;
import org.olistdw.domain.security.Username;
import org.olistdw.domain.security.Users;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.PostgresOps;
import org.olistdw.pipeline.quality.RuleCatalog;

/**
 * The runs page and the admin pages (users, quality rules, audit trail), over HTTP against a real warehouse (the
 * hand-made star fixture) and a real operational store in an embedded PostgreSQL, read under the database role of
 * each viewer's application role.
 */
class OperationsPagesTest {

    @TempDir
    static Path directory;

    private static final String PASSWORD = "correct horse battery";
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 9, 0);
    private static final Pseudonymiser PSEUDONYMS = new Pseudonymiser(
            "a key of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8));

    private static LocalPostgres postgres;
    private static String url;
    private static PostgresOps ops;
    private static CountingUsers users;
    private static DashboardServer server;
    private static long firstRun;
    private static long secondRun;

    @BeforeAll
    static void storeWarehouseAndServer() throws Exception {
        postgres = LocalPostgres.start(Path.of("target", "test-postgres", "serving").toAbsolutePath());
        url = ServingStores.freshDatabase(postgres, "serving_operations");
        ops = PostgresOps.connect(url, postgres.user(), postgres.password());
        ops.qualityRules().seed(RuleCatalog.shipped());
        user(ops.users(), "vera.viewer", "viewer");
        user(ops.users(), "ana.analyst", "analyst");
        user(ops.users(), "ada.admin", "admin");
        firstRun = runWithChecks("full", 1_000, "raw_orders_order_id_present", "pass", 1_000, 0, 0);
        secondRun = runWithChecks("incremental", 2_000, "raw_orders_order_id_present", "fail", 2_000, 7, 3);

        users = new CountingUsers(ops.users());
        Path published = directory.resolve("work/warehouse.duckdb");
        Warehouses.publish(published, Warehouses.starFixture(), 1);
        server = DashboardServer.startWithLogIn(published, "127.0.0.1", 0, ServingSecurity.of(users, ops.auditLog(),
                ops.operationalReads(), ops.qualityRules(), Duration.ofMinutes(30), PSEUDONYMS));
    }

    private static void user(Users store, String name, String role) {
        User user = User.register(new Username(name), new Email(name + "@example.com"), null, T0);
        user.grant(store.roles().stream().filter(each -> each.name().equals(role)).findFirst().orElseThrow(), T0);
        store.save(user);
        store.setPassword(new Username(name), new Password(PASSWORD.toCharArray()));
    }

    /** A finished run of {@code rows} rows with one check of {@code rule}, written as a run would. */
    private static long runWithChecks(String mode, long rows, String rule, String status, long checked, long failed,
                                      int samples) throws Exception {
        try (Connection c = DriverManager.getConnection(url, postgres.user(), postgres.password());
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("insert into etl_orchestration.pipeline_runs (pipeline_name, status, started_at,"
                    + " completed_at, rows_processed, run_mode) values ('olist-elt', 'success', now() - interval '"
                    + (3 - rows / 1_000) + " minutes', now(), " + rows + ", '" + mode + "') returning run_id");
            rs.next();
            long run = rs.getLong(1);
            StringBuilder sample = new StringBuilder("[");
            for (int i = 0; i < samples; i++) {
                sample.append(i == 0 ? "" : ",").append("{\"order_id\": \"o").append(i).append("\"}");
            }
            s.execute("insert into data_quality.quality_checks (run_id, rule_id, status, rows_checked, rows_failed,"
                    + " failure_details) select " + run + ", rule_id, '" + status + "', " + checked + ", " + failed
                    + ", " + (samples == 0 ? "null" : "'{\"sample\": " + sample + "]}'") + " from data_quality.quality_rules"
                    + " where rule_name = '" + rule + "'");
            return run;
        }
    }

    @AfterAll
    static void stop() {
        ServingStores.closeAll(server, ops, postgres);
    }

    @Test
    void each_role_opens_the_pages_it_may_and_is_refused_the_others_with_an_audited_403() throws Exception {
        Map<String, List<Integer>> expected = Map.of(
                "vera.viewer", List.of(403, 403, 403, 403),
                "ana.analyst", List.of(200, 403, 403, 403),
                "ada.admin", List.of(200, 200, 200, 200));
        List<String> pages = List.of(Operations.RUNS, Operations.USERS, Operations.RULES, Operations.AUDIT);
        for (Map.Entry<String, List<Integer>> role : expected.entrySet()) {
            Browser browser = loggedIn(role.getKey());
            String index = browser.get("/").body();
            for (int i = 0; i < pages.size(); i++) {
                int status = role.getValue().get(i);
                assertThat(browser.get(pages.get(i)).statusCode()).as(role.getKey() + " " + pages.get(i))
                        .isEqualTo(status);
                assertThat(index.contains("href=\"" + pages.get(i) + "\"")).as(role.getKey() + " sees the link to "
                        + pages.get(i)).isEqualTo(status == 200);
            }
        }
        Browser analyst = loggedIn("ana.analyst");
        HttpResponse<String> refused = analyst.post(Operations.USERS + "/add", Map.of("username", "sneaky",
                "password", PASSWORD, "role", "admin", "csrf", analyst.csrf));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("users:write is not allowed to roles [analyst]");
        assertThat(users.delegate.findByUsername(new Username("sneaky"))).isEmpty();
        AuditRecord entry = latest("ana.analyst", AuditEvent.ACCESS_REFUSED);
        assertThat(entry.entry().succeeded()).isFalse();
        assertThat(entry.entry().resourceId()).isEqualTo(Operations.USERS + "/add");
        assertThat(entry.entry().details()).containsEntry("method", "POST")
                .containsEntry("reason", "users:write is not allowed to roles [analyst]");
        loggedIn("vera.viewer").get(Operations.RUNS);
        assertThat(latest("vera.viewer", AuditEvent.ACCESS_REFUSED).entry().details())
                .containsEntry("reason", "runs:read is not allowed to roles [viewer]");
    }

    @Test
    void the_runs_page_lists_the_runs_and_the_quality_results_of_the_run_asked_for() throws Exception {
        Browser analyst = loggedIn("ana.analyst");
        String latest = analyst.get(Operations.RUNS).body();
        assertThat(latest).contains("href=\"/runs?run=" + firstRun + "\"", "href=\"/runs?run=" + secondRun + "\"")
                .contains("<td>incremental</td>", "<td>full</td>", "<td class=\"number\">2000</td>")
                .contains("<td class=\"number\">60 s</td>")
                .contains("Quality results of run " + secondRun)
                .contains("<td>raw_orders_order_id_present</td><td>critical</td><td>failed</td><td>fail</td>"
                        + "<td class=\"number\">2000</td><td class=\"number\">7</td><td class=\"number\">3</td>");
        String first = analyst.get(Operations.RUNS + "?run=" + firstRun).body();
        assertThat(first).contains("Quality results of run " + firstRun)
                .contains("<td>raw_orders_order_id_present</td><td>critical</td><td>passed</td><td>pass</td>"
                        + "<td class=\"number\">1000</td><td class=\"number\">0</td><td class=\"number\">0</td>");
        assertThat(analyst.get(Operations.RUNS + "?run=999999").body()).contains("No quality checks recorded");
    }

    @Test
    void the_analysts_database_role_cannot_read_users_or_the_trail_through_the_pages_code_path_the_admins_can() {
        User analyst = users.delegate.findByUsername(new Username("ana.analyst")).orElseThrow();
        User admin = users.delegate.findByUsername(new Username("ada.admin")).orElseThrow();
        OperationalReads reads = ops.operationalReads();
        AuditQuery recent = new AuditQuery(Optional.empty(), Optional.empty(), 10);
        ops.auditLog().append(AuditEntry.of(AuditEvent.LOGIN_SUCCESS, "ada.admin", "session", "127.0.0.1", true,
                Map.of()));

        assertThatThrownBy(() -> reads.readAs("ana.analyst", Operations.acting(analyst), OperationalReads.View::users))
                .isInstanceOf(OperationalReads.Refused.class).hasMessageContaining("olist_analyst")
                .hasMessageContaining("permission denied for table users");
        assertThatThrownBy(() -> reads.readAs("ana.analyst", Operations.acting(analyst), view -> view.audit(recent)))
                .isInstanceOf(OperationalReads.Refused.class).hasMessageContaining("permission denied for table audit_logs");
        List<OperationalReads.UserOverview> listed = reads.readAs("ada.admin", Operations.acting(admin),
                OperationalReads.View::users);
        List<AuditRecord> trail = reads.readAs("ada.admin", Operations.acting(admin), view -> view.audit(recent));
        assertThat(listed).extracting(OperationalReads.UserOverview::username).contains("ana.analyst", "ada.admin");
        assertThat(trail).isNotEmpty();
    }

    @Test
    void an_admin_adds_a_user_who_then_logs_in_and_disables_them_who_then_cannot() throws Exception {
        Browser admin = loggedIn("ada.admin");
        HttpResponse<String> added = admin.post(Operations.USERS + "/add", Map.of("username", "nina.new",
                "password", "a password nina chose", "role", "analyst", "csrf", admin.csrf));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("user nina.new created with role analyst").contains("data-user=\"nina.new\"");
        AuditRecord created = latest("ada.admin", AuditEvent.USER_CREATED);
        assertThat(created.entry().resourceId()).isEqualTo("nina.new");
        assertThat(created.entry().details()).containsEntry("roles", "analyst");

        Browser nina = new Browser(server);
        nina.get("/login");
        assertThat(nina.logIn("nina.new", "a password nina chose").statusCode()).isEqualTo(302);
        assertThat(nina.get(Operations.RUNS).statusCode()).isEqualTo(200);

        assertThat(admin.post(Operations.USERS + "/grant", Map.of("username", "nina.new", "role", "viewer",
                "csrf", admin.csrf)).statusCode()).isEqualTo(200);
        assertThat(admin.post(Operations.USERS + "/revoke", Map.of("username", "nina.new", "role", "analyst",
                "csrf", admin.csrf)).statusCode()).isEqualTo(200);
        assertThat(users.delegate.findByUsername(new Username("nina.new")).orElseThrow().roles())
                .extracting(Role::name).containsExactly("viewer");
        assertThat(nina.get(Operations.RUNS).statusCode()).as("the revoked role is gone at once").isEqualTo(403);
        assertThat(latest("ada.admin", AuditEvent.ROLE_REVOKED).entry().details()).containsEntry("role", "analyst");

        HttpResponse<String> disabled = admin.post(Operations.USERS + "/disable", Map.of("username", "nina.new",
                "csrf", admin.csrf));
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(disabled.body()).contains("user nina.new disabled");
        assertThat(latest("ada.admin", AuditEvent.USER_DISABLED).entry().resourceId()).isEqualTo("nina.new");
        assertThat(nina.get("/").statusCode()).as("the open session ends").isEqualTo(302);
        Browser again = new Browser(server);
        again.get("/login");
        assertThat(again.logIn("nina.new", "a password nina chose").statusCode()).isEqualTo(401);

        HttpResponse<String> twice = admin.post(Operations.USERS + "/add", Map.of("username", "nina.new",
                "password", "another password", "csrf", admin.csrf));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("user nina.new already exists");
        assertThat(latest("ada.admin", AuditEvent.USER_CREATED).entry().succeeded()).isFalse();
    }

    @Test
    void a_rule_edit_is_made_in_the_store_and_audited_under_the_admins_name() throws Exception {
        String rule = "raw_orders_order_id_present";
        Browser admin = loggedIn("ada.admin");
        assertThat(admin.get(Operations.RULES).body()).contains("data-rule=\"" + rule + "\"");

        HttpResponse<String> off = admin.post(Operations.RULES + "/active", Map.of("rule", rule, "active", "false",
                "csrf", admin.csrf));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(ops.qualityRules().find(rule).orElseThrow().active()).isFalse();
        assertThat(latest("ada.admin", AuditEvent.QUALITY_RULE_EDIT).entry().details())
                .containsEntry("active", "false").containsEntry("was", "true");

        HttpResponse<String> threshold = admin.post(Operations.RULES + "/threshold", Map.of("rule", rule,
                "percent", "2.5", "csrf", admin.csrf));
        assertThat(threshold.statusCode()).isEqualTo(200);
        assertThat(threshold.body()).contains("rule " + rule + " now tolerates 2.5 % failing rows");
        assertThat(ops.qualityRules().find(rule).orElseThrow().threshold()).isEqualByComparingTo(new BigDecimal("2.5"));
        AuditRecord edit = latest("ada.admin", AuditEvent.QUALITY_RULE_EDIT);
        assertThat(edit.entry().resourceType()).isEqualTo("quality_rule");
        assertThat(edit.entry().resourceId()).isEqualTo(rule);
        assertThat(edit.entry().details()).containsEntry("threshold_percent", "2.5");

        assertThat(admin.post(Operations.RULES + "/active", Map.of("rule", rule, "active", "true",
                "csrf", admin.csrf)).statusCode()).isEqualTo(200);
        assertThat(ops.qualityRules().find(rule).orElseThrow().active()).isTrue();
        assertThat(admin.post(Operations.RULES + "/threshold", Map.of("rule", rule, "percent", "101",
                "csrf", admin.csrf)).statusCode()).isEqualTo(400);
        assertThat(latest("ada.admin", AuditEvent.QUALITY_RULE_EDIT).entry().succeeded()).isFalse();
    }

    @Test
    void the_audit_page_filters_by_user_and_since() throws Exception {
        loggedIn("vera.viewer").get("/executive");
        Browser admin = loggedIn("ada.admin");
        String vera = admin.get(Operations.AUDIT + "?user=vera.viewer").body();
        assertThat(vera).contains("<td>vera.viewer</td><td>dashboard.view</td>").doesNotContain("<td>ada.admin</td>");
        assertThat(admin.get(Operations.AUDIT + "?user=vera.viewer&since=2999-01-01").body())
                .contains("No entries for these filters");
        assertThat(admin.get(Operations.AUDIT + "?since=2000-01-01T00:00:00Z").body()).contains("<td>ada.admin</td>");
    }

    @Test
    void every_new_form_without_the_sessions_csrf_token_is_refused_with_403() throws Exception {
        Browser admin = loggedIn("ada.admin");
        Map<String, Map<String, String>> forms = Map.of(
                Operations.USERS + "/add", Map.of("username", "carl.csrf", "password", PASSWORD),
                Operations.USERS + "/disable", Map.of("username", "vera.viewer"),
                Operations.USERS + "/grant", Map.of("username", "vera.viewer", "role", "admin"),
                Operations.USERS + "/revoke", Map.of("username", "ana.analyst", "role", "analyst"),
                Operations.RULES + "/active", Map.of("rule", "raw_orders_order_id_present", "active", "false"),
                Operations.RULES + "/threshold", Map.of("rule", "raw_orders_order_id_present", "percent", "50"));
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            assertThat(admin.post(form.getKey(), form.getValue()).statusCode()).as(form.getKey() + " without a token")
                    .isEqualTo(403);
            Map<String, String> forged = new java.util.HashMap<>(form.getValue());
            forged.put("csrf", "forged");
            assertThat(admin.post(form.getKey(), forged).statusCode()).as(form.getKey() + " forged").isEqualTo(403);
        }
        assertThat(users.delegate.findByUsername(new Username("carl.csrf"))).isEmpty();
        assertThat(users.delegate.findByUsername(new Username("vera.viewer")).orElseThrow().active()).isTrue();
        assertThat(users.delegate.findByUsername(new Username("vera.viewer")).orElseThrow().holds("admin")).isFalse();
        assertThat(ops.qualityRules().find("raw_orders_order_id_present").orElseThrow().threshold())
                .isNotEqualByComparingTo(new BigDecimal("50"));
    }

    @Test
    void injection_attempts_through_the_new_parameters_are_refused_or_bound_as_values() throws Exception {
        Browser admin = loggedIn("ada.admin");
        for (String run : List.of("1;drop table etl_orchestration.pipeline_runs", "1 or 1=1", "-1", "1e3",
                "99999999999999999999")) {
            HttpResponse<String> response = admin.get(Operations.RUNS + "?run=" + encoded(run));
            assertThat(response.statusCode()).as(run).isEqualTo(400);
            assertThat(response.body()).contains("run must be a run id");
        }
        String sneaky = "' or '1'='1";
        HttpResponse<String> byUser = admin.get(Operations.AUDIT + "?user=" + encoded(sneaky));
        assertThat(byUser.statusCode()).isEqualTo(200);
        assertThat(byUser.body()).contains("No entries for these filters").contains("value=\"&#39; or &#39;1&#39;=&#39;1\"");
        assertThat(admin.get(Operations.AUDIT + "?since=" + encoded("2020-01-01' or 1=1 --")).statusCode())
                .isEqualTo(400);

        String name = "x'); delete from security_audit.users; --";
        HttpResponse<String> add = admin.post(Operations.USERS + "/add", Map.of("username", name, "password", PASSWORD,
                "csrf", admin.csrf));
        assertThat(add.statusCode()).isEqualTo(400);
        assertThat(latest("ada.admin", AuditEvent.USER_CREATED).entry().succeeded()).isFalse();
        assertThat(admin.post(Operations.USERS + "/grant", Map.of("username", "ana.analyst",
                "role", "admin' or '1'='1", "csrf", admin.csrf)).statusCode()).isEqualTo(400);
        assertThat(admin.post(Operations.RULES + "/active", Map.of("rule", "' or 1=1 --", "active", "false",
                "csrf", admin.csrf)).body()).contains("no rule named");
        assertThat(admin.post(Operations.RULES + "/threshold", Map.of("rule", "raw_orders_order_id_present",
                "percent", "1; update data_quality.quality_rules set is_active = false", "csrf", admin.csrf))
                .statusCode()).isEqualTo(400);

        assertThat(users.delegate.all()).extracting(user -> user.username().value())
                .contains("vera.viewer", "ana.analyst", "ada.admin");
        assertThat(users.delegate.findByUsername(new Username("ana.analyst")).orElseThrow().holds("admin")).isFalse();
        assertThat(ops.qualityRules().all()).allMatch(rule -> rule.active() || rule.name().equals("raw_orders_order_id_present"));
        assertThat(ops.runSummaries(10)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void an_unknown_or_disabled_username_has_a_password_verified_as_a_wrong_password_does() throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        int before = users.verified.size();
        assertThat(browser.logIn("nobody.here", "some password typed").statusCode()).isEqualTo(401);
        assertThat(browser.logIn("ana.analyst", "a wrong password").statusCode()).isEqualTo(401);
        assertThat(browser.logIn("NOT A USERNAME!", "some password typed").statusCode()).isEqualTo(401);

        assertThat(users.verified.subList(before, users.verified.size()))
                .as("one verification for each refusal, the unknown ones included")
                .containsExactly("nobody.here", "ana.analyst", "no.such.user");
        assertThat(latest("nobody.here", AuditEvent.LOGIN_FAILURE).entry().details())
                .containsEntry("reason", "unknown user");
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static AuditRecord latest(String actor, AuditEvent event) {
        return ops.auditLog().find(new AuditQuery(Optional.of(actor), Optional.empty(), 100)).stream()
                .filter(record -> record.entry().action().equals(event.action()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + event.action() + " of " + actor));
    }

    private static Browser loggedIn(String name) throws Exception {
        Browser browser = new Browser(server);
        browser.get("/login");
        assertThat(browser.logIn(name, PASSWORD).statusCode()).as("log-in of " + name).isEqualTo(302);
        browser.get("/");
        return browser;
    }

    /** The store's users, noting whose password was verified: the store itself answers every call. */
    private static final class CountingUsers implements Users {
        final Users delegate;
        final List<String> verified = java.util.Collections.synchronizedList(new ArrayList<>());

        CountingUsers(Users delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<User> findById(UserId id) {
            return delegate.findById(id);
        }

        @Override
        public Optional<User> findByUsername(Username username) {
            return delegate.findByUsername(username);
        }

        @Override
        public List<User> all() {
            return delegate.all();
        }

        @Override
        public User save(User user) {
            return delegate.save(user);
        }

        @Override
        public List<Role> roles() {
            return delegate.roles();
        }

        @Override
        public void setPassword(Username username, Password password) {
            delegate.setPassword(username, password);
        }

        @Override
        public boolean passwordMatches(Username username, Password password) {
            verified.add(username.value());
            return delegate.passwordMatches(username, password);
        }

        @Override
        public boolean hasPassword(Username username) {
            return delegate.hasPassword(username);
        }
    }
}
