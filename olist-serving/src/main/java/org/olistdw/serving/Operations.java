package org.olistdw.serving;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.security.ApplicationRole;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditEvent;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.OperationalReads;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.Username;

/**
 * The pages of the operational store, behind log-in: the runs (with a run's quality results), and for admins the
 * users, the quality rules and the audit trail. The runs, the users list and the trail are read through
 * {@link OperationalReads}, acting as the database role of the viewer's strongest application role, so the store's
 * grants and row-level security decide as well as {@code AccessPolicy} (which {@link Login#admit} asked first).
 * Changes are posted forms (CSRF-checked by {@link Login#admit}), made through the same domain ports the
 * {@code olist users} and {@code olist quality rules} commands use, and recorded in the audit trail, done or refused,
 * under the logged-in user's name.
 */
final class Operations {

    static final String RUNS = "/runs";
    static final String USERS = "/admin/users";
    static final String RULES = "/admin/rules";
    static final String AUDIT = "/admin/audit";

    private static final int RUNS_LISTED = 50;
    private static final int AUDIT_LISTED = 200;
    private static final Pattern RUN_ID = Pattern.compile("[0-9]{1,18}");
    private static final List<ApplicationRole> STRONGEST_FIRST = List.of(ApplicationRole.ADMIN,
            ApplicationRole.ANALYST, ApplicationRole.VIEWER);

    private final ServingSecurity security;
    private final Login login;

    Operations(ServingSecurity security, Login login) {
        this.security = security;
        this.login = login;
    }

    /** The application role whose database role reads for {@code user}: the strongest held. */
    static ApplicationRole acting(User user) {
        return STRONGEST_FIRST.stream().filter(role -> user.holds(role.roleName())).findFirst()
                .orElseThrow(() -> new HttpResponseException(403, "user " + user.username() + " holds no role",
                        Map.of()));
    }

    // ---------------------------------------------------------------------------------------------- runs

    private record RunsRead(List<OperationalReads.RunOverview> runs, Long run,
                            List<OperationalReads.CheckOverview> checks) {
    }

    /** {@code GET /runs[?run=ID]}: the recent runs, and the quality results of the run asked for or the latest. */
    void runs(Context ctx) {
        Pages.Viewer viewer = login.viewer(ctx);
        User user = login.user(ctx);
        String asked = ctx.queryParam("run");
        Long selected = null;
        if (asked != null && !asked.isEmpty()) {
            if (!RUN_ID.matcher(asked).matches()) {
                throw new HttpResponseException(400, "run must be a run id (digits), was '" + clipped(asked) + "'",
                        Map.of());
            }
            selected = Long.parseLong(asked);
        }
        Long chosen = selected;
        RunsRead read = security.operationalReads().readAs(user.username().value(), acting(user), view -> {
            List<OperationalReads.RunOverview> runs = view.recentRuns(RUNS_LISTED);
            Long run = chosen != null ? chosen : runs.isEmpty() ? null : runs.get(0).runId();
            return new RunsRead(runs, run, run == null ? List.of() : view.checks(run));
        });
        StringBuilder html = Pages.head("Runs", null, viewer);
        html.append("<main class=\"runs\"><h1>Runs</h1><table data-table=\"runs\"><thead><tr><th>run</th>")
                .append("<th>pipeline</th><th>status</th><th>mode</th><th>started</th><th>duration</th>")
                .append("<th>rows processed</th><th>rows loaded</th><th>rows quarantined</th></tr></thead><tbody>");
        for (OperationalReads.RunOverview run : read.runs()) {
            html.append("<tr").append(Long.valueOf(run.runId()).equals(read.run()) ? " class=\"current\"" : "")
                    .append("><td><a href=\"/runs?run=").append(run.runId()).append("\">").append(run.runId())
                    .append("</a></td><td>").append(Pages.escape(run.pipeline())).append("</td><td>")
                    .append(Pages.escape(run.status())).append("</td><td>").append(Pages.escape(run.mode().orElse("")))
                    .append("</td><td>").append(run.startedAt()).append("</td><td class=\"number\">")
                    .append(run.completedAt().map(end -> seconds(Duration.between(run.startedAt(), end))).orElse(""))
                    .append("</td><td class=\"number\">").append(run.rowsProcessed())
                    .append("</td><td class=\"number\">").append(run.rowsLoaded())
                    .append("</td><td class=\"number\">").append(run.rowsQuarantined()).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (read.runs().isEmpty()) {
            html.append("<p class=\"empty\">No runs yet.</p>");
        }
        if (read.run() != null) {
            html.append("<section class=\"table\"><h2>Quality results of run ").append(read.run()).append("</h2>");
            if (read.checks().isEmpty()) {
                html.append("<p class=\"empty\">No quality checks recorded for this run.</p>");
            } else {
                html.append("<table data-table=\"checks\"><thead><tr><th>check</th><th>severity</th><th>result</th>")
                        .append("<th>status</th><th>rows checked</th><th>rows failed</th><th>evidence kept</th>")
                        .append("</tr></thead><tbody>");
                for (OperationalReads.CheckOverview check : read.checks()) {
                    html.append("<tr><td>").append(Pages.escape(check.rule())).append("</td><td>")
                            .append(Pages.escape(check.severity())).append("</td><td>")
                            .append(check.passed() ? "passed" : "failed").append("</td><td>")
                            .append(Pages.escape(check.status())).append("</td><td class=\"number\">")
                            .append(check.rowsChecked()).append("</td><td class=\"number\">").append(check.rowsFailed())
                            .append("</td><td class=\"number\">").append(check.samplesKept()).append("</td></tr>");
                }
                html.append("</tbody></table>");
            }
            html.append("</section>");
        }
        ctx.html(html.append("</main></body></html>").toString());
    }

    // ---------------------------------------------------------------------------------------------- users

    /** {@code GET /admin/users}. */
    void users(Context ctx) {
        usersPage(ctx, 200, null);
    }

    /** {@code POST /admin/users/add}: a user with the password the admin typed and at most one role. */
    void addUser(Context ctx) {
        String actor = login.user(ctx).username().value();
        String name = field(ctx, "username");
        String roleName = field(ctx, "role");
        String mail = field(ctx, "email");
        AuditEvent event = AuditEvent.USER_CREATED;
        Username username;
        Email email;
        try {
            username = new Username(name);
            email = new Email(mail.isEmpty() ? name + "@olist-dw.local" : mail);
        } catch (IllegalArgumentException e) {
            refused(ctx, event, actor, name, e.getMessage());
            return;
        }
        Optional<Role> role = Optional.empty();
        if (!roleName.isEmpty()) {
            role = role(roleName);
            if (role.isEmpty()) {
                refused(ctx, event, actor, name, "there is no role " + roleName);
                return;
            }
        }
        if (security.users().findByUsername(username).isPresent()) {
            refused(ctx, event, actor, name, "user " + name + " already exists");
            return;
        }
        String typed = ctx.formParam("password");
        Password password;
        try {
            password = new Password((typed == null ? "" : typed).toCharArray());
        } catch (IllegalArgumentException e) {
            refused(ctx, event, actor, name, e.getMessage());
            return;
        }
        try {
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            User user = User.register(username, email, null, now);
            role.ifPresent(held -> user.grant(held, now));
            try {
                security.users().save(user);
            } catch (IllegalArgumentException e) {
                refused(ctx, event, actor, name, e.getMessage());
                return;
            }
            security.users().setPassword(username, password);
        } finally {
            password.clear();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("roles", roleName);
        details.put("email", email.value());
        done(ctx, event, actor, name, details, "user " + name + " created with "
                + (roleName.isEmpty() ? "no role" : "role " + roleName));
    }

    /** {@code POST /admin/users/disable}. */
    void disableUser(Context ctx) {
        String actor = login.user(ctx).username().value();
        AuditEvent event = AuditEvent.USER_DISABLED;
        Optional<User> user = existing(ctx, event, actor);
        if (user.isEmpty()) {
            return;
        }
        String name = user.get().username().value();
        if (name.equals(actor)) {
            refused(ctx, event, actor, name, "you may not disable yourself");
            return;
        }
        boolean already = !user.get().active();
        user.get().deactivate(LocalDateTime.now(ZoneOffset.UTC));
        security.users().save(user.get());
        done(ctx, event, actor, name, Map.of("already_disabled", Boolean.toString(already)),
                "user " + name + " disabled" + (already ? " (it already was)" : ""));
    }

    /** {@code POST /admin/users/grant}. */
    void grant(Context ctx) {
        String actor = login.user(ctx).username().value();
        AuditEvent event = AuditEvent.ROLE_GRANTED;
        Optional<User> user = existing(ctx, event, actor);
        if (user.isEmpty()) {
            return;
        }
        String name = user.get().username().value();
        String roleName = field(ctx, "role");
        Optional<Role> role = role(roleName);
        if (role.isEmpty()) {
            refused(ctx, event, actor, name, "there is no role " + roleName);
            return;
        }
        boolean already = user.get().holds(roleName);
        try {
            user.get().grant(role.get(), LocalDateTime.now(ZoneOffset.UTC));
        } catch (IllegalStateException e) {
            refused(ctx, event, actor, name, e.getMessage());
            return;
        }
        security.users().save(user.get());
        done(ctx, event, actor, name, Map.of("role", roleName),
                "user " + name + " granted role " + roleName + (already ? " (they already held it)" : ""));
    }

    /** {@code POST /admin/users/revoke}. */
    void revoke(Context ctx) {
        String actor = login.user(ctx).username().value();
        AuditEvent event = AuditEvent.ROLE_REVOKED;
        Optional<User> user = existing(ctx, event, actor);
        if (user.isEmpty()) {
            return;
        }
        String name = user.get().username().value();
        String roleName = field(ctx, "role");
        try {
            user.get().revoke(roleName, LocalDateTime.now(ZoneOffset.UTC));
        } catch (IllegalStateException | IllegalArgumentException e) {
            refused(ctx, event, actor, name, e.getMessage());
            return;
        }
        security.users().save(user.get());
        done(ctx, event, actor, name, Map.of("role", roleName), "user " + name + " no longer holds role " + roleName);
    }

    private Optional<User> existing(Context ctx, AuditEvent event, String actor) {
        String name = field(ctx, "username");
        Optional<User> user;
        try {
            user = security.users().findByUsername(new Username(name));
        } catch (IllegalArgumentException e) {
            refused(ctx, event, actor, name, e.getMessage());
            return Optional.empty();
        }
        if (user.isEmpty()) {
            refused(ctx, event, actor, name, "there is no user " + name);
        }
        return user;
    }

    private Optional<Role> role(String name) {
        return security.users().roles().stream().filter(role -> role.name().equals(name)).findFirst();
    }

    private void done(Context ctx, AuditEvent event, String actor, String username, Map<String, String> details,
                      String message) {
        long entry = security.auditLog().append(AuditEntry.of(event, actor, "user", clipped(username), true, details));
        usersPage(ctx, 200, message + "; audit log entry " + entry);
    }

    private void refused(Context ctx, AuditEvent event, String actor, String username, String reason) {
        security.auditLog().append(AuditEntry.of(event, actor, "user", clipped(username), false,
                Map.of("reason", reason)));
        usersPage(ctx, 400, reason);
    }

    private void usersPage(Context ctx, int status, String message) {
        Pages.Viewer viewer = login.viewer(ctx);
        User admin = login.user(ctx);
        List<OperationalReads.UserOverview> users = security.operationalReads().readAs(admin.username().value(),
                acting(admin), OperationalReads.View::users);
        List<String> roles = security.users().roles().stream().map(Role::name).toList();
        StringBuilder html = Pages.head("Users", null, viewer);
        html.append("<main class=\"admin\"><h1>Users</h1>");
        message(html, status, message);
        html.append("<table data-table=\"users\"><thead><tr><th>user</th><th>active</th><th>password</th>")
                .append("<th>roles</th><th></th></tr></thead><tbody>");
        for (OperationalReads.UserOverview user : users) {
            String name = user.username();
            html.append("<tr data-user=\"").append(Pages.escape(name)).append("\"><td>").append(Pages.escape(name))
                    .append("</td><td>").append(user.active() ? "yes" : "disabled").append("</td><td>")
                    .append(user.hasPassword() ? "set" : "none").append("</td><td>");
            for (String role : user.roles()) {
                html.append("<form class=\"inline\" method=\"post\" action=\"").append(USERS).append("/revoke\">");
                hidden(html, viewer, "username", name);
                hidden(html, null, "role", role);
                html.append(Pages.escape(role)).append(" <button type=\"submit\" title=\"revoke\">×</button></form> ");
            }
            html.append("</td><td><form class=\"inline\" method=\"post\" action=\"").append(USERS).append("/grant\">");
            hidden(html, viewer, "username", name);
            select(html, "role", roles, false);
            html.append("<button type=\"submit\">Grant</button></form>");
            if (user.active()) {
                html.append(" <form class=\"inline\" method=\"post\" action=\"").append(USERS).append("/disable\">");
                hidden(html, viewer, "username", name);
                html.append("<button type=\"submit\">Disable</button></form>");
            }
            html.append("</td></tr>");
        }
        html.append("</tbody></table><h2>Add a user</h2><form method=\"post\" action=\"").append(USERS)
                .append("/add\">");
        Pages.csrf(html, viewer.csrf());
        html.append("<label>Username <input name=\"username\" required></label> ")
                .append("<label>E-mail <input name=\"email\" placeholder=\"USER@olist-dw.local\"></label> ")
                .append("<label>Password <input type=\"password\" name=\"password\" autocomplete=\"new-password\"")
                .append(" required></label> <label>Role ");
        select(html, "role", roles, true);
        html.append("</label> <button type=\"submit\">Add</button></form></main></body></html>");
        ctx.status(status).html(html.toString());
    }

    // ---------------------------------------------------------------------------------------------- rules

    /** {@code GET /admin/rules}. */
    void rules(Context ctx) {
        rulesPage(ctx, 200, null);
    }

    /** {@code POST /admin/rules/active}: switches a rule on ({@code active=true}) or off. */
    void setActive(Context ctx) {
        String actor = login.user(ctx).username().value();
        String name = field(ctx, "rule");
        String active = field(ctx, "active");
        if (!active.equals("true") && !active.equals("false")) {
            ruleRefused(ctx, actor, name, "active must be true or false, was '" + clipped(active) + "'");
            return;
        }
        Optional<QualityRule> before = security.qualityRules().find(name);
        if (before.isEmpty()) {
            ruleRefused(ctx, actor, name, "no rule named '" + name + "'");
            return;
        }
        boolean on = active.equals("true");
        security.qualityRules().setActive(name, on);
        long entry = ruleAudit(actor, name, true, Map.of("active", Boolean.toString(on),
                "was", Boolean.toString(before.get().active())));
        rulesPage(ctx, 200, "rule " + name + " " + (on ? "enabled" : "disabled")
                + (before.get().active() == on ? " (it already was)" : "") + "; audit log entry " + entry);
    }

    /** {@code POST /admin/rules/threshold}: the failure rate, in percent, a rule tolerates. */
    void setThreshold(Context ctx) {
        String actor = login.user(ctx).username().value();
        String name = field(ctx, "rule");
        String typed = field(ctx, "percent");
        BigDecimal percent;
        try {
            percent = new BigDecimal(typed);
        } catch (NumberFormatException e) {
            ruleRefused(ctx, actor, name, "the threshold must be a number of percent, was '" + clipped(typed) + "'");
            return;
        }
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            ruleRefused(ctx, actor, name, "the threshold must be between 0 and 100, was " + percent.toPlainString());
            return;
        }
        Optional<QualityRule> before = security.qualityRules().find(name);
        if (before.isEmpty()) {
            ruleRefused(ctx, actor, name, "no rule named '" + name + "'");
            return;
        }
        QualityRule after;
        try {
            after = security.qualityRules().setThreshold(name, percent);
        } catch (IllegalArgumentException e) {
            ruleRefused(ctx, actor, name, e.getMessage());
            return;
        }
        String was = before.get().threshold().stripTrailingZeros().toPlainString();
        String now = after.threshold().stripTrailingZeros().toPlainString();
        long entry = ruleAudit(actor, name, true, Map.of("threshold_percent", now, "was", was));
        rulesPage(ctx, 200, "rule " + name + " now tolerates " + now + " % failing rows (was " + was
                + " %); audit log entry " + entry);
    }

    private long ruleAudit(String actor, String name, boolean done, Map<String, String> details) {
        return security.auditLog().append(AuditEntry.of(AuditEvent.QUALITY_RULE_EDIT, actor, "quality_rule",
                clipped(name), done, details));
    }

    private void ruleRefused(Context ctx, String actor, String name, String reason) {
        ruleAudit(actor, name, false, Map.of("reason", reason));
        rulesPage(ctx, 400, reason);
    }

    private void rulesPage(Context ctx, int status, String message) {
        Pages.Viewer viewer = login.viewer(ctx);
        List<QualityRule> rules = security.qualityRules().all();
        StringBuilder html = Pages.head("Quality rules", null, viewer);
        html.append("<main class=\"admin\"><h1>Quality rules</h1>");
        message(html, status, message);
        html.append("<table data-table=\"rules\"><thead><tr><th>rule</th><th>active</th><th>severity</th>")
                .append("<th>threshold (%)</th><th>type</th><th>kind</th><th>target</th></tr></thead><tbody>");
        for (QualityRule rule : rules) {
            String name = rule.name();
            html.append("<tr data-rule=\"").append(Pages.escape(name)).append("\"><td>").append(Pages.escape(name))
                    .append("</td><td><form class=\"inline\" method=\"post\" action=\"").append(RULES)
                    .append("/active\">");
            hidden(html, viewer, "rule", name);
            hidden(html, null, "active", Boolean.toString(!rule.active()));
            html.append(rule.active() ? "yes" : "no").append(" <button type=\"submit\">")
                    .append(rule.active() ? "Disable" : "Enable").append("</button></form></td><td>")
                    .append(Pages.escape(rule.severity().code())).append("</td><td>")
                    .append("<form class=\"inline\" method=\"post\" action=\"").append(RULES).append("/threshold\">");
            hidden(html, viewer, "rule", name);
            html.append("<input name=\"percent\" size=\"6\" value=\"")
                    .append(Pages.escape(rule.threshold().stripTrailingZeros().toPlainString()))
                    .append("\"> <button type=\"submit\">Set</button></form></td><td>")
                    .append(Pages.escape(rule.type().code())).append("</td><td>").append(Pages.escape(rule.kind().code()))
                    .append("</td><td>").append(Pages.escape(rule.target())).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (rules.isEmpty()) {
            html.append("<p class=\"empty\">No rules yet: the first run adds the shipped ones.</p>");
        }
        ctx.status(status).html(html.append("</main></body></html>").toString());
    }

    // ---------------------------------------------------------------------------------------------- audit

    /** {@code GET /admin/audit[?user=NAME][&since=DATE]}: the newest entries, by actor and since a day or instant. */
    void audit(Context ctx) {
        Pages.Viewer viewer = login.viewer(ctx);
        User admin = login.user(ctx);
        String actor = Optional.ofNullable(ctx.queryParam("user")).map(String::strip).orElse("");
        String since = Optional.ofNullable(ctx.queryParam("since")).map(String::strip).orElse("");
        if (actor.length() > 100) {
            throw new HttpResponseException(400, "user must be at most 100 characters", Map.of());
        }
        Optional<Instant> from = since.isEmpty() ? Optional.empty() : Optional.of(instant(since));
        AuditQuery query = new AuditQuery(actor.isEmpty() ? Optional.empty() : Optional.of(actor), from,
                AUDIT_LISTED);
        List<AuditRecord> records = security.operationalReads().readAs(admin.username().value(), acting(admin),
                view -> view.audit(query));
        StringBuilder html = Pages.head("Audit", null, viewer);
        html.append("<main class=\"admin\"><h1>Audit</h1><form class=\"filters\" method=\"get\">")
                .append("<label>User <input name=\"user\" value=\"").append(Pages.escape(actor)).append("\"></label>")
                .append("<label>Since <input name=\"since\" placeholder=\"2026-12-01\" value=\"")
                .append(Pages.escape(since)).append("\"></label><button type=\"submit\">Apply</button> ")
                .append("<a href=\"").append(AUDIT).append("\">Clear</a></form>")
                .append("<table data-table=\"audit\"><thead><tr><th>entry</th><th>at</th><th>user</th><th>action</th>")
                .append("<th>on</th><th>result</th><th>details</th></tr></thead><tbody>");
        for (AuditRecord record : records) {
            AuditEntry entry = record.entry();
            List<String> details = new ArrayList<>();
            entry.details().forEach((key, value) -> details.add(key + "=" + value));
            html.append("<tr><td class=\"number\">").append(record.id()).append("</td><td>").append(record.at())
                    .append("</td><td>").append(Pages.escape(entry.actor())).append("</td><td>")
                    .append(Pages.escape(entry.action())).append("</td><td>")
                    .append(Pages.escape(entry.resourceType() + " " + entry.resourceId())).append("</td><td>")
                    .append(entry.succeeded() ? "done" : "refused").append("</td><td>")
                    .append(Pages.escape(String.join(", ", details.stream().sorted().toList()))).append("</td></tr>");
        }
        html.append("</tbody></table>");
        if (records.isEmpty()) {
            html.append("<p class=\"empty\">No entries for these filters.</p>");
        }
        ctx.html(html.append("</main></body></html>").toString());
    }

    /** A day ({@code 2026-12-01}, from its start in UTC) or an instant ({@code 2026-12-01T09:00:00Z}). */
    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new HttpResponseException(400, "since must be a day (2026-12-01) or an instant "
                    + "(2026-12-01T09:00:00Z), was '" + clipped(text) + "'", Map.of());
        }
    }

    // ---------------------------------------------------------------------------------------------- shared

    private static void message(StringBuilder html, int status, String message) {
        if (message != null) {
            html.append("<p class=\"").append(status == 200 ? "done" : "refused").append("\">")
                    .append(Pages.escape(message)).append("</p>");
        }
    }

    /** A hidden field; with the viewer given, the CSRF token first. */
    private static void hidden(StringBuilder html, Pages.Viewer viewer, String name, String value) {
        if (viewer != null) {
            Pages.csrf(html, viewer.csrf());
        }
        html.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"").append(Pages.escape(value))
                .append("\">");
    }

    private static void select(StringBuilder html, String name, List<String> options, boolean none) {
        html.append("<select name=\"").append(name).append("\">");
        if (none) {
            html.append("<option value=\"\">none</option>");
        }
        for (String option : options) {
            html.append("<option value=\"").append(Pages.escape(option)).append("\">").append(Pages.escape(option))
                    .append("</option>");
        }
        html.append("</select>");
    }

    private static String field(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value.strip();
    }

    private static String seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
    }

    private static String clipped(String text) {
        return text.length() > 100 ? text.substring(0, 100) : text;
    }
}
