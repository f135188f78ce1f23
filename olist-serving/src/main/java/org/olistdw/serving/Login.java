package org.olistdw.serving;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.olistdw.domain.security.AccessPolicy;
import org.olistdw.domain.security.AccessRequest;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditEvent;
import org.olistdw.domain.security.Decision;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Permission;
import org.olistdw.domain.security.Pseudonymiser;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.Username;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log-in, sessions and authorization of the dashboards: the {@link PageGuard} that requires a session for every
 * page and every figure, checks the CSRF token of every {@code POST}, and asks {@link AccessPolicy} whether the
 * user may see what is asked; and the pages of log-in, log-out and SQL. Users, passwords and roles come from the
 * domain's {@code Users} port, checked again on every request (a user disabled or stripped of a role loses access
 * at once); what people do goes to the {@code AuditLog} port.
 */
final class Login implements PageGuard {

    static final String SESSION_COOKIE = "olist_session";
    static final String CSRF_FIELD = "csrf";
    /** The query parameter (dashboards) or form field (SQL page) that asks for personal data in clear. */
    static final String REVEAL = "reveal";

    private static final Logger LOG = LoggerFactory.getLogger(Login.class);
    private static final String REFUSED_LOGIN = "wrong username or password";
    /** Whose password is verified for a username that is not one (too long, say); the answer is never used. */
    private static final Username STAND_IN = new Username("no.such.user");

    private final ServingSecurity security;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final SqlConsole sql;

    Login(ServingSecurity security, Clock clock) {
        this.security = security;
        this.sessions = new Sessions(security.idleTimeout(), clock);
        this.throttle = new LoginThrottle(security.freeFailures(), clock);
        this.sql = new SqlConsole(security.sqlTimeLimit(), security.sqlRowLimit());
    }

    /** The ports and limits this log-in works with. */
    ServingSecurity security() {
        return security;
    }

    @Override
    public Optional<Refusal> admit(PageRequest request) {
        String path = request.path();
        if (path.startsWith("/assets/")) {
            return Optional.empty();
        }
        Optional<Sessions.Session> session = sessions.find(cookie(request.headers().apply("Cookie")));
        if (request.method().equals("POST")
                && (session.isEmpty() || !session.get().csrfMatches(request.form().apply(CSRF_FIELD)))) {
            return Optional.of(new Refusal(403, "missing or invalid CSRF token; reload the page and try again"));
        }
        if (path.equals("/login")) {
            return Optional.empty();
        }
        Optional<User> user = session.flatMap(Sessions.Session::username).flatMap(this::user);
        if (user.isEmpty() || !user.get().active()) {
            // a session before log-in is kept: a browser asks for other paths (/favicon.ico) while the log-in
            // form is open, and ending it there would void the form's CSRF token
            session.filter(ended -> ended.username().isPresent()).ifPresent(ended -> sessions.end(ended.id()));
            return Optional.of(new Refusal(401, "log in first"));
        }
        if (path.equals("/logout")) {
            return Optional.empty();
        }
        Decision decision = AccessPolicy.decide(user.get(), accessFor(path));
        if (decision.allowed()) {
            return Optional.empty();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("method", request.method());
        details.put("reason", decision.reason());
        security.auditLog().append(AuditEntry.of(AuditEvent.ACCESS_REFUSED, user.get().username().value(), "page",
                clipped(path), false, details));
        return Optional.of(new Refusal(403, decision.reason()));
    }

    /** What a page asks of {@link AccessPolicy}. */
    static AccessRequest accessFor(String path) {
        if (path.equals("/sql")) {
            // the SQL page opens to whoever may read at least the marts by SQL; each statement is decided apart
            return AccessRequest.sql(Set.of("mart"));
        }
        if (path.equals(Operations.RUNS)) {
            return AccessRequest.to(Permission.VIEW_RUNS);
        }
        if (path.equals(Operations.USERS) || path.startsWith(Operations.USERS + "/")) {
            return AccessRequest.to(Permission.MANAGE_USERS);
        }
        if (path.equals(Operations.RULES) || path.startsWith(Operations.RULES + "/")) {
            return AccessRequest.to(Permission.EDIT_QUALITY_RULES);
        }
        if (path.equals(Operations.AUDIT) || path.startsWith(Operations.AUDIT + "/")) {
            return AccessRequest.to(Permission.READ_AUDIT_LOG);
        }
        return AccessRequest.to(Permission.VIEW_DASHBOARDS);
    }

    /** The person a page is shown to, for its navigation; the request has passed {@link #admit}. */
    Pages.Viewer viewer(Context ctx) {
        Sessions.Session session = session(ctx).orElseThrow();
        String username = session.username().orElseThrow();
        Optional<User> user = user(username);
        boolean maySql = user.map(held -> AccessPolicy.decide(held, AccessRequest.sql(Set.of("mart")))
                .allowed()).orElse(false);
        return new Pages.Viewer(username, session.csrf(), maySql, may(user, Permission.REVEAL_PERSONAL_DATA),
                may(user, Permission.VIEW_RUNS), may(user, Permission.MANAGE_USERS),
                may(user, Permission.EDIT_QUALITY_RULES), may(user, Permission.READ_AUDIT_LOG));
    }

    private static boolean may(Optional<User> user, Permission permission) {
        return user.map(held -> AccessPolicy.decide(held, AccessRequest.to(permission)).allowed()).orElse(false);
    }

    /** The user logged in on {@code ctx}, as stored now; the request has passed {@link #admit}. */
    User user(Context ctx) {
        return session(ctx).flatMap(Sessions.Session::username).flatMap(this::user).orElseThrow();
    }

    /** {@code GET /login}: the form, with the CSRF token of a session before log-in. */
    void form(Context ctx) {
        Optional<Sessions.Session> session = session(ctx);
        if (session.flatMap(Sessions.Session::username).isPresent()) {
            ctx.redirect("/");
            return;
        }
        Sessions.Session anonymous = session.orElseGet(() -> {
            Sessions.Session started = sessions.anonymous();
            setCookie(ctx, started);
            return started;
        });
        ctx.html(Pages.login(anonymous.csrf(), null));
    }

    /** {@code POST /login}: checks the name and password, then starts a session under a new id. */
    void logIn(Context ctx) {
        Sessions.Session anonymous = session(ctx).orElseThrow();
        String name = clipped(ctx.formParam("username"));
        String password = ctx.formParam("password");
        String address = ctx.ip();
        Optional<Duration> wait = throttle.refusedFor(name, address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds());
            audit(AuditEvent.LOGIN_FAILURE, name, address, false, Map.of("reason", "too many failed log-ins"));
            ctx.status(429).header("Retry-After", String.valueOf(seconds))
                    .html(Pages.login(anonymous.csrf(), "too many failed log-ins; try again in " + seconds + " s"));
            return;
        }
        Optional<String> failure = check(name, password);
        if (failure.isPresent()) {
            throttle.failed(name, address);
            audit(AuditEvent.LOGIN_FAILURE, name, address, false, Map.of("reason", failure.get()));
            LOG.warn("log-in of '{}' from {} refused: {}", name, address, failure.get());
            ctx.status(401).html(Pages.login(anonymous.csrf(), REFUSED_LOGIN));
            return;
        }
        throttle.succeeded(name);
        Sessions.Session session = sessions.logIn(anonymous, name);
        setCookie(ctx, session);
        audit(AuditEvent.LOGIN_SUCCESS, name, address, true, Map.of());
        ctx.redirect("/");
    }

    /** {@code POST /logout}: ends the session. */
    void logOut(Context ctx) {
        Sessions.Session session = session(ctx).orElseThrow();
        sessions.end(session.id());
        audit(AuditEvent.LOGOUT, session.username().orElse(""), ctx.ip(), true, Map.of());
        ctx.header("Set-Cookie", SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.redirect("/login");
    }

    /** Records that the viewer of {@code ctx} was shown {@code dashboard} with {@code filters}. */
    void viewed(Context ctx, Dashboard dashboard, Map<String, String> filters, String format) {
        Map<String, String> details = new LinkedHashMap<>(filters);
        details.put("format", format);
        String username = session(ctx).flatMap(Sessions.Session::username).orElse("");
        security.auditLog().append(AuditEntry.of(AuditEvent.DASHBOARD_VIEW, username, "dashboard", dashboard.slug(),
                true, details));
    }

    /**
     * The report as the viewer of {@code ctx} may see it: personal data pseudonymised, unless they asked for it in
     * clear ({@code reveal=true}) and {@code AccessPolicy} allows them, which is recorded.
     *
     * @throws HttpResponseException 403 when they asked and may not
     */
    Report shown(Context ctx, Report report) {
        if (!"true".equals(ctx.queryParam(REVEAL))) {
            return PersonalData.pseudonymised(report, security.pseudonymiser());
        }
        String username = session(ctx).flatMap(Sessions.Session::username).orElseThrow();
        Decision decision = user(username).map(user -> AccessPolicy.decide(user,
                AccessRequest.to(Permission.REVEAL_PERSONAL_DATA))).orElseThrow();
        Map<String, String> details = new LinkedHashMap<>(report.filters().asParameters());
        details.put("reason", decision.reason());
        security.auditLog().append(AuditEntry.of(AuditEvent.PERSONAL_DATA_REVEAL, username, "dashboard",
                report.dashboard().slug(), decision.allowed(), details));
        if (!decision.allowed()) {
            throw new HttpResponseException(403, decision.reason(), Map.of());
        }
        return report;
    }

    /** The pseudonyms of everything shown to people who may not see personal data. */
    Pseudonymiser pseudonymiser() {
        return security.pseudonymiser();
    }

    /** {@code GET /sql}: the form. */
    void sqlForm(Context ctx) {
        ctx.html(Pages.sql(viewer(ctx), "", false, null, null, sql.rowLimit(), sql.timeLimit()));
    }

    /**
     * {@code POST /sql}: checks, decides and runs one statement, and records it either way. The statement reads the
     * pseudonymised views of the warehouse, or the warehouse itself when its author asked to see personal data in
     * clear and may; that run is recorded as a reveal too.
     */
    void runSql(Context ctx, ServedWarehouse warehouse) {
        Pages.Viewer viewer = viewer(ctx);
        String text = ctx.formParam("sql") == null ? "" : ctx.formParam("sql");
        boolean reveal = "true".equals(ctx.formParam(REVEAL));
        User user = user(viewer.username()).orElseThrow();
        Decision clear = AccessPolicy.decide(user, AccessRequest.to(Permission.REVEAL_PERSONAL_DATA));
        ServedWarehouse.Read<Outcome> run = connection -> {
            try {
                Set<String> schemas = sql.schemasRead(connection, text);
                Decision decision = AccessPolicy.decide(user, AccessRequest.sql(schemas));
                if (!decision.allowed()) {
                    return new Outcome(null, decision.reason());
                }
                if (reveal && !clear.allowed()) {
                    return new Outcome(null, clear.reason());
                }
                return new Outcome(sql.run(connection, text), null);
            } catch (SqlConsole.Refused e) {
                return new Outcome(null, e.getMessage());
            } catch (SQLException e) {
                return new Outcome(null, "the statement failed: " + ServedWarehouse.oneLine(e.getMessage()));
            }
        };
        boolean revealed = reveal && clear.allowed();
        Outcome outcome = revealed ? warehouse.read(run) : warehouse.readPseudonymised(run);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("sql", text);
        if (outcome.refusal() != null) {
            details.put("reason", outcome.refusal());
        } else {
            details.put("rows", String.valueOf(outcome.result().rows().size()));
            details.put("truncated", String.valueOf(outcome.result().truncated()));
            if (revealed) {
                security.auditLog().append(AuditEntry.of(AuditEvent.PERSONAL_DATA_REVEAL, viewer.username(),
                        "warehouse", "sql", true, details));
            }
        }
        security.auditLog().append(AuditEntry.of(outcome.refusal() == null ? AuditEvent.SQL_RUN : AuditEvent.SQL_REFUSED,
                viewer.username(), "warehouse", "sql", outcome.refusal() == null, details));
        ctx.status(outcome.refusal() == null ? 200 : 400)
                .html(Pages.sql(viewer, text, reveal, outcome.result(), outcome.refusal(), sql.rowLimit(), sql.timeLimit()));
    }

    private record Outcome(SqlConsole.Result result, String refusal) {
    }

    /**
     * Why {@code name} may not log in with {@code password}, for the audit trail; empty when they may. The password
     * is verified whether or not the user exists or is active (the store verifies a stand-in hash for a user it
     * does not know), so that a refusal takes as long for an unknown username as for a wrong password and does
     * not tell which usernames exist.
     */
    private Optional<String> check(String name, String password) {
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return Optional.of("username or password missing");
        }
        Optional<Username> username;
        try {
            username = Optional.of(new Username(name));
        } catch (IllegalArgumentException e) {
            username = Optional.empty();
        }
        Optional<User> user = username.flatMap(security.users()::findByUsername);
        boolean matches = false;
        boolean wellFormed = true;
        try {
            Password typed = new Password(password.toCharArray());
            try {
                matches = security.users().passwordMatches(username.orElse(STAND_IN), typed);
            } finally {
                typed.clear();
            }
        } catch (IllegalArgumentException e) {
            wellFormed = false;
        }
        if (user.isEmpty()) {
            return Optional.of("unknown user");
        }
        if (!user.get().active()) {
            return Optional.of("user is disabled");
        }
        return wellFormed && matches ? Optional.empty() : Optional.of("wrong password");
    }

    private void audit(AuditEvent event, String username, String address, boolean succeeded,
                       Map<String, String> more) {
        Map<String, String> details = new LinkedHashMap<>(more);
        details.put("username", username);
        details.put("address", address);
        security.auditLog().append(AuditEntry.of(event, username, "session", clipped(address), succeeded, details));
    }

    private Optional<User> user(String username) {
        try {
            return security.users().findByUsername(new Username(username));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Sessions.Session> session(Context ctx) {
        return sessions.find(ctx.cookie(SESSION_COOKIE));
    }

    private void setCookie(Context ctx, Sessions.Session session) {
        ctx.header("Set-Cookie", SESSION_COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict"
                + ("https".equals(ctx.scheme()) ? "; Secure" : ""));
    }

    /** The value of the session cookie in a {@code Cookie} header, if sent. */
    static String cookie(String header) {
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            String trimmed = pair.strip();
            if (trimmed.startsWith(SESSION_COOKIE + "=")) {
                return trimmed.substring(SESSION_COOKIE.length() + 1);
            }
        }
        return null;
    }

    private static String clipped(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > 100 ? stripped.substring(0, 100) : stripped;
    }
}
