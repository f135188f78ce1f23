package org.olistdw.domain.security;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.olistdw.domain.shared.AggregateRoot;

/**
 * A person who uses the warehouse: the aggregate root of security and audit.
 *
 * <p>Invariants: the username never changes; a user holds each role at most once; a deactivated user is
 * granted no role and holds no permission, whatever roles they still hold. A user has an id once the
 * store has saved it ({@link Users#save}); until then {@link #id()} is empty.
 *
 * <p>Every change records a past-tense event ({@link UserRegistered}, {@link RoleGranted},
 * {@link RoleRevoked}, {@link UserDeactivated}, {@link EmailChanged}, {@link FullNameChanged}); a command
 * that changes nothing records none. The caller collects the events with {@link #pullEvents()}. Not safe
 * for use by several threads at once.
 *
 * <p>Users are equal when they have the same id; a user without an id is equal only to itself.
 */
public final class User extends AggregateRoot {

    /** The longest full name accepted (the store's column). */
    public static final int MAX_FULL_NAME_LENGTH = 200;

    private final UserId id;
    private final Username username;
    private Email email;
    private String fullName;
    private boolean active;
    private final Map<String, Role> roles = new TreeMap<>();

    private User(UserId id, Username username, Email email, String fullName, boolean active) {
        this.id = id;
        this.username = Objects.requireNonNull(username, "username");
        this.email = Objects.requireNonNull(email, "email");
        this.fullName = checkedFullName(fullName);
        this.active = active;
    }

    /**
     * Registers a new user: active, holding no role, without an id until saved. Records {@link UserRegistered}.
     *
     * @param fullName the person's name, or null when not known; not blank, at most
     *                 {@value #MAX_FULL_NAME_LENGTH} characters
     */
    public static User register(Username username, Email email, String fullName, LocalDateTime at) {
        Objects.requireNonNull(at, "at");
        User user = new User(null, username, email, fullName, true);
        user.record(new UserRegistered(username, email, Optional.ofNullable(user.fullName), at));
        return user;
    }

    /**
     * A user as stored, for repositories: records no event.
     *
     * @throws IllegalArgumentException when a role appears twice, or a value breaks the rules of
     *                                  {@link #register}
     */
    public static User reconstitute(UserId id, Username username, Email email, String fullName, boolean active,
                                    Collection<Role> roles) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roles, "roles");
        User user = new User(id, username, email, fullName, active);
        for (Role role : roles) {
            Objects.requireNonNull(role, "a role of user " + username + " is null");
            if (user.roles.putIfAbsent(role.name(), role) != null) {
                throw new IllegalArgumentException("user " + username + " holds role " + role.name() + " twice");
            }
        }
        return user;
    }

    /**
     * Gives the user a role. Granting a role the user already holds changes nothing and records no event;
     * otherwise records {@link RoleGranted}.
     *
     * @throws IllegalStateException when the user is deactivated
     */
    public void grant(Role role, LocalDateTime at) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(at, "at");
        if (!active) {
            throw new IllegalStateException("user " + username + " is deactivated and cannot be granted role "
                    + role.name());
        }
        if (roles.putIfAbsent(role.name(), role) == null) {
            record(new RoleGranted(username, role.name(), at));
        }
    }

    /**
     * Takes a role away, active user or not. Records {@link RoleRevoked}.
     *
     * @throws IllegalStateException when the user does not hold the role
     */
    public void revoke(String roleName, LocalDateTime at) {
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(at, "at");
        if (roles.remove(roleName) == null) {
            throw new IllegalStateException("user " + username + " does not hold role " + roleName);
        }
        record(new RoleRevoked(username, roleName, at));
    }

    /**
     * Deactivates the user: they keep their roles but hold no permission and can be granted no role.
     * Records {@link UserDeactivated}; deactivating a deactivated user changes nothing and records no event.
     */
    public void deactivate(LocalDateTime at) {
        Objects.requireNonNull(at, "at");
        if (active) {
            active = false;
            record(new UserDeactivated(username, at));
        }
    }

    /** Changes the e-mail address. Records {@link EmailChanged} unless the address is the same. */
    public void changeEmail(Email newEmail, LocalDateTime at) {
        Objects.requireNonNull(newEmail, "newEmail");
        Objects.requireNonNull(at, "at");
        if (!newEmail.equals(email)) {
            record(new EmailChanged(username, email, newEmail, at));
            email = newEmail;
        }
    }

    /**
     * Gives, changes or (with null) removes the full name, under the rules of {@link #register}. Records
     * {@link FullNameChanged} unless the name is the same.
     */
    public void changeFullName(String newFullName, LocalDateTime at) {
        Objects.requireNonNull(at, "at");
        String checked = checkedFullName(newFullName);
        if (!Objects.equals(checked, fullName)) {
            record(new FullNameChanged(username, Optional.ofNullable(fullName), Optional.ofNullable(checked), at));
            fullName = checked;
        }
    }

    /** Whether the user may do what {@code permission} names: they are active and a role they hold grants it. */
    public boolean hasPermission(String permission) {
        Objects.requireNonNull(permission, "permission");
        return active && roles.values().stream().anyMatch(role -> role.grants(permission));
    }

    /** Whether the user holds the role called {@code roleName}. */
    public boolean holds(String roleName) {
        Objects.requireNonNull(roleName, "roleName");
        return roles.containsKey(roleName);
    }

    /** The id the store gave the user; empty until first saved. */
    public Optional<UserId> id() {
        return Optional.ofNullable(id);
    }

    /** The user's name, which never changes. */
    public Username username() {
        return username;
    }

    /** The user's e-mail address. */
    public Email email() {
        return email;
    }

    /** The person's name, when known. */
    public Optional<String> fullName() {
        return Optional.ofNullable(fullName);
    }

    /** Whether the user is active; a deactivated user holds no permission. */
    public boolean active() {
        return active;
    }

    /** The roles held, in name order, unmodifiable. */
    public Set<Role> roles() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(roles.values()));
    }

    private static String checkedFullName(String fullName) {
        if (fullName == null) {
            return null;
        }
        if (fullName.isBlank()) {
            throw new IllegalArgumentException("full name must not be blank; leave it out when not known");
        }
        if (fullName.length() > MAX_FULL_NAME_LENGTH) {
            throw new IllegalArgumentException("full name must be at most " + MAX_FULL_NAME_LENGTH
                    + " characters long, was " + fullName.length());
        }
        return fullName;
    }

    @Override
    protected Object identity() {
        return id;
    }

    @Override
    public String toString() {
        return "User[id=" + (id == null ? "new" : id) + ", username=" + username + ", active=" + active
                + ", roles=" + roles.keySet() + "]";
    }
}
