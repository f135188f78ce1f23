package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.security.ApplicationRole;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditEvent;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.OperationalReads;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Permission;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.Username;
import org.olistdw.domain.security.Users;

/**
 * The security schema on a real PostgreSQL: password hashes, the database roles of the application roles with
 * their grants and row-level security, and the append-only audit trail.
 */
class SecurityStoreTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 1, 10, 15);

    private static String url;
    private static PostgresOps ops;
    private static Users users;

    @BeforeAll
    static void connect() throws SQLException {
        url = TestPostgres.freshDatabase("security_store_test");
        ops = PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password());
        users = ops.users();
        execute("insert into etl_orchestration.pipeline_runs (pipeline_name, status) values ('rls', 'running')");
        User joana = User.register(new Username("joana"), new Email("joana@olist-dw.local"), null, T0);
        joana.grant(users.roles().stream().filter(role -> role.name().equals("analyst")).findFirst().orElseThrow(), T0);
        users.save(joana);
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @Test
    void an_analyst_connection_reads_runs_and_quality_results_but_not_users_roles_or_the_audit_trail()
            throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("set role olist_analyst");

            assertThat(count(s, "select count(*) from etl_orchestration.pipeline_runs where pipeline_name = 'rls'"))
                    .isEqualTo(1);
            assertThat(count(s, "select count(*) from etl_orchestration.task_executions")).isZero();
            assertThat(count(s, "select count(*) from data_quality.quality_checks")).isZero();
            assertThat(count(s, "select count(*) from data_quality.quality_reports")).isZero();
            for (String table : List.of("security_audit.users", "security_audit.roles", "security_audit.user_roles",
                    "security_audit.audit_logs", "etl_orchestration.quarantined_rows")) {
                assertThatThrownBy(() -> s.executeQuery("select count(*) from " + table))
                        .as(table).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied for table " + table.substring(table.indexOf('.') + 1));
            }
            assertThatThrownBy(() -> s.execute("update etl_orchestration.pipeline_runs set status = 'failed'"))
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void reads_made_for_a_person_act_as_the_database_role_of_their_application_role() {
        OperationalReads reads = ops.operationalReads();
        AuditQuery recent = new AuditQuery(Optional.empty(), Optional.empty(), 5);
        ops.auditLog().append(AuditEntry.of(AuditEvent.LOGIN_SUCCESS, "admin", "session", "127.0.0.1", true, Map.of()));

        List<OperationalReads.RunOverview> runs = reads.readAs("joana", ApplicationRole.ANALYST,
                view -> view.recentRuns(10));
        List<OperationalReads.CheckOverview> checks = reads.readAs("joana", ApplicationRole.ANALYST,
                view -> view.checks(1));
        String acting = reads.readAs("joana", ApplicationRole.ANALYST, view -> one("select current_user", view));
        assertThat(runs).extracting(OperationalReads.RunOverview::pipeline).contains("rls");
        assertThat(checks).isEmpty();
        assertThat(acting).isEqualTo("olist_analyst");
        assertThatThrownBy(() -> reads.readAs("joana", ApplicationRole.ANALYST, OperationalReads.View::users))
                .isInstanceOf(OperationalReads.Refused.class)
                .hasMessageContaining("olist_analyst").hasMessageContaining("permission denied for table users");
        assertThatThrownBy(() -> reads.readAs("joana", ApplicationRole.ANALYST, view -> view.audit(recent)))
                .isInstanceOf(OperationalReads.Refused.class).hasMessageContaining("permission denied for table audit_logs");
        assertThatThrownBy(() -> reads.readAs("joana", ApplicationRole.VIEWER, view -> view.checks(1)))
                .isInstanceOf(OperationalReads.Refused.class).hasMessageContaining("permission denied for schema data_quality");

        List<OperationalReads.UserOverview> listed = reads.readAs("admin", ApplicationRole.ADMIN,
                OperationalReads.View::users);
        List<AuditRecord> trail = reads.readAs("admin", ApplicationRole.ADMIN, view -> view.audit(recent));
        List<AuditRecord> notAnAdmin = reads.readAs("joana", ApplicationRole.ADMIN, view -> view.audit(recent));
        assertThat(listed).extracting(OperationalReads.UserOverview::username).contains("admin", "joana");
        assertThat(listed).filteredOn(user -> user.username().equals("joana")).singleElement()
                .extracting(OperationalReads.UserOverview::roles).isEqualTo(List.of("analyst"));
        assertThat(trail).isNotEmpty();
        assertThat(notAnAdmin)
                .as("the trail's own row-level security: the admin role read for a user who is no admin shows "
                        + "only that user's entries")
                .isEmpty();
    }

    /** The one value of a statement run inside a role-scoped read, through the view's own connection. */
    private static String one(String sql, OperationalReads.View view) {
        return ((JdbiOperationalReads.HandleView) view).handle().createQuery(sql).mapTo(String.class).one();
    }

    @Test
    void a_viewer_connection_reads_only_the_runs() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("set role olist_viewer");

            assertThat(count(s, "select count(*) from etl_orchestration.pipeline_runs where pipeline_name = 'rls'"))
                    .isEqualTo(1);
            assertThatThrownBy(() -> s.executeQuery("select count(*) from data_quality.quality_checks"))
                    .hasMessageContaining("permission denied for schema data_quality");
            assertThatThrownBy(() -> s.executeQuery("select count(*) from security_audit.users"))
                    .hasMessageContaining("permission denied for table users");
        }
    }

    @Test
    void an_admin_connection_reads_users_and_roles() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("set role olist_admin");

            assertThat(count(s, "select count(*) from security_audit.users where username = 'joana'")).isEqualTo(1);
            assertThat(count(s, "select count(*) from security_audit.roles")).isEqualTo(4);
        }
    }

    @Test
    void row_level_security_hides_users_from_a_role_granted_the_table_without_a_policy() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("grant select on security_audit.users to olist_analyst");
            try {
                s.execute("set role olist_analyst");
                assertThat(count(s, "select count(*) from security_audit.users")).isZero();
            } finally {
                s.execute("reset role");
                s.execute("revoke select on security_audit.users from olist_analyst");
            }
        }
    }

    @Test
    void the_audit_trail_is_append_only_for_every_role_and_for_the_owner() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("set role olist_analyst");
            s.execute("insert into security_audit.audit_logs (action, status, details) "
                    + "values ('sql.refused', 'failure', '{\"actor\": \"joana\"}')");
            s.execute("set role olist_admin");
            assertThatThrownBy(() -> s.execute("update security_audit.audit_logs set status = 'success'"))
                    .hasMessageContaining("permission denied for table audit_logs");
            assertThatThrownBy(() -> s.execute("delete from security_audit.audit_logs"))
                    .hasMessageContaining("permission denied for table audit_logs");
            s.execute("reset role");
            assertThatThrownBy(() -> s.execute("update security_audit.audit_logs set status = 'success'"))
                    .hasMessageContaining("append-only: update is not allowed");
            assertThatThrownBy(() -> s.execute("delete from security_audit.audit_logs"))
                    .hasMessageContaining("append-only: delete is not allowed");
            assertThat(count(s, "select count(*) from security_audit.audit_logs where action = 'sql.refused' "
                    + "and status = 'failure'")).isEqualTo(1);
        }
    }

    @Test
    void the_database_roles_log_in_nowhere_and_are_granted_to_no_one() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            assertThat(count(s, """
                    select count(*) from pg_roles
                    where rolname in ('olist_viewer', 'olist_analyst', 'olist_admin') and not rolcanlogin""")).isEqualTo(3);
            assertThat(count(s, """
                    select count(*) from pg_auth_members m join pg_roles r on r.oid = m.roleid
                    where r.rolname in ('olist_viewer', 'olist_analyst', 'olist_admin')""")).isZero();
        }
    }

    @Test
    void a_password_is_stored_as_an_argon2id_hash_and_verifies() throws SQLException {
        Username joana = new Username("joana");
        assertThat(users.hasPassword(joana)).isFalse();

        users.setPassword(joana, new Password("correct horse battery".toCharArray()));

        String stored = one("select password_hash from security_audit.users where username = 'joana'");
        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("horse");
        assertThat(users.hasPassword(joana)).isTrue();
        assertThat(users.passwordMatches(joana, new Password("correct horse battery".toCharArray()))).isTrue();
        assertThat(users.passwordMatches(joana, new Password("correct horse batterY".toCharArray()))).isFalse();
        assertThat(users.passwordMatches(new Username("nobody"), new Password("correct horse battery".toCharArray())))
                .isFalse();

        users.setPassword(joana, new Password("correct horse battery".toCharArray()));
        assertThat(one("select password_hash from security_audit.users where username = 'joana'"))
                .as("a fresh salt each time").isNotEqualTo(stored);
    }

    @Test
    void a_disabled_user_or_one_without_a_password_never_matches() {
        Username dora = new Username("dora");
        users.save(User.register(dora, new Email("dora@olist-dw.local"), null, T0));
        Password password = new Password("dora's long password".toCharArray());
        assertThat(users.passwordMatches(dora, password)).isFalse();
        users.setPassword(dora, password);
        assertThat(users.passwordMatches(dora, password)).isTrue();

        User disabled = users.findByUsername(dora).orElseThrow();
        disabled.deactivate(T0);
        users.save(disabled);

        assertThat(users.passwordMatches(dora, password)).isFalse();
        assertThat(users.passwordMatches(new Username("admin"), password)).as("the seeded admin has none").isFalse();
        assertThatThrownBy(() -> users.setPassword(new Username("nobody"), password))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("there is no user nobody to set a password for");
    }

    @Test
    void a_hash_that_is_not_argon2id_is_refused_by_the_schema() {
        assertThatThrownBy(() -> execute("update security_audit.users set password_hash = 'plain' where username = 'joana'"))
                .hasMessageContaining("users_password_hash_check");
    }

    @Test
    void the_stored_roles_list_the_permissions_of_the_application_roles() {
        for (ApplicationRole role : ApplicationRole.values()) {
            Role stored = users.roles().stream().filter(r -> r.name().equals(role.roleName())).findFirst().orElseThrow();
            Set<String> expected = new TreeSet<>();
            role.permissions().forEach(permission -> expected.add(permission.code()));
            if (role == ApplicationRole.ADMIN) {
                assertThat(stored.permissions()).containsExactly(Role.ALL);
            } else {
                assertThat(stored.permissions()).as(role.roleName()).containsExactlyElementsOf(expected);
            }
        }
        assertThat(ApplicationRole.ANALYST.permissions())
                .containsExactlyInAnyOrder(Permission.VIEW_DASHBOARDS, Permission.VIEW_RUNS, Permission.RUN_READ_ONLY_SQL);
    }

    @Test
    void the_trail_is_read_back_newest_first_by_actor_and_since() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        long first = ops.auditLog().append(AuditEntry.of(AuditEvent.USER_CREATED, "carla", "user", "joana", true,
                Map.of("roles", "analyst")));
        long second = ops.auditLog().append(AuditEntry.of(AuditEvent.ROLE_REVOKED, "carla", "user", "joana", false,
                Map.of("reason", "does not hold it")));
        ops.auditLog().append(AuditEntry.of(AuditEvent.QUALITY_RULE_EDIT, "bruno", "quality_rule", "r1", true, Map.of()));

        List<AuditRecord> carla = ops.auditLog().find(new AuditQuery(Optional.of("carla"), Optional.of(before), 10));

        assertThat(carla).extracting(AuditRecord::id).containsExactly(second, first);
        assertThat(carla.get(0).entry()).isEqualTo(new AuditEntry("user.revoke", "carla", "user", "joana", false,
                Map.of("reason", "does not hold it")));
        assertThat(carla.get(1).entry().details()).isEqualTo(Map.of("roles", "analyst"));
        assertThat(carla.get(0).userId()).isEmpty();
        assertThat(ops.auditLog().find(new AuditQuery(Optional.empty(), Optional.of(before), 1)))
                .extracting(record -> record.entry().actor()).containsExactly("bruno");
        assertThat(ops.auditLog().find(new AuditQuery(Optional.of("carla"), Optional.of(Instant.now().plusSeconds(60)), 5)))
                .isEmpty();
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String one(String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            assertThat(values).hasSize(1);
            return values.get(0);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
