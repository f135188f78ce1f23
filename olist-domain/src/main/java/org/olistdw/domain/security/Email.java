package org.olistdw.domain.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's e-mail address, checked for its shape only (whether it reaches anyone is not this type's
 * business): exactly one {@code @}; a non-empty local part before it; after it a domain with at least one
 * dot that neither starts nor ends it; no whitespace or control characters; at most 255 characters (the
 * store's column). It is kept exactly as given, letter case included.
 */
public record Email(String value) {

    /** The longest address accepted. */
    public static final int MAX_LENGTH = 255;

    private static final Pattern SHAPE =
            Pattern.compile("[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+");

    public Email {
        Objects.requireNonNull(value, "email");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("email must be at most " + MAX_LENGTH + " characters long, was "
                    + value.length());
        }
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("email must look like name@domain.tld, was '" + value + "'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
