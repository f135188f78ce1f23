package org.olistdw.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2025, 3, 1, 10, 15);
    private static final LocalDateTime T1 = T0.plusMinutes(5);
    private static final LocalDateTime T2 = T0.plusMinutes(10);

    private static final Role ADMIN = new Role("admin", "Full system access", Set.of("all"));
    private static final Role ENGINEER = new Role("data_engineer", "Can run pipelines and view quality reports",
            Set.of("pipelines:write", "quality:read"));
    private static final Role ANALYST = new Role("analyst", "Read-only access to analytics", Set.of("analytics:read"));

    private static final Username MARIA = new Username("maria.silva");
    private static final Email MARIA_MAIL = new Email("maria@olist-dw.local");

    private static User maria() {
        User user = User.register(MARIA, MARIA_MAIL, "Maria Silva", T0);
        user.pullEvents();
        return user;
    }

    @Test
    void a_registered_user_is_active_holds_no_role_has_no_id_and_records_that_it_was_registered() {
        User user = User.register(MARIA, MARIA_MAIL, "Maria Silva", T0);

        assertThat(user.id()).isEmpty();
        assertThat(user.username()).isEqualTo(MARIA);
        assertThat(user.email()).isEqualTo(MARIA_MAIL);
        assertThat(user.fullName()).contains("Maria Silva");
        assertThat(user.active()).isTrue();
        assertThat(user.roles()).isEmpty();
        assertThat(user.pullEvents())
                .containsExactly(new UserRegistered(MARIA, MARIA_MAIL, Optional.of("Maria Silva"), T0));
    }

    @Test
    void a_user_may_be_registered_without_a_full_name() {
        User user = User.register(MARIA, MARIA_MAIL, null, T0);

        assertThat(user.fullName()).isEmpty();
        assertThat(user.events()).containsExactly(new UserRegistered(MARIA, MARIA_MAIL, Optional.empty(), T0));
    }

    @Test
    void a_blank_or_overlong_full_name_is_rejected() {
        assertThatThrownBy(() -> User.register(MARIA, MARIA_MAIL, "  ", T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("full name must not be blank; leave it out when not known");
        assertThatThrownBy(() -> User.register(MARIA, MARIA_MAIL, "m".repeat(201), T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("full name must be at most 200 characters long, was 201");
        assertThat(User.register(MARIA, MARIA_MAIL, "m".repeat(200), T0).fullName()).contains("m".repeat(200));
    }

    @Test
    void registering_needs_a_username_an_email_and_a_time() {
        assertThatThrownBy(() -> User.register(null, MARIA_MAIL, "Maria", T0)).hasMessage("username");
        assertThatThrownBy(() -> User.register(MARIA, null, "Maria", T0)).hasMessage("email");
        assertThatThrownBy(() -> User.register(MARIA, MARIA_MAIL, "Maria", null)).hasMessage("at");
    }

    @Test
    void granting_a_role_records_that_it_was_granted() {
        User user = maria();

        user.grant(ANALYST, T1);

        assertThat(user.roles()).containsExactly(ANALYST);
        assertThat(user.holds("analyst")).isTrue();
        assertThat(user.pullEvents()).containsExactly(new RoleGranted(MARIA, "analyst", T1));
    }

    @Test
    void granting_a_role_already_held_changes_nothing_and_records_nothing() {
        User user = maria();
        user.grant(ANALYST, T1);
        user.pullEvents();

        user.grant(new Role("analyst", "another description", Set.of()), T2);

        assertThat(user.roles()).containsExactly(ANALYST);
        assertThat(user.roles().iterator().next().permissions()).containsExactly("analytics:read");
        assertThat(user.pullEvents()).isEmpty();
    }

    @Test
    void roles_held_come_in_name_order() {
        User user = maria();

        user.grant(ENGINEER, T1);
        user.grant(ADMIN, T1);
        user.grant(ANALYST, T1);

        assertThat(user.roles()).extracting(Role::name).containsExactly("admin", "analyst", "data_engineer");
    }

    @Test
    void revoking_a_role_held_removes_it_and_records_that_it_was_revoked() {
        User user = maria();
        user.grant(ANALYST, T1);
        user.grant(ENGINEER, T1);
        user.pullEvents();

        user.revoke("analyst", T2);

        assertThat(user.roles()).containsExactly(ENGINEER);
        assertThat(user.holds("analyst")).isFalse();
        assertThat(user.pullEvents()).containsExactly(new RoleRevoked(MARIA, "analyst", T2));
    }

    @Test
    void revoking_a_role_not_held_is_rejected_naming_user_and_role() {
        User user = maria();
        user.grant(ANALYST, T1);
        user.pullEvents();

        assertThatThrownBy(() -> user.revoke("admin", T2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("user maria.silva does not hold role admin");
        assertThat(user.roles()).containsExactly(ANALYST);
        assertThat(user.pullEvents()).isEmpty();
    }

    @Test
    void deactivating_records_that_the_user_was_deactivated_once() {
        User user = maria();

        user.deactivate(T1);
        user.deactivate(T2);

        assertThat(user.active()).isFalse();
        assertThat(user.pullEvents()).containsExactly(new UserDeactivated(MARIA, T1));
    }

    @Test
    void a_deactivated_user_cannot_be_granted_a_role() {
        User user = maria();
        user.deactivate(T1);
        user.pullEvents();

        assertThatThrownBy(() -> user.grant(ANALYST, T2))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("user maria.silva is deactivated and cannot be granted role analyst");
        assertThat(user.roles()).isEmpty();
        assertThat(user.pullEvents()).isEmpty();
    }

    @Test
    void a_deactivated_user_keeps_the_roles_held_and_may_still_lose_them() {
        User user = maria();
        user.grant(ENGINEER, T1);
        user.deactivate(T1);
        user.pullEvents();

        assertThat(user.roles()).containsExactly(ENGINEER);
        user.revoke("data_engineer", T2);

        assertThat(user.roles()).isEmpty();
        assertThat(user.pullEvents()).containsExactly(new RoleRevoked(MARIA, "data_engineer", T2));
    }

    @Test
    void a_user_has_a_permission_when_a_role_held_grants_it() {
        User user = maria();
        assertThat(user.hasPermission("analytics:read")).isFalse();

        user.grant(ANALYST, T1);
        user.grant(ENGINEER, T1);

        assertThat(user.hasPermission("analytics:read")).isTrue();
        assertThat(user.hasPermission("pipelines:write")).isTrue();
        assertThat(user.hasPermission("quality:read")).isTrue();
        assertThat(user.hasPermission("quality:write")).isFalse();
    }

    @Test
    void an_admin_has_every_permission() {
        User user = maria();
        user.grant(ADMIN, T1);

        assertThat(user.hasPermission("pipelines:write")).isTrue();
        assertThat(user.hasPermission("users:write")).isTrue();
    }

    @Test
    void a_deactivated_user_has_no_permission_whatever_the_roles_held() {
        User user = maria();
        user.grant(ADMIN, T1);
        user.grant(ANALYST, T1);

        user.deactivate(T2);

        assertThat(user.hasPermission("analytics:read")).isFalse();
        assertThat(user.hasPermission("all")).isFalse();
    }

    @Test
    void changing_the_email_records_the_old_and_new_address_unless_it_is_the_same() {
        User user = maria();
        Email work = new Email("maria.silva@olist.com.br");

        user.changeEmail(work, T1);
        user.changeEmail(new Email("maria.silva@olist.com.br"), T2);

        assertThat(user.email()).isEqualTo(work);
        assertThat(user.pullEvents()).containsExactly(new EmailChanged(MARIA, MARIA_MAIL, work, T1));
    }

    @Test
    void changing_the_full_name_records_the_change_unless_it_is_the_same() {
        User user = maria();

        user.changeFullName("Maria S. Silva", T1);
        user.changeFullName("Maria S. Silva", T1);
        user.changeFullName(null, T2);

        assertThat(user.fullName()).isEmpty();
        assertThat(user.pullEvents()).containsExactly(
                new FullNameChanged(MARIA, Optional.of("Maria Silva"), Optional.of("Maria S. Silva"), T1),
                new FullNameChanged(MARIA, Optional.of("Maria S. Silva"), Optional.empty(), T2));
        assertThatThrownBy(() -> user.changeFullName("", T2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("full name must not be blank; leave it out when not known");
    }

    @Test
    void events_are_recorded_in_order_and_pulling_them_leaves_none_pending() {
        User user = User.register(MARIA, MARIA_MAIL, "Maria Silva", T0);
        user.grant(ANALYST, T1);
        user.revoke("analyst", T2);
        user.deactivate(T2);

        assertThat(user.events()).hasSize(4);
        assertThat(user.pullEvents()).containsExactly(
                new UserRegistered(MARIA, MARIA_MAIL, Optional.of("Maria Silva"), T0),
                new RoleGranted(MARIA, "analyst", T1),
                new RoleRevoked(MARIA, "analyst", T2),
                new UserDeactivated(MARIA, T2));
        assertThat(user.pullEvents()).isEmpty();
        assertThat(user.events()).isEmpty();
    }

    @Test
    void events_name_the_user_by_username() {
        User user = User.register(MARIA, MARIA_MAIL, null, T0);
        user.grant(ANALYST, T1);

        assertThat(user.events()).allSatisfy(event -> assertThat(event.aggregateId()).isEqualTo("maria.silva"));
        assertThat(user.events()).extracting(event -> event.occurredAt()).containsExactly(T0, T1);
    }

    @Test
    void a_reconstituted_user_has_its_stored_state_and_no_events() {
        User user = User.reconstitute(new UserId(7), MARIA, MARIA_MAIL, "Maria Silva", false,
                List.of(ENGINEER, ANALYST));

        assertThat(user.id()).contains(new UserId(7));
        assertThat(user.username()).isEqualTo(MARIA);
        assertThat(user.email()).isEqualTo(MARIA_MAIL);
        assertThat(user.fullName()).contains("Maria Silva");
        assertThat(user.active()).isFalse();
        assertThat(user.roles()).containsExactly(ANALYST, ENGINEER);
        assertThat(user.events()).isEmpty();
    }

    @Test
    void a_user_cannot_be_reconstituted_without_an_id_or_holding_a_role_twice() {
        assertThatThrownBy(() -> User.reconstitute(null, MARIA, MARIA_MAIL, null, true, List.of()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("id");
        assertThatThrownBy(() -> User.reconstitute(new UserId(7), MARIA, MARIA_MAIL, null, true,
                List.of(ANALYST, new Role("analyst", null, Set.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user maria.silva holds role analyst twice");
    }

    @Test
    void the_roles_held_cannot_be_changed_from_outside() {
        User user = maria();
        user.grant(ANALYST, T1);

        assertThatThrownBy(() -> user.roles().add(ADMIN)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> user.roles().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(user.hasPermission("users:write")).isFalse();
    }

    @Test
    void users_with_the_same_id_are_equal_and_an_unsaved_user_only_to_itself() {
        User stored = User.reconstitute(new UserId(7), MARIA, MARIA_MAIL, null, true, List.of());
        User sameId = User.reconstitute(new UserId(7), new Username("other"), new Email("other@olist.com"), null,
                false, List.of());
        User unsaved = maria();

        assertThat(stored).isEqualTo(sameId).hasSameHashCodeAs(sameId);
        assertThat(stored).isNotEqualTo(User.reconstitute(new UserId(8), MARIA, MARIA_MAIL, null, true, List.of()));
        assertThat(unsaved).isEqualTo(unsaved).isNotEqualTo(maria()).isNotEqualTo(stored);
    }
}
