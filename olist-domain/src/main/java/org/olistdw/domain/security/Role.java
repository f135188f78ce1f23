package org.olistdw.domain.security;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A role users can hold, and the permissions it brings. Roles are identified by their name: two roles of
 * the same name are the same role, whatever their description or permissions say.
 *
 * <p>A permission is a name such as {@code analytics:read} or {@code pipelines:write}; a role grants a
 * permission when it lists it, and the permission {@value #ALL} grants every permission.
 */
public final class Role {

    /** The permission that grants every permission, as held by the {@code admin} role. */
    public static final String ALL = "all";
    /** The longest role name accepted (the store's column). */
    public static final int MAX_NAME_LENGTH = 50;

    private final String name;
    private final String description;
    private final Set<String> permissions;

    /**
     * A role.
     *
     * @param name        not blank, at most {@value #MAX_NAME_LENGTH} characters
     * @param description what the role is for; may be null
     * @param permissions the permissions it grants, none blank; may be empty
     */
    public Role(String name, String description, Set<String> permissions) {
        Objects.requireNonNull(name, "role name");
        Objects.requireNonNull(permissions, "permissions");
        if (name.isBlank()) {
            throw new IllegalArgumentException("role name must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("role name must be at most " + MAX_NAME_LENGTH
                    + " characters long, was " + name.length() + " ('" + name + "')");
        }
        Set<String> sorted = new TreeSet<>();
        for (String permission : permissions) {
            if (permission == null || permission.isBlank()) {
                throw new IllegalArgumentException("role " + name + ": a permission must not be blank, was "
                        + (permission == null ? "null" : "'" + permission + "'"));
            }
            sorted.add(permission);
        }
        this.name = name;
        this.description = description;
        this.permissions = Collections.unmodifiableSet(sorted);
    }

    /** The role's name, its identity. */
    public String name() {
        return name;
    }

    /** What the role is for, when said. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The permissions it lists, in name order, unmodifiable. */
    public Set<String> permissions() {
        return permissions;
    }

    /** Whether holding this role allows {@code permission}: it lists it, or it lists {@value #ALL}. */
    public boolean grants(String permission) {
        Objects.requireNonNull(permission, "permission");
        return permissions.contains(permission) || permissions.contains(ALL);
    }

    /** Equal to another role of the same name. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Role role && role.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
