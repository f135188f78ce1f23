package org.olistdw.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void a_role_grants_exactly_the_permissions_it_lists() {
        Role engineer = new Role("data_engineer", "runs pipelines", Set.of("pipelines:write", "quality:read"));

        assertThat(engineer.grants("pipelines:write")).isTrue();
        assertThat(engineer.grants("quality:read")).isTrue();
        assertThat(engineer.grants("quality:write")).isFalse();
        assertThat(engineer.grants("analytics:read")).isFalse();
    }

    @Test
    void the_permission_all_grants_every_permission() {
        Role admin = new Role("admin", "Full system access", Set.of("all"));

        assertThat(admin.grants("pipelines:write")).isTrue();
        assertThat(admin.grants("anything at all")).isTrue();
    }

    @Test
    void a_role_without_permissions_grants_none() {
        assertThat(new Role("guest", null, Set.of()).grants("analytics:read")).isFalse();
    }

    @Test
    void roles_of_the_same_name_are_equal_whatever_they_grant() {
        Role one = new Role("analyst", "Read-only access to analytics", Set.of("analytics:read"));
        Role other = new Role("analyst", null, Set.of());

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one).isNotEqualTo(new Role("admin", "Read-only access to analytics", Set.of("analytics:read")));
    }

    @Test
    void permissions_come_in_name_order_and_cannot_be_changed_from_outside() {
        Set<String> given = new HashSet<>(Set.of("quality:read", "pipelines:write"));
        Role engineer = new Role("data_engineer", null, given);
        given.add("analytics:read");

        assertThat(engineer.permissions()).containsExactly("pipelines:write", "quality:read");
        assertThatThrownBy(() -> engineer.permissions().add("all"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(engineer.description()).isEmpty();
    }

    @Test
    void a_blank_or_overlong_name_and_a_blank_permission_are_rejected() {
        assertThatThrownBy(() -> new Role(" ", null, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role name must not be blank");
        assertThatThrownBy(() -> new Role("r".repeat(51), null, Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role name must be at most 50 characters long, was 51 ('" + "r".repeat(51) + "')");
        assertThatThrownBy(() -> new Role("analyst", null, Set.of("analytics:read", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role analyst: a permission must not be blank, was ' '");
    }
}
