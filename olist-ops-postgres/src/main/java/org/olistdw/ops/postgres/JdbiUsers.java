package org.olistdw.ops.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.UserId;
import org.olistdw.domain.security.Username;
import org.olistdw.domain.security.Users;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * {@link Users} in the {@code security_audit} schema: {@code users}, {@code roles} and the grants in
 * {@code user_roles}. Every call runs in its own transaction (or in autocommit) and has committed when it
 * returns.
 *
 * <p>A role's {@code permissions} column is a JSON object read as permission names: a key whose value is
 * {@code true} is the permission of that name ({@code {"all": true}} is {@code all}); a key whose value is
 * text is the key and the text joined by a colon ({@code {"pipelines": "write"}} is {@code pipelines:write});
 * a key whose value is {@code false} or {@code null} grants nothing. Any other shape fails naming the role.
 * Roles are only read here: a user's roles are saved by name, and a new grant is stored with the time of
 * the save and no assigning user. PostgreSQL text cannot hold the NUL character; in a full name it is
 * replaced by U+FFFD. Passwords are kept as {@link Argon2id} hashes in {@code users.password_hash}.
 */
final class JdbiUsers implements Users {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USERNAME_TAKEN = "users_username_key";
    private static final String EMAIL_TAKEN = "users_email_key";
    private static final String UNIQUE_VIOLATION = "23505";

    /** Each user with each role held, or once with a null role when holding none; one statement, one snapshot. */
    private static final String SELECT_USERS = """
            select u.user_id, u.username, u.email, u.full_name, u.is_active,
                   r.role_name, r.description, r.permissions::text as permissions
            from security_audit.users as u
            left join security_audit.user_roles as ur on ur.user_id = u.user_id
            left join security_audit.roles as r on r.role_id = ur.role_id
            """;
    private static final String IN_ORDER = """
            order by u.username collate "C", r.role_name collate "C"
            """;
    private static final String SELECT_ROLES = """
            select r.role_name, r.description, r.permissions::text as permissions
            from security_audit.roles as r
            """;

    /** See {@link #standInHash()}. */
    private static volatile String standIn;

    private final Jdbi jdbi;

    JdbiUsers(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<User> findById(UserId id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(handle -> find(handle, id.value()));
    }

    @Override
    public Optional<User> findByUsername(Username username) {
        Objects.requireNonNull(username, "username");
        return jdbi.withHandle(handle -> users(handle.createQuery(SELECT_USERS + """
                        where u.username = :username
                        """ + IN_ORDER)
                .bind("username", username.value()))
                .stream().findFirst());
    }

    /** {@inheritDoc} By username in code point order, whatever the database's collation. */
    @Override
    public List<User> all() {
        return jdbi.withHandle(handle -> users(handle.createQuery(SELECT_USERS + IN_ORDER)));
    }

    /**
     * {@inheritDoc}
     *
     * <p>A stored user whose username differs from the given one is rejected too: a username never changes.
     * The stored row is only written when its e-mail address, full name or active flag differ, so
     * {@code updated_at} moves only on a real change.
     */
    @Override
    public User save(User user) {
        Objects.requireNonNull(user, "user");
        try {
            return jdbi.inTransaction(handle -> {
                long id = user.id().isPresent() ? update(handle, user) : insert(handle, user);
                replaceGrants(handle, id, user);
                return find(handle, id).orElseThrow();
            });
        } catch (UnableToExecuteStatementException e) {
            Optional<IllegalArgumentException> taken = taken(user, e);
            if (taken.isPresent()) {
                throw taken.get();
            }
            throw e;
        }
    }

    /** {@inheritDoc} By name in code point order, whatever the database's collation. */
    @Override
    public List<Role> roles() {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT_ROLES + """
                        order by r.role_name collate "C"
                        """)
                .map((rs, ctx) -> RoleRow.from(rs))
                .map(RoleRow::toDomain)
                .list());
    }

    @Override
    public void setPassword(Username username, Password password) {
        Objects.requireNonNull(username, "username");
        char[] characters = password.characters();
        String hash;
        try {
            hash = Argon2id.hash(characters);
        } finally {
            Arrays.fill(characters, '\0');
        }
        int updated = jdbi.withHandle(handle -> handle.createUpdate("""
                        update security_audit.users
                        set password_hash = :hash,
                            password_changed_at = now()
                        where username = :username""")
                .bind("hash", hash)
                .bind("username", username.value())
                .execute());
        if (updated == 0) {
            throw new IllegalArgumentException("there is no user " + username + " to set a password for");
        }
    }

    @Override
    public boolean passwordMatches(Username username, Password password) {
        Objects.requireNonNull(username, "username");
        Optional<String> stored = jdbi.withHandle(handle -> handle.createQuery("""
                        select password_hash
                        from security_audit.users
                        where username = :username
                          and is_active
                          and password_hash is not null""")
                .bind("username", username.value())
                .mapTo(String.class)
                .findOne());
        char[] characters = password.characters();
        try {
            // without a hash to check, one is checked all the same, so that the answer takes as long
            boolean matches = Argon2id.verify(characters, stored.orElseGet(JdbiUsers::standInHash));
            return stored.isPresent() && matches;
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    @Override
    public boolean hasPassword(Username username) {
        Objects.requireNonNull(username, "username");
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select exists (select 1 from security_audit.users
                                       where username = :username and password_hash is not null)""")
                .bind("username", username.value())
                .mapTo(Boolean.class)
                .one());
    }

    /** A hash of no one's password, checked when the user has none, so that a refusal takes as long. */
    private static String standInHash() {
        String hash = standIn;
        if (hash == null) {
            hash = Argon2id.hash("no password is this one".toCharArray());
            standIn = hash;
        }
        return hash;
    }

    private static Optional<User> find(Handle handle, long id) {
        return users(handle.createQuery(SELECT_USERS + """
                        where u.user_id = :userId
                        """ + IN_ORDER)
                .bind("userId", id))
                .stream().findFirst();
    }

    /** The users of a query over {@link #SELECT_USERS}, in the query's order, each with the roles held. */
    private static List<User> users(Query query) {
        Map<Long, UserRow> users = new LinkedHashMap<>();
        Map<Long, List<Role>> roles = new HashMap<>();
        query.map((rs, ctx) -> UserRoleRow.from(rs)).forEach(row -> {
            users.putIfAbsent(row.user().userId(), row.user());
            List<Role> held = roles.computeIfAbsent(row.user().userId(), id -> new ArrayList<>());
            if (row.role() != null) {
                held.add(row.role().toDomain());
            }
        });
        return users.values().stream().map(user -> user.toDomain(roles.get(user.userId()))).toList();
    }

    private static long insert(Handle handle, User user) {
        return handle.createQuery("""
                        insert into security_audit.users (username, email, full_name, is_active)
                        values (:username, :email, :fullName, :active)
                        returning user_id""")
                .bind("username", user.username().value())
                .bind("email", user.email().value())
                .bind("fullName", text(user.fullName().orElse(null)))
                .bind("active", user.active())
                .mapTo(Long.class)
                .one();
    }

    private static long update(Handle handle, User user) {
        long id = user.id().orElseThrow().value();
        String storedUsername = handle.createQuery("""
                        select username
                        from security_audit.users
                        where user_id = :userId
                        for update""")
                .bind("userId", id)
                .mapTo(String.class)
                .findOne()
                .orElseThrow(() -> new IllegalArgumentException("there is no user " + id + " ("
                        + user.username() + ") to update"));
        if (!storedUsername.equals(user.username().value())) {
            throw new IllegalArgumentException("user " + id + " is " + storedUsername + ", not " + user.username()
                    + ": a username never changes");
        }
        handle.createUpdate("""
                        update security_audit.users
                        set email = :email,
                            full_name = :fullName,
                            is_active = :active
                        where user_id = :userId
                          and (email, full_name, is_active) is distinct from (:email, :fullName, :active)""")
                .bind("email", user.email().value())
                .bind("fullName", text(user.fullName().orElse(null)))
                .bind("active", user.active())
                .bind("userId", id)
                .execute();
        return id;
    }

    /** Makes the stored grants of user {@code id} exactly the roles {@code user} holds, keeping older grants. */
    private static void replaceGrants(Handle handle, long id, User user) {
        List<String> held = user.roles().stream().map(Role::name).toList();
        Set<String> unknown = new TreeSet<>(held);
        unknown.removeAll(handle.createQuery("""
                        select role_name
                        from security_audit.roles
                        where role_name = any(:names)""")
                .bindArray("names", String.class, held)
                .mapTo(String.class)
                .list());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("user " + user.username() + " holds "
                    + (unknown.size() == 1 ? "role " : "roles ") + String.join(", ", unknown)
                    + ", which the store does not have");
        }
        handle.createUpdate("""
                        delete from security_audit.user_roles as ur
                        using security_audit.roles as r
                        where r.role_id = ur.role_id
                          and ur.user_id = :userId
                          and r.role_name <> all(:names)""")
                .bind("userId", id)
                .bindArray("names", String.class, held)
                .execute();
        handle.createUpdate("""
                        insert into security_audit.user_roles (user_id, role_id)
                        select :userId, r.role_id
                        from security_audit.roles as r
                        where r.role_name = any(:names)
                        on conflict (user_id, role_id) do nothing""")
                .bind("userId", id)
                .bindArray("names", String.class, held)
                .execute();
    }

    /** The rejection of a username or e-mail address that another user has, when that is what failed. */
    private static Optional<IllegalArgumentException> taken(User user, UnableToExecuteStatementException e) {
        if (!(e.getCause() instanceof PSQLException cause) || !UNIQUE_VIOLATION.equals(cause.getSQLState())) {
            return Optional.empty();
        }
        ServerErrorMessage detail = cause.getServerErrorMessage();
        String constraint = detail == null ? null : detail.getConstraint();
        if (USERNAME_TAKEN.equals(constraint)) {
            return Optional.of(new IllegalArgumentException("username " + user.username()
                    + " is already taken by another user", e));
        }
        if (EMAIL_TAKEN.equals(constraint)) {
            return Optional.of(new IllegalArgumentException("email " + user.email()
                    + " already belongs to another user (saving user " + user.username() + ")", e));
        }
        return Optional.empty();
    }

    /** PostgreSQL text cannot contain NUL; anything else is stored as given. */
    private static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    /**
     * The permission names of a role's {@code permissions} object, as described on the class.
     *
     * @throws IllegalStateException naming the role, when the column holds another shape
     */
    static Set<String> permissionNames(String role, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored role " + role + ": permissions are not JSON: "
                    + PostgresOps.oneLine(e.getOriginalMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalStateException("stored role " + role + ": permissions must be a JSON object, was " + json);
        }
        Set<String> permissions = new TreeSet<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isBoolean() || value.isNull()) {
                if (value.booleanValue()) {
                    permissions.add(field.getKey());
                }
            } else if (value.isTextual()) {
                permissions.add(field.getKey() + ":" + value.textValue());
            } else {
                throw new IllegalStateException("stored role " + role + ": permission '" + field.getKey()
                        + "' must be true, false or text, was " + value);
            }
        }
        return permissions;
    }

    private record UserRow(long userId, String username, String email, String fullName, boolean active) {

        static UserRow from(ResultSet rs) throws SQLException {
            return new UserRow(rs.getLong("user_id"), rs.getString("username"), rs.getString("email"),
                    rs.getString("full_name"), rs.getBoolean("is_active"));
        }

        /** The user holding {@code roles}; a row that does not make a valid user fails naming it. */
        User toDomain(List<Role> roles) {
            try {
                return User.reconstitute(new UserId(userId), new Username(username), new Email(email), fullName,
                        active, roles);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("stored user " + userId + " (" + username + ") is not valid: "
                        + PostgresOps.oneLine(e.getMessage()), e);
            }
        }
    }

    private record RoleRow(String name, String description, String permissions) {

        static RoleRow from(ResultSet rs) throws SQLException {
            return new RoleRow(rs.getString("role_name"), rs.getString("description"), rs.getString("permissions"));
        }

        /** The role; a row that does not make a valid role fails naming it. */
        Role toDomain() {
            Set<String> granted = permissionNames(name, permissions);
            try {
                return new Role(name, description, granted);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("stored role " + name + " is not valid: "
                        + PostgresOps.oneLine(e.getMessage()), e);
            }
        }
    }

    /** A line of {@link #SELECT_USERS}: a user and one role held, or no role. */
    private record UserRoleRow(UserRow user, RoleRow role) {

        static UserRoleRow from(ResultSet rs) throws SQLException {
            UserRow user = UserRow.from(rs);
            return new UserRoleRow(user, rs.getString("role_name") == null ? null : RoleRow.from(rs));
        }
    }
}
