package org.olistdw.domain.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The roles the application knows and what each allows; a stored {@link Role} of the same name is this role.
 * This enum, not the store, is where what a role may do is decided ({@link AccessPolicy}):
 * <ul>
 *   <li>{@code viewer}: the dashboards;</li>
 *   <li>{@code analyst}: the dashboards, the pipeline runs and their quality results, and read-only SQL over the
 *       schemas {@code mart} and {@code core} (pseudonymised personal data only);</li>
 *   <li>{@code admin}: everything: SQL over any schema, personal data in clear, users, quality rules, the audit
 *       trail.</li>
 * </ul>
 */
public enum ApplicationRole {

    VIEWER(EnumSet.of(Permission.VIEW_DASHBOARDS), Set.of()),
    ANALYST(EnumSet.of(Permission.VIEW_DASHBOARDS, Permission.VIEW_RUNS, Permission.RUN_READ_ONLY_SQL),
            Set.of("mart", "core")),
    ADMIN(EnumSet.allOf(Permission.class), null);

    private final Set<Permission> permissions;
    /** The schemas read-only SQL may read; null for any. */
    private final Set<String> sqlSchemas;

    ApplicationRole(Set<Permission> permissions, Set<String> sqlSchemas) {
        this.permissions = Collections.unmodifiableSet(permissions);
        this.sqlSchemas = sqlSchemas;
    }

    /** The role's name in the store and on the command line: {@code viewer}, {@code analyst}, {@code admin}. */
    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the role allows, unmodifiable. */
    public Set<Permission> permissions() {
        return permissions;
    }

    /** Whether the role allows {@code permission}. */
    public boolean allows(Permission permission) {
        return permissions.contains(Objects.requireNonNull(permission, "permission"));
    }

    /** Whether the role's read-only SQL may read the warehouse schema {@code schema} (lower case). */
    public boolean maySqlRead(String schema) {
        Objects.requireNonNull(schema, "schema");
        return allows(Permission.RUN_READ_ONLY_SQL) && (sqlSchemas == null || sqlSchemas.contains(schema));
    }

    /** The role of this name ({@code viewer}, {@code analyst}, {@code admin}), if it is one of the application's. */
    public static Optional<ApplicationRole> named(String roleName) {
        Objects.requireNonNull(roleName, "roleName");
        return Arrays.stream(values()).filter(role -> role.roleName().equals(roleName)).findFirst();
    }
}
