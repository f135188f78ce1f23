package org.olistdw.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditEvent;
import org.olistdw.domain.security.Email;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Role;
import org.olistdw.domain.security.User;
import org.olistdw.domain.security.Username;
import org.olistdw.domain.security.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code olist users}: the people who may use the warehouse's applications and the roles they hold. Each change,
 * done or refused, is an entry of the audit trail attributed to the operating-system user.
 */
@Command(name = "users",
        mixinStandardHelpOptions = true,
        description = {"Users of the applications and their roles (viewer, analyst, admin), in PostgreSQL "
                + "(security_audit.users). Every change is recorded in the audit trail (olist audit)."},
        subcommands = {UsersCommand.Add.class, UsersCommand.Disable.class, UsersCommand.Grant.class,
            UsersCommand.Revoke.class, UsersCommand.ListUsers.class, CommandLine.HelpCommand.class})
final class UsersCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UsersCommand.class);

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** The operating-system user, who the audit trail says acted. */
    static String actor() {
        return System.getProperty("user.name", "unknown");
    }

    /** What every subcommand shares: where the store is, and the audit of what it did. */
    abstract static class UserChange implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        private WorkDirOption work;

        @Mixin
        private OpsOptions ops;

        @Override
        public Integer call() throws Exception {
            try (Wiring wiring = Wiring.connect(work.workDir, ops)) {
                return change(wiring);
            }
        }

        abstract int change(Wiring wiring) throws Exception;

        /** Records a change done, and says it. */
        void done(Wiring wiring, AuditEvent event, String username, Map<String, String> details, String message) {
            long entry = wiring.auditLog().append(AuditEntry.of(event, actor(), "user", username, true, details));
            LOG.info("{} by {}: {} (audit log entry {})", event.action(), actor(), message, entry);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s; audit log entry %d%n", message, entry);
            out.flush();
        }

        /** Records a change refused, and ends the command with exit code 2 and the reason. */
        CommandLine.ParameterException refused(Wiring wiring, AuditEvent event, String username, String reason) {
            Map<String, String> details = Map.of("reason", reason);
            long entry = wiring.auditLog().append(AuditEntry.of(event, actor(), "user", username, false, details));
            LOG.warn("{} by {} refused (audit log entry {}): {}", event.action(), actor(), entry, reason);
            return new CommandLine.ParameterException(spec.commandLine(), reason);
        }

        Username username(String value) {
            try {
                return new Username(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        User existing(Wiring wiring, AuditEvent event, String name) {
            Username username = username(name);
            return wiring.users().findByUsername(username).orElseThrow(() -> refused(wiring, event, name,
                    "there is no user " + name + "; `olist users list` shows them"));
        }

        Role role(Wiring wiring, AuditEvent event, String username, String name) {
            List<Role> roles = wiring.users().roles();
            return roles.stream().filter(role -> role.name().equals(name)).findFirst()
                    .orElseThrow(() -> refused(wiring, event, username, "there is no role " + name + "; roles: "
                            + String.join(", ", roles.stream().map(Role::name).toList())));
        }
    }

    /** {@code olist users add USER [--role R]... [--admin]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates a user with the roles given. The password is read from the console (asked twice), "
                    + "or else from the first line of standard input; it is never an argument and has no default.",
                "The first admin: olist users add maria --admin"})
    static final class Add extends UserChange {

        @Parameters(paramLabel = "USER", description = "3 to 100 characters: a-z, 0-9, '.', '_', '-'.")
        private String name;

        @Option(names = "--role", paramLabel = "ROLE", description = "A role to grant: viewer, analyst or admin; repeatable.")
        private List<String> roles = new ArrayList<>();

        @Option(names = "--admin", description = "Grants the role admin (same as --role admin).")
        private boolean admin;

        @Option(names = "--email", paramLabel = "EMAIL", description = "E-mail address (default: USER@olist-dw.local).")
        private String email;

        @Option(names = "--full-name", paramLabel = "NAME", description = "The person's name.")
        private String fullName;

        @Override
        int change(Wiring wiring) throws IOException {
            Username username = username(name);
            Set<String> wanted = new LinkedHashSet<>(roles);
            if (admin) {
                wanted.add("admin");
            }
            List<Role> granted = new ArrayList<>();
            for (String roleName : wanted) {
                granted.add(role(wiring, AuditEvent.USER_CREATED, name, roleName));
            }
            Users users = wiring.users();
            if (users.findByUsername(username).isPresent()) {
                throw refused(wiring, AuditEvent.USER_CREATED, name, "user " + name + " already exists");
            }
            Email address;
            try {
                address = new Email(email != null ? email : name + "@olist-dw.local");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Password password = readPassword(name);
            try {
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                User user = User.register(username, address, fullName, now);
                granted.forEach(role -> user.grant(role, now));
                try {
                    users.save(user);
                } catch (IllegalArgumentException e) {
                    throw refused(wiring, AuditEvent.USER_CREATED, name, e.getMessage());
                }
                users.setPassword(username, password);
            } finally {
                password.clear();
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("roles", String.join(",", wanted));
            details.put("email", address.value());
            done(wiring, AuditEvent.USER_CREATED, name, details, "user " + name + " created with "
                    + (wanted.isEmpty() ? "no role" : "roles " + String.join(", ", wanted)));
            return ExitCodes.OK;
        }

        private Password readPassword(String user) throws IOException {
            Console console = System.console();
            char[] typed;
            if (console != null && isTerminal(console)) {
                typed = console.readPassword("password for %s: ", user);
                char[] again = console.readPassword("the same password again: ");
                if (typed == null || again == null || !Arrays.equals(typed, again)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the two passwords differ");
                }
                Arrays.fill(again, '\0');
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                String line = in.readLine();
                if (line == null) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "no password: type it at the console, or give it as the first line of standard input");
                }
                typed = line.toCharArray();
            }
            try {
                return new Password(typed);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            } finally {
                Arrays.fill(typed, '\0');
            }
        }

        /** Whether the console is a terminal (Java 22 and later tell; before, a console means one). */
        private static boolean isTerminal(Console console) {
            try {
                return (boolean) Console.class.getMethod("isTerminal").invoke(console);
            } catch (ReflectiveOperationException e) {
                return true;
            }
        }
    }

    /** {@code olist users disable USER}. */
    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Disables a user: they keep their roles but may do nothing, and cannot log in.")
    static final class Disable extends UserChange {

        @Parameters(paramLabel = "USER")
        private String name;

        @Override
        int change(Wiring wiring) {
            User user = existing(wiring, AuditEvent.USER_DISABLED, name);
            boolean already = !user.active();
            user.deactivate(LocalDateTime.now(ZoneOffset.UTC));
            wiring.users().save(user);
            done(wiring, AuditEvent.USER_DISABLED, name, Map.of("already_disabled", Boolean.toString(already)),
                    "user " + name + " disabled" + (already ? " (it already was)" : ""));
            return ExitCodes.OK;
        }
    }

    /** {@code olist users grant USER ROLE}. */
    @Command(name = "grant", mixinStandardHelpOptions = true, description = "Gives a user a role.")
    static final class Grant extends UserChange {

        @Parameters(index = "0", paramLabel = "USER")
        private String name;

        @Parameters(index = "1", paramLabel = "ROLE", description = "viewer, analyst or admin.")
        private String roleName;

        @Override
        int change(Wiring wiring) {
            User user = existing(wiring, AuditEvent.ROLE_GRANTED, name);
            Role role = role(wiring, AuditEvent.ROLE_GRANTED, name, roleName);
            boolean already = user.holds(roleName);
            try {
                user.grant(role, LocalDateTime.now(ZoneOffset.UTC));
            } catch (IllegalStateException e) {
                throw refused(wiring, AuditEvent.ROLE_GRANTED, name, e.getMessage());
            }
            wiring.users().save(user);
            done(wiring, AuditEvent.ROLE_GRANTED, name, Map.of("role", roleName),
                    "user " + name + " granted role " + roleName + (already ? " (they already held it)" : ""));
            return ExitCodes.OK;
        }
    }

    /** {@code olist users revoke USER ROLE}. */
    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Takes a role from a user.")
    static final class Revoke extends UserChange {

        @Parameters(index = "0", paramLabel = "USER")
        private String name;

        @Parameters(index = "1", paramLabel = "ROLE")
        private String roleName;

        @Override
        int change(Wiring wiring) {
            User user = existing(wiring, AuditEvent.ROLE_REVOKED, name);
            try {
                user.revoke(roleName, LocalDateTime.now(ZoneOffset.UTC));
            } catch (IllegalStateException e) {
                throw refused(wiring, AuditEvent.ROLE_REVOKED, name, e.getMessage());
            }
            wiring.users().save(user);
            done(wiring, AuditEvent.ROLE_REVOKED, name, Map.of("role", roleName),
                    "user " + name + " no longer holds role " + roleName);
            return ExitCodes.OK;
        }
    }

    /** {@code olist users list [--json]}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists every user: active or disabled, whether a password is set, the roles held.")
    static final class ListUsers implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--json", description = "Print JSON (an array of users, by username) for scripts.")
        private boolean json;

        @Mixin
        private WorkDirOption work;

        @Mixin
        private OpsOptions ops;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            try (Wiring wiring = Wiring.connect(work.workDir, ops)) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (User user : wiring.users().all()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("username", user.username().value());
                    row.put("active", user.active());
                    row.put("password", wiring.users().hasPassword(user.username()));
                    row.put("roles", user.roles().stream().map(Role::name).toList());
                    row.put("email", user.email().value());
                    row.put("fullName", user.fullName().orElse(null));
                    rows.add(row);
                }
                if (json) {
                    out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
                } else {
                    int width = Math.max(4, rows.stream().mapToInt(row -> row.get("username").toString().length())
                            .max().orElse(4));
                    String format = "%-" + width + "s  %-8s  %-8s  %s%n";
                    out.printf(format, "user", "active", "password", "roles");
                    for (Map<String, Object> row : rows) {
                        out.printf(format, row.get("username"), (boolean) row.get("active") ? "yes" : "disabled",
                                (boolean) row.get("password") ? "set" : "none",
                                String.join(", ", ((List<?>) row.get("roles")).stream().map(Object::toString).toList()));
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
