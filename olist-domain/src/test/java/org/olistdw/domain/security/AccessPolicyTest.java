package org.olistdw.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 1, 10, 15);

    private static Decision decide(List<String> roles, AccessRequest request) {
        return AccessPolicy.decide(roles, request);
    }

    @Test
    void a_viewer_sees_dashboards_and_nothing_else() {
        assertThat(decide(List.of("viewer"), AccessRequest.to(Permission.VIEW_DASHBOARDS)).allowed()).isTrue();
        assertThat(decide(List.of("viewer"), AccessRequest.sql(Set.of("mart"))).allowed()).isFalse();
        for (Permission permission : List.of(Permission.REVEAL_PERSONAL_DATA, Permission.MANAGE_USERS,
                Permission.EDIT_QUALITY_RULES, Permission.READ_AUDIT_LOG)) {
            Decision decision = decide(List.of("viewer"), AccessRequest.to(permission));
            assertThat(decision.allowed()).as(permission.code()).isFalse();
            assertThat(decision.reason()).isEqualTo(permission.code() + " is not allowed to roles [viewer]");
        }
    }

    @Test
    void an_analyst_runs_sql_over_mart_and_core_only() {
        assertThat(decide(List.of("analyst"), AccessRequest.to(Permission.VIEW_DASHBOARDS)).allowed()).isTrue();
        assertThat(decide(List.of("analyst"), AccessRequest.sql(Set.of("mart", "CORE"))))
                .isEqualTo(new Decision(true, "SQL over core, mart is allowed to role analyst"));
        assertThat(decide(List.of("analyst"), AccessRequest.sql(Set.of("mart", "raw"))))
                .isEqualTo(new Decision(false, "SQL over schema raw is not allowed to roles [analyst]"));
        assertThat(decide(List.of("analyst"), AccessRequest.sql(Set.of("staging", "raw"))).reason())
                .isEqualTo("SQL over schemas raw, staging is not allowed to roles [analyst]");
        assertThat(decide(List.of("analyst"), AccessRequest.to(Permission.REVEAL_PERSONAL_DATA)).allowed()).isFalse();
        assertThat(decide(List.of("analyst"), AccessRequest.to(Permission.MANAGE_USERS)).allowed()).isFalse();
        assertThat(decide(List.of("analyst"), AccessRequest.to(Permission.EDIT_QUALITY_RULES)).allowed()).isFalse();
        assertThat(decide(List.of("analyst"), AccessRequest.to(Permission.READ_AUDIT_LOG)).allowed()).isFalse();
        assertThat(decide(List.of("analyst"), AccessRequest.to(Permission.VIEW_RUNS)).allowed()).isTrue();
        assertThat(decide(List.of("viewer"), AccessRequest.to(Permission.VIEW_RUNS)))
                .isEqualTo(new Decision(false, "runs:read is not allowed to roles [viewer]"));
    }

    @Test
    void an_admin_may_do_everything_including_sql_over_any_schema() {
        for (Permission permission : Permission.values()) {
            if (permission != Permission.RUN_READ_ONLY_SQL) {
                assertThat(decide(List.of("admin"), AccessRequest.to(permission)).allowed()).as(permission.code()).isTrue();
            }
        }
        assertThat(decide(List.of("admin"), AccessRequest.sql(Set.of("raw", "staging"))).allowed()).isTrue();
    }

    @Test
    void no_role_or_an_unknown_role_allows_nothing() {
        assertThat(decide(List.of(), AccessRequest.to(Permission.VIEW_DASHBOARDS)))
                .isEqualTo(new Decision(false, "dashboards:read is not allowed to no role"));
        assertThat(decide(List.of("data_engineer"), AccessRequest.to(Permission.VIEW_DASHBOARDS)).allowed()).isFalse();
    }

    @Test
    void roles_add_up_the_most_permissive_wins() {
        assertThat(decide(List.of("viewer", "analyst"), AccessRequest.sql(Set.of("core"))).allowed()).isTrue();
        assertThat(decide(List.of("analyst", "admin"), AccessRequest.sql(Set.of("raw"))).reason())
                .isEqualTo("SQL over raw is allowed to role admin");
    }

    @Test
    void a_disabled_user_has_no_access_whatever_roles_they_hold() {
        Role admin = new Role("admin", null, Set.of("all"));
        User user = User.register(new Username("maria.silva"), new Email("maria@olist-dw.local"), null, T0);
        user.grant(admin, T0);
        assertThat(AccessPolicy.decide(user, AccessRequest.to(Permission.VIEW_DASHBOARDS)).allowed()).isTrue();

        user.deactivate(T0.plusMinutes(1));

        Decision decision = AccessPolicy.decide(user, AccessRequest.to(Permission.VIEW_DASHBOARDS));
        assertThat(decision).isEqualTo(new Decision(false, "user maria.silva is disabled"));
    }

    @Test
    void requests_are_well_formed() {
        assertThatThrownBy(() -> AccessRequest.sql(Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must name the schemas");
        assertThatThrownBy(() -> AccessRequest.to(Permission.RUN_READ_ONLY_SQL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessRequest(Permission.VIEW_DASHBOARDS, Set.of("mart")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void role_names_are_those_of_the_store() {
        assertThat(ApplicationRole.named("analyst")).contains(ApplicationRole.ANALYST);
        assertThat(ApplicationRole.named("Analyst")).isEmpty();
        assertThat(ApplicationRole.ADMIN.roleName()).isEqualTo("admin");
    }
}
