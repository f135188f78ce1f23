package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditQuery;
import org.olistdw.domain.security.AuditRecord;
import org.olistdw.domain.security.Password;
import org.olistdw.domain.security.Username;
import org.olistdw.pipeline.quality.RuleCatalog;

/**
 * {@code olist users} and {@code olist audit} in-process against a real PostgreSQL: every change of a user or
 * a role, and every edit of a quality rule, done or refused, is a row of the audit trail naming the
 * operating-system user.
 */
class UsersAndAuditCommandTest {

    private static final String OS_USER = System.getProperty("user.name");
    private static final String PASSWORD = "a long enough password";
    /** The shared store outlives a test run: each run names its users afresh. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    private static Cli withInput(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(TestStores.opsArgs()));
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return Cli.run(all.toArray(String[]::new));
        } finally {
            System.setIn(original);
        }
    }

    private static Cli cli(String... args) {
        return withInput("", args);
    }

    private static String user(String name) {
        return name + "-" + RUN;
    }

    /** The audit entries about {@code resourceId}, oldest first. */
    private static List<AuditEntry> trail(String resourceId) {
        return trail(entry -> entry.resourceId().equals(resourceId));
    }

    /** The operating-system user's audit entries that {@code wanted} accepts, oldest first. */
    private static List<AuditEntry> trail(Predicate<AuditEntry> wanted) {
        List<AuditEntry> entries = new ArrayList<>();
        for (AuditRecord record : TestStores.ops().auditLog().find(new AuditQuery(Optional.of(OS_USER), Optional.empty(), 1000))) {
            if (wanted.test(record.entry())) {
                entries.add(0, record.entry());
            }
        }
        return entries;
    }

    @Test
    void the_first_admin_is_created_with_a_password_from_standard_input_and_the_creation_is_audited() throws Exception {
        String maria = user("maria");

        Cli added = withInput(PASSWORD + "\n", "users", "add", maria, "--admin");

        assertThat(added.exitCode()).as(added.toString()).isEqualTo(ExitCodes.OK);
        assertThat(added.out()).contains("user " + maria + " created with roles admin; audit log entry ");
        assertThat(TestStores.ops().users().passwordMatches(new Username(maria), new Password(PASSWORD.toCharArray())))
                .isTrue();
        assertThat(trail(maria)).containsExactly(new AuditEntry("user.create", OS_USER, "user", maria, true,
                Map.of("roles", "admin", "email", maria + "@olist-dw.local")));

        Cli list = cli("users", "list", "--json");
        assertThat(list.exitCode()).as(list.toString()).isEqualTo(ExitCodes.OK);
        JsonNode row = null;
        for (JsonNode each : new ObjectMapper().readTree(list.out())) {
            if (each.get("username").asText().equals(maria)) {
                row = each;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.get("active").asBoolean()).isTrue();
        assertThat(row.get("password").asBoolean()).isTrue();
        assertThat(row.get("roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(cli("users", "list").out()).containsPattern(maria + "\\s+yes\\s+set\\s+admin");
    }

    @Test
    void a_user_is_not_created_without_a_password_nor_with_a_bad_name_nor_twice() {
        String nobody = user("nopass");

        Cli noPassword = withInput("", "users", "add", nobody, "--role", "viewer");
        assertThat(noPassword.exitCode()).as(noPassword.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(noPassword.err()).contains("no password");
        assertThat(TestStores.ops().users().findByUsername(new Username(nobody))).isEmpty();

        Cli shortPassword = withInput("short\n", "users", "add", nobody);
        assertThat(shortPassword.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(shortPassword.err()).contains("password must be 12..1024 characters long, was 5");

        Cli asArgument = cli("users", "add", nobody, "--password", PASSWORD);
        assertThat(asArgument.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(TestStores.ops().users().findByUsername(new Username(nobody))).isEmpty();

        Cli badName = withInput(PASSWORD + "\n", "users", "add", "Maria-" + RUN);
        assertThat(badName.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badName.err()).contains("username may hold only lower-case letters");

        String twice = user("twice");
        assertThat(withInput(PASSWORD + "\n", "users", "add", twice).exitCode()).isEqualTo(ExitCodes.OK);
        Cli again = withInput(PASSWORD + "\n", "users", "add", twice, "--role", "admin");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("user " + twice + " already exists");
        assertThat(trail(twice)).containsExactly(
                new AuditEntry("user.create", OS_USER, "user", twice, true, Map.of("roles", "", "email", twice + "@olist-dw.local")),
                new AuditEntry("user.create", OS_USER, "user", twice, false, Map.of("reason", "user " + twice + " already exists")));
        assertThat(TestStores.ops().users().findByUsername(new Username(twice)).orElseThrow().roles()).isEmpty();
    }

    @Test
    void grants_revokes_and_disabling_are_audited_done_or_refused() {
        String joao = user("joao");
        assertThat(withInput(PASSWORD + "\n", "users", "add", joao, "--role", "viewer").exitCode()).isEqualTo(ExitCodes.OK);

        assertThat(cli("users", "grant", joao, "analyst").exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli("users", "revoke", joao, "viewer").exitCode()).isEqualTo(ExitCodes.OK);
        Cli revokedAgain = cli("users", "revoke", joao, "viewer");
        assertThat(revokedAgain.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(revokedAgain.err()).contains("user " + joao + " does not hold role viewer");
        Cli unknownRole = cli("users", "grant", joao, "owner");
        assertThat(unknownRole.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknownRole.err()).contains("there is no role owner; roles: admin, analyst, data_engineer, viewer");
        assertThat(cli("users", "disable", joao).exitCode()).isEqualTo(ExitCodes.OK);
        Cli grantDisabled = cli("users", "grant", joao, "admin");
        assertThat(grantDisabled.exitCode()).isEqualTo(ExitCodes.USAGE);

        var stored = TestStores.ops().users().findByUsername(new Username(joao)).orElseThrow();
        assertThat(stored.active()).isFalse();
        assertThat(stored.holds("analyst")).isTrue();
        assertThat(stored.holds("admin")).isFalse();
        assertThat(TestStores.ops().users().passwordMatches(new Username(joao), new Password(PASSWORD.toCharArray())))
                .as("a disabled user cannot log in").isFalse();
        assertThat(trail(joao)).extracting(entry -> entry.action() + " " + (entry.succeeded() ? "success" : "failure")
                        + " " + entry.details().getOrDefault("role", entry.details().getOrDefault("reason", "")))
                .containsExactly(
                        "user.create success ",
                        "user.grant success analyst",
                        "user.revoke success viewer",
                        "user.revoke failure user " + joao + " does not hold role viewer",
                        "user.grant failure there is no role owner; roles: admin, analyst, data_engineer, viewer",
                        "user.disable success ",
                        "user.grant failure user " + joao + " is deactivated and cannot be granted role admin");

        Cli unknownUser = cli("users", "disable", user("ghost"));
        assertThat(unknownUser.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(trail(user("ghost"))).extracting(AuditEntry::succeeded).containsExactly(false);
    }

    @Test
    void quality_rule_edits_from_the_command_line_are_audited() {
        QualityRule rule = RuleCatalog.shipped().get(1);
        String name = rule.name();
        List<AuditEntry> before = trail(name);
        try {
            assertThat(cli("quality", "rules", "disable", name).exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(cli("quality", "rules", "set-threshold", name, "2.5").exitCode()).isEqualTo(ExitCodes.OK);
        } finally {
            cli("quality", "rules", "enable", name);
            cli("quality", "rules", "set-threshold", name, rule.threshold().toPlainString());
        }

        List<AuditEntry> after = trail(name);
        assertThat(after.subList(before.size(), after.size())).hasSize(4);
        assertThat(after.get(before.size())).isEqualTo(new AuditEntry("quality_rule.edit", OS_USER, "quality_rule", name,
                true, Map.of("active", "false", "was", Boolean.toString(rule.active()))));
        assertThat(after.get(before.size() + 1)).isEqualTo(new AuditEntry("quality_rule.edit", OS_USER, "quality_rule",
                name, true, Map.of("threshold_percent", "2.5", "was", rule.threshold().stripTrailingZeros().toPlainString())));
    }

    @Test
    void runs_are_audited_with_their_warehouse_source_and_outcome(@TempDir Path dir) throws Exception {
        Path source = Samples.generate(0.002, 5, dir.resolve("sample"));
        Path warehouse = dir.resolve("warehouse.duckdb");
        Cli succeeded = cli("run", "--source", source.toString(), "--warehouse", warehouse.toString(), "--work-dir",
                dir.toString());
        Files.delete(source.resolve("olist_sellers_dataset.csv"));
        Cli failed = cli("run", "--source", source.toString(), "--warehouse", warehouse.toString(), "--work-dir",
                dir.toString());

        assertThat(succeeded.exitCode()).as(succeeded.toString()).isZero();
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.RUN_FAILED);
        List<AuditEntry> runs = trail(entry -> entry.action().equals("pipeline.run")
                && warehouse.toAbsolutePath().toString().equals(entry.details().get("warehouse")));
        assertThat(runs).extracting(AuditEntry::succeeded).containsExactly(true, false);
        assertThat(runs).extracting(entry -> entry.details().get("status")).containsExactly("success", "failed");
        assertThat(runs.get(0).details()).containsEntry("source", source.toAbsolutePath().toString())
                .containsEntry("full", "false");
        assertThat(runs.get(0).actor()).isEqualTo(OS_USER);
        assertThat(runs.get(0).resourceType()).isEqualTo("pipeline_run");
    }

    @Test
    void audit_lists_the_trail_newest_first_by_user_since_and_limit() throws Exception {
        String ana = user("ana");
        assertThat(withInput(PASSWORD + "\n", "users", "add", ana).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli("users", "grant", ana, "viewer").exitCode()).isEqualTo(ExitCodes.OK);

        Cli json = cli("audit", "--user", OS_USER, "--since", "2000-01-01", "--limit", "2", "--json");

        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.OK);
        JsonNode entries = new ObjectMapper().readTree(json.out());
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("user.grant");
        assertThat(entries.get(0).get("resourceId").asText()).isEqualTo(ana);
        assertThat(entries.get(0).get("actor").asText()).isEqualTo(OS_USER);
        assertThat(entries.get(0).get("details").get("role").asText()).isEqualTo("viewer");
        assertThat(entries.get(1).get("action").asText()).isEqualTo("user.create");
        assertThat(entries.get(0).get("id").asLong()).isGreaterThan(entries.get(1).get("id").asLong());

        assertThat(new ObjectMapper().readTree(cli("audit", "--user", "no-such-actor-" + RUN, "--json").out())).isEmpty();
        assertThat(new ObjectMapper().readTree(cli("audit", "--since", "2999-01-01T00:00", "--json").out())).isEmpty();
        Cli table = cli("audit", "--limit", "1");
        assertThat(table.out()).contains("user.grant").contains(ana);
        assertThat(cli("audit", "--since", "yesterday").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
