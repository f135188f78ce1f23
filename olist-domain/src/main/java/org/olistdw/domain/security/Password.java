package org.olistdw.domain.security;

import java.util.Arrays;
import java.util.Objects;

/**
 * A password as typed, before it is hashed: 12 to 1024 characters, not only whitespace. It is never shown
 * ({@link #toString()} hides it) and should be {@linkplain #clear() cleared} once used.
 */
public final class Password {

    /** The shortest password accepted. */
    public static final int MIN_LENGTH = 12;
    /** The longest password accepted. */
    public static final int MAX_LENGTH = 1024;

    private final char[] characters;

    /** A password holding a copy of {@code characters}. */
    public Password(char[] characters) {
        Objects.requireNonNull(characters, "password");
        if (characters.length < MIN_LENGTH || characters.length > MAX_LENGTH) {
            throw new IllegalArgumentException("password must be " + MIN_LENGTH + ".." + MAX_LENGTH
                    + " characters long, was " + characters.length);
        }
        boolean blank = true;
        for (char c : characters) {
            blank &= Character.isWhitespace(c);
        }
        if (blank) {
            throw new IllegalArgumentException("password must not be only whitespace");
        }
        this.characters = characters.clone();
    }

    /** A copy of the characters; the caller clears it. */
    public char[] characters() {
        return characters.clone();
    }

    /** Overwrites the characters held. */
    public void clear() {
        Arrays.fill(characters, '\0');
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
