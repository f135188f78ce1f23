package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.RoleGranted;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.UserId;
import org.olistdw.domain.security.UserRegistered;
import org.olistdw.domain.security.Username;
import org.olistdw.domain.security.Users;

class JdbiUsersTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 1, 10, 15);
    private static final LocalDateTime T1 = T0.plusHours(1);

    /** The roles and the user seeded by migration V3 (as V12 and V14 left them), written out by hand. */
    private static final Role ADMIN = new Role("admin",
            "Everything: users, quality rules, personal data in clear, the audit trail", Set.of("all"));
    private static final Role ANALYST = new Role("analyst",
            "Dashboards, the pipeline runs and their quality results, and read-only SQL over the schemas mart and core",
            Set.of("dashboards:read", "runs:read", "sql:read"));
    private static final Role VIEWER = new Role("viewer", "Dashboards only", Set.of("dashboards:read"));
    private static final Role ENGINEER = new Role("data_engineer", "Can run pipelines and view quality reports",
            Set.of("pipelines:write", "quality:read"));
    private static final User SEEDED_ADMIN = User.reconstitute(new UserId(1), new Username("admin"),
            new Email("admin@olist-dw.local"), "System Administrator", true, List.of(ADMIN));

    private static final Username MARIA = new Username("maria.silva");
    private static final Email MARIA_MAIL = new Email("maria@olist-dw.local");

    private static String url;
    private static PostgresOps ops;
    private static Users users;

    @BeforeAll
    static void connect() {
        url = TestPostgres.freshDatabase("users_test");
        ops = PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password());
        users = ops.users();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @BeforeEach
    void keepOnlyTheSeededUserAndRoles() throws SQLException {
        execute("delete from security_audit.users where username <> 'admin'");
        execute("delete from security_audit.roles where role_name not in ('admin', 'analyst', 'data_engineer', 'viewer')");
    }

    @Test
    void the_seeded_roles_are_read_back_exactly_in_name_order() {
        List<Role> roles = users.roles();

        assertThat(roles).containsExactly(ADMIN, ANALYST, ENGINEER, VIEWER);
        assertThat(roles).usingRecursiveFieldByFieldElementComparator().containsExactly(ADMIN, ANALYST, ENGINEER, VIEWER);
        assertThat(roles.get(0).description()).contains("Everything: users, quality rules, personal data in clear, the audit trail");
        assertThat(roles.get(0).permissions()).containsExactly("all");
        assertThat(roles.get(1).permissions()).containsExactly("dashboards:read", "runs:read", "sql:read");
        assertThat(roles.get(2).permissions()).containsExactly("pipelines:write", "quality:read");
    }

    @Test
    void the_seeded_admin_is_read_back_exactly_holding_the_admin_role() {
        User admin = users.findByUsername(new Username("admin")).orElseThrow();

        assertSameState(admin, SEEDED_ADMIN);
        assertThat(admin.hasPermission("pipelines:write")).isTrue();
        assertThat(admin.events()).isEmpty();
        assertSameState(users.findById(new UserId(1)).orElseThrow(), SEEDED_ADMIN);
        assertThat(users.all()).hasSize(1);
        assertSameState(users.all().get(0), SEEDED_ADMIN);
    }

    @Test
    void saving_a_new_user_assigns_an_id_and_reads_back_as_saved() {
        User maria = User.register(MARIA, MARIA_MAIL, "Maria Silva", T0);
        maria.grant(ENGINEER, T0);
        maria.grant(ANALYST, T0);

        User saved = users.save(maria);

        UserId id = saved.id().orElseThrow();
        assertThat(id.value()).isGreaterThan(1);
        User expected = User.reconstitute(id, MARIA, MARIA_MAIL, "Maria Silva", true, List.of(ANALYST, ENGINEER));
        assertSameState(saved, expected);
        assertSameState(users.findById(id).orElseThrow(), expected);
        assertSameState(users.findByUsername(MARIA).orElseThrow(), expected);
        assertThat(users.all()).extracting(user -> user.username().value()).containsExactly("admin", "maria.silva");
        assertSameState(users.all().get(1), expected);
    }

    @Test
    void the_stored_user_has_no_pending_events_and_the_saved_instance_keeps_its_own() {
        User maria = User.register(MARIA, MARIA_MAIL, null, T0);
        maria.grant(ANALYST, T1);

        User saved = users.save(maria);

        assertThat(saved.events()).isEmpty();
        assertThat(maria.pullEvents()).containsExactly(
                new UserRegistered(MARIA, MARIA_MAIL, Optional.empty(), T0),
                new RoleGranted(MARIA, "analyst", T1));
        assertThat(saved.fullName()).isEmpty();
    }

    @Test
    void granting_and_revoking_roles_is_stored() throws SQLException {
        User maria = users.save(User.register(MARIA, MARIA_MAIL, "Maria Silva", T0));
        assertThat(maria.roles()).isEmpty();

        maria.grant(ANALYST, T1);
        maria.grant(ENGINEER, T1);
        users.save(maria);

        User granted = users.findByUsername(MARIA).orElseThrow();
        assertThat(granted.roles()).usingRecursiveFieldByFieldElementComparator().containsExactly(ANALYST, ENGINEER);
        assertThat(granted.hasPermission("pipelines:write")).isTrue();

        granted.revoke("analyst", T1);
        users.save(granted);

        User revoked = users.findByUsername(MARIA).orElseThrow();
        assertThat(revoked.roles()).usingRecursiveFieldByFieldElementComparator().containsExactly(ENGINEER);
        assertThat(revoked.hasPermission("sql:read")).isFalse();
        assertThat(strings("""
                select r.role_name
                from security_audit.user_roles ur
                join security_audit.users u on u.user_id = ur.user_id
                join security_audit.roles r on r.role_id = ur.role_id
                where u.username = 'maria.silva'""")).containsExactly("data_engineer");

        revoked.revoke("data_engineer", T1);
        assertThat(users.save(revoked).roles()).isEmpty();
        assertThat(users.findByUsername(MARIA).orElseThrow().roles()).isEmpty();
        assertThat(users.findByUsername(new Username("admin")).orElseThrow().roles()).containsExactly(ADMIN);
    }

    @Test
    void a_grant_kept_across_saves_keeps_the_time_it_was_first_stored() throws SQLException {
        User maria = User.register(MARIA, MARIA_MAIL, "Maria Silva", T0);
        maria.grant(ANALYST, T0);
        User saved = users.save(maria);
        execute("update security_audit.user_roles set assigned_at = '2024-01-02 03:04:05+00'"
                + " where user_id = " + saved.id().orElseThrow().value());

        saved.grant(ENGINEER, T1);
        users.save(saved);

        assertThat(strings("""
                select r.role_name || ' ' || (ur.assigned_at = '2024-01-02 03:04:05+00')
                from security_audit.user_roles ur
                join security_audit.roles r on r.role_id = ur.role_id
                join security_audit.users u on u.user_id = ur.user_id
                where u.username = 'maria.silva'
                order by r.role_name""")).containsExactly("analyst true", "data_engineer false");
    }

    @Test
    void deactivating_is_stored_and_the_user_read_back_has_no_permission() {
        User maria = User.register(MARIA, MARIA_MAIL, "Maria Silva", T0);
        maria.grant(ANALYST, T0);
        User saved = users.save(maria);

        saved.deactivate(T1);
        users.save(saved);

        User read = users.findByUsername(MARIA).orElseThrow();
        assertThat(read.active()).isFalse();
        assertThat(read.roles()).containsExactly(ANALYST);
        assertThat(read.hasPermission("sql:read")).isFalse();
        assertThatThrownBy(() -> read.grant(ENGINEER, T1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_new_email_and_full_name_are_stored_and_a_removed_full_name_reads_back_empty() {
        User saved = users.save(User.register(MARIA, MARIA_MAIL, "Maria Silva", T0));

        saved.changeEmail(new Email("maria.silva@olist.com.br"), T1);
        saved.changeFullName("Maria S. Silva", T1);
        users.save(saved);

        User changed = users.findByUsername(MARIA).orElseThrow();
        assertThat(changed.email()).isEqualTo(new Email("maria.silva@olist.com.br"));
        assertThat(changed.fullName()).contains("Maria S. Silva");

        changed.changeFullName(null, T1);
        assertThat(users.save(changed).fullName()).isEmpty();
        assertThat(users.findByUsername(MARIA).orElseThrow().fullName()).isEmpty();
    }

    @Test
    void saving_an_unchanged_user_leaves_its_row_untouched() throws SQLException {
        User saved = users.save(User.register(MARIA, MARIA_MAIL, "Maria Silva", T0));
        String before = strings("select updated_at::text from security_audit.users where username = 'maria.silva'")
                .get(0);

        users.save(saved);

        assertThat(strings("select updated_at::text from security_audit.users where username = 'maria.silva'"))
                .containsExactly(before);
    }

    @Test
    void finding_an_unknown_username_or_id_finds_nothing() {
        assertThat(users.findByUsername(new Username("nobody"))).isEmpty();
        assertThat(users.findById(new UserId(999_999))).isEmpty();
    }

    @Test
    void a_username_already_taken_is_rejected_naming_it_and_nothing_is_stored() {
        User impostor = User.register(new Username("admin"), new Email("impostor@olist-dw.local"), "Not Admin", T0);
        impostor.grant(ANALYST, T0);

        assertThatThrownBy(() -> users.save(impostor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("username admin is already taken by another user");
        assertThat(users.all()).hasSize(1);
        assertSameState(users.all().get(0), SEEDED_ADMIN);
    }

    @Test
    void an_email_address_of_another_user_is_rejected_naming_it_and_nothing_is_stored() {
        assertThatThrownBy(() -> users.save(User.register(MARIA, new Email("admin@olist-dw.local"), null, T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("email admin@olist-dw.local already belongs to another user (saving user maria.silva)");
        assertThat(users.findByUsername(MARIA)).isEmpty();

        User maria = users.save(User.register(MARIA, MARIA_MAIL, null, T0));
        maria.changeEmail(new Email("admin@olist-dw.local"), T1);
        assertThatThrownBy(() -> users.save(maria))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("email admin@olist-dw.local already belongs to another user (saving user maria.silva)");
        assertThat(users.findByUsername(MARIA).orElseThrow().email()).isEqualTo(MARIA_MAIL);
    }

    @Test
    void a_role_the_store_does_not_have_is_rejected_naming_it_and_nothing_is_stored() {
        User maria = User.register(MARIA, MARIA_MAIL, "Maria Silva", T0);
        maria.grant(ANALYST, T0);
        maria.grant(new Role("auditor", "reads the audit log", Set.of("audit:read")), T0);

        assertThatThrownBy(() -> users.save(maria))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user maria.silva holds role auditor, which the store does not have");
        assertThat(users.findByUsername(MARIA)).isEmpty();
    }

    @Test
    void updating_a_user_the_store_does_not_have_or_under_another_username_is_rejected() {
        User ghost = User.reconstitute(new UserId(999_999), new Username("ghost"), new Email("ghost@olist-dw.local"),
                null, true, List.of());
        assertThatThrownBy(() -> users.save(ghost))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no user 999999 (ghost) to update");

        User renamed = User.reconstitute(new UserId(1), new Username("root"), new Email("admin@olist-dw.local"),
                "System Administrator", true, List.of(ADMIN));
        assertThatThrownBy(() -> users.save(renamed))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user 1 is admin, not root: a username never changes");
        assertThat(users.findByUsername(new Username("root"))).isEmpty();
    }

    @Test
    void a_role_whose_permissions_say_false_or_null_grants_nothing_by_that_key() throws SQLException {
        execute("""
                insert into security_audit.roles (role_name, description, permissions)
                values ('observer', null, '{"analytics": "read", "pipelines": false, "quality": null}')""");

        assertThat(users.roles()).usingRecursiveFieldByFieldElementComparator()
                .containsExactly(ADMIN, ANALYST, ENGINEER, new Role("observer", null, Set.of("analytics:read")), VIEWER);
    }

    @Test
    void a_role_whose_permissions_have_another_shape_fails_naming_the_role() throws SQLException {
        execute("""
                insert into security_audit.roles (role_name, permissions)
                values ('counter', '{"analytics": 3}')""");

        assertThatThrownBy(() -> users.roles())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored role counter: permission 'analytics' must be true, false or text, was 3");

        execute("update security_audit.roles set permissions = '[\"analytics\"]' where role_name = 'counter'");
        assertThatThrownBy(() -> users.roles())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("stored role counter: permissions must be a JSON object, was [\"analytics\"]");
    }

    @Test
    void a_row_edited_into_an_invalid_user_fails_naming_the_user() throws SQLException {
        User saved = users.save(User.register(MARIA, MARIA_MAIL, null, T0));
        execute("update security_audit.users set username = 'Maria Silva' where username = 'maria.silva'");

        assertThatThrownBy(() -> users.findById(saved.id().orElseThrow()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stored user " + saved.id().orElseThrow() + " (Maria Silva) is not valid: "
                        + "username may hold only");
    }

    @Test
    void a_nul_character_in_a_full_name_is_stored_as_a_replacement_character() {
        User saved = users.save(User.register(MARIA, MARIA_MAIL, "Maria\0Silva", T0));

        assertThat(saved.fullName()).contains("Maria\uFFFDSilva");
    }

    /** Same id, username, e-mail, full name, active flag, and roles with the same description and permissions. */
    private static void assertSameState(User actual, User expected) {
        assertThat(actual).usingRecursiveComparison().ignoringFields("events").isEqualTo(expected);
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
