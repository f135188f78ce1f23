package org.olistdw.serving;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of the dashboards, kept in memory: each has an id and a CSRF token drawn from a secure random
 * source, and ends when unused for the idle timeout. A session before log-in (anonymous) only carries the
 * log-in form's CSRF token; logging in ends it and starts a session under a new id, so an id known before the
 * log-in is worth nothing after it.
 */
final class Sessions {

    /** One session; {@code username} is null before log-in. */
    static final class Session {
        private final String id;
        private final String username;
        private final String csrf;
        private volatile Instant lastSeen;

        private Session(String id, String username, String csrf, Instant lastSeen) {
            this.id = id;
            this.username = username;
            this.csrf = csrf;
            this.lastSeen = lastSeen;
        }

        String id() {
            return id;
        }

        Optional<String> username() {
            return Optional.ofNullable(username);
        }

        String csrf() {
            return csrf;
        }

        /** Whether {@code token} is this session's CSRF token, compared in constant time. */
        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static final int ID_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    Sessions(Duration idleTimeout, Clock clock) {
        this.idleTimeout = Objects.requireNonNull(idleTimeout, "idleTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    /** A new session before log-in, for the log-in form's CSRF token. */
    Session anonymous() {
        return start(null);
    }

    /** Ends {@code previous} (if any) and starts a session of {@code username} under a new id. */
    Session logIn(Session previous, String username) {
        Objects.requireNonNull(username, "username");
        if (previous != null) {
            sessions.remove(previous.id());
        }
        return start(username);
    }

    /** The live session of this id, marked as used now; empty for an unknown or expired id. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        session.lastSeen = now;
        return Optional.of(session);
    }

    /** Ends the session of this id. */
    void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    private Session start(String username) {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> expired(session, now));
        Session session = new Session(token(), username, token(), now);
        sessions.put(session.id(), session);
        return session;
    }

    private boolean expired(Session session, Instant now) {
        return !session.lastSeen.plus(idleTimeout).isAfter(now);
    }

    private String token() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
