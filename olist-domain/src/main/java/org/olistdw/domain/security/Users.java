package org.olistdw.domain.security;

import java.util.List;
import java.util.Optional;

/**
 * Port to where users and the roles on offer are kept. Roles are defined in the store; a user refers to
 * them by name.
 */
public interface Users {

    /** The user with this id. */
    Optional<User> findById(UserId id);

    /** The user with this username. */
    Optional<User> findByUsername(Username username);

    /** Every user, active or not, by username. */
    List<User> all();

    /**
     * Stores a user in one transaction. A user without an id is inserted and given one; a user with an id
     * has its e-mail address, full name, active flag and held roles replaced by those given (its username
     * is never changed). The user's pending events are left to the caller.
     *
     * @return the user as stored, with its id
     * @throws IllegalArgumentException when the username or e-mail address belongs to another user, a role
     *                                  held is not in the store, or there is no user with the given id;
     *                                  nothing is stored then
     */
    User save(User user);

    /** The roles on offer, by name. */
    List<Role> roles();

    /**
     * Sets the password of a stored user, kept only as a slow, salted hash; the password itself is never
     * stored.
     *
     * @throws IllegalArgumentException when there is no such user
     */
    void setPassword(Username username, Password password);

    /**
     * Whether {@code password} is that of the user: false for an unknown user, a disabled one, or one who has no
     * password (as the user seeded by the schema). Takes about as long either way for a known user.
     */
    boolean passwordMatches(Username username, Password password);

    /** Whether the user has a password set (and so can log in while active). */
    boolean hasPassword(Username username);
}
