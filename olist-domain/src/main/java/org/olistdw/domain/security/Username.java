package org.olistdw.domain.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name a user is known by, unique among users and never changed: 3 to 100 characters (the length of
 * the store's {@code users.username} column), each a lower-case ASCII letter, a digit, a dot, an
 * underscore or a hyphen, e.g. {@code maria.silva} or {@code data_engineer-2}.
 */
public record Username(String value) {

    /** The shortest name accepted. */
    public static final int MIN_LENGTH = 3;
    /** The longest name accepted. */
    public static final int MAX_LENGTH = 100;

    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._-]+");

    public Username {
        Objects.requireNonNull(value, "username");
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("username must be " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " characters long, was " + value.length() + " ('" + value + "')");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("username may hold only lower-case letters a-z, digits, '.', '_' "
                    + "and '-', was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
