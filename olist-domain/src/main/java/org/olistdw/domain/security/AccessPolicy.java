package org.olistdw.domain.security;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Who may do what: the one place where access is decided, from the roles held and the request, by the rules of
 * {@link ApplicationRole}. Adapters ask it before every guarded action and enforce its answer; they do not
 * decide themselves.
 *
 * <p>Rules: a disabled user may do nothing; roles that are not {@link ApplicationRole}s allow nothing; a request
 * is allowed when one role held allows it; read-only SQL is allowed when one role held may read every schema
 * the statement reads.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Decides for a user: nothing for a disabled user, else as {@link #decide(Collection, AccessRequest)} for the roles held. */
    public static Decision decide(User user, AccessRequest request) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(request, "request");
        if (!user.active()) {
            return Decision.deny("user " + user.username() + " is disabled");
        }
        return decide(user.roles().stream().map(Role::name).toList(), request);
    }

    /** Decides for the holder of the roles named. */
    public static Decision decide(Collection<String> roleNames, AccessRequest request) {
        Objects.requireNonNull(roleNames, "roleNames");
        Objects.requireNonNull(request, "request");
        List<ApplicationRole> roles = roleNames.stream().map(ApplicationRole::named)
                .flatMap(Optional::stream).toList();
        String held = roleNames.isEmpty() ? "no role" : "roles " + new TreeSet<>(roleNames);
        Permission permission = request.permission();
        Optional<ApplicationRole> allowing = roles.stream().filter(role -> role.allows(permission)).findFirst();
        if (allowing.isEmpty()) {
            return Decision.deny(permission.code() + " is not allowed to " + held);
        }
        if (permission != Permission.RUN_READ_ONLY_SQL) {
            return Decision.allow(permission.code() + " is allowed to role " + allowing.get().roleName());
        }
        Optional<ApplicationRole> reading = roles.stream()
                .filter(role -> request.schemas().stream().allMatch(role::maySqlRead)).findFirst();
        if (reading.isEmpty()) {
            TreeSet<String> refused = new TreeSet<>(request.schemas());
            refused.removeIf(schema -> roles.stream().anyMatch(role -> role.maySqlRead(schema)));
            return Decision.deny("SQL over schema" + (refused.size() == 1 ? " " : "s ") + String.join(", ",
                    refused.isEmpty() ? request.schemas() : refused) + " is not allowed to " + held);
        }
        return Decision.allow("SQL over " + String.join(", ", new TreeSet<>(request.schemas()))
                + " is allowed to role " + reading.get().roleName());
    }
}
