package org.olistdw.runner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.Optional;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.quality.CheckResult;
import org.olistdw.domain.quality.CheckStatus;
import org.olistdw.domain.quality.QualityReport;
import org.olistdw.domain.quality.QualityResults;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.domain.security.AuditEvent;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code olist quality}: the data quality rules kept in the operational store. */
@Command(name = "quality",
        mixinStandardHelpOptions = true,
        description = "Data quality: the rules runs check the warehouse against.",
        subcommands = {QualityCommand.Rules.class, QualityCommand.Report.class, QualityCommand.History.class,
            CommandLine.HelpCommand.class})
final class QualityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    /** {@code olist quality rules}: list and edit the rules without a rebuild. */
    @Command(name = "rules",
            mixinStandardHelpOptions = true,
            description = {"Lists and edits the quality rules in PostgreSQL (data_quality.quality_rules).",
                "The rules shipped in sql/quality/rules.json are added on first use; a rule's active flag and "
                        + "threshold are yours to change and survive upgrades."},
            subcommands = {Rules.ListRules.class, Rules.Enable.class, Rules.Disable.class, Rules.SetThreshold.class,
                CommandLine.HelpCommand.class})
    static final class Rules implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return ExitCodes.OK;
        }

        /** {@code olist quality rules list}. */
        @Command(name = "list", mixinStandardHelpOptions = true,
                description = "Lists every rule: name, active, severity, threshold, type, kind and target.")
        static final class ListRules implements Callable<Integer> {

            @Spec
            private CommandSpec spec;

            @Option(names = "--json", description = "Print JSON (an array of rules, by name) for scripts.")
            private boolean json;

            @Option(names = "--active", description = "Only the active rules.")
            private boolean activeOnly;

            @Mixin
            private WorkDirOption work;

            @Mixin
            private OpsOptions ops;

            @Override
            public Integer call() throws Exception {
                PrintWriter out = spec.commandLine().getOut();
                try (Wiring wiring = Wiring.connectWithShippedRules(work.workDir, ops)) {
                    List<QualityRule> rules = wiring.qualityRules().all().stream()
                            .filter(rule -> !activeOnly || rule.active()).toList();
                    if (json) {
                        List<Map<String, Object>> rows = new ArrayList<>();
                        rules.forEach(rule -> rows.add(describe(rule)));
                        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
                    } else {
                        printTable(out, rules);
                    }
                    out.flush();
                    return ExitCodes.OK;
                }
            }

            private static Map<String, Object> describe(QualityRule rule) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", rule.name());
                row.put("active", rule.active());
                row.put("severity", rule.severity().code());
                row.put("thresholdPercent", rule.threshold());
                row.put("type", rule.type().code());
                row.put("kind", rule.kind().code());
                row.put("target", rule.target());
                row.put("parameters", rule.parameters());
                row.put("description", rule.description());
                return row;
            }

            private static void printTable(PrintWriter out, List<QualityRule> rules) {
                if (rules.isEmpty()) {
                    out.println("no rules");
                    return;
                }
                int width = Math.max(4, rules.stream().mapToInt(rule -> rule.name().length()).max().orElse(4));
                String format = "%-" + width + "s  %-6s  %-8s  %9s  %-12s  %-24s  %s%n";
                out.printf(format, "rule", "active", "severity", "threshold", "type", "kind", "target");
                for (QualityRule rule : rules) {
                    out.printf(format, rule.name(), rule.active() ? "yes" : "no", rule.severity().code(),
                            rule.threshold().stripTrailingZeros().toPlainString() + " %", rule.type().code(),
                            rule.kind().code(), rule.target());
                }
                long active = rules.stream().filter(QualityRule::active).count();
                out.printf("%d rules, %d active%n", rules.size(), active);
            }
        }

        /** What {@code enable} and {@code disable} share: the rule named, and where the store is. */
        abstract static class Switch implements Callable<Integer> {

            @Spec
            private CommandSpec spec;

            @Parameters(paramLabel = "RULE", description = "The rule's name, as `quality rules list` shows it.")
            private String name;

            @Mixin
            private WorkDirOption work;

            @Mixin
            private OpsOptions ops;

            /** Whether the command switches the rule on. */
            abstract boolean on();

            @Override
            public Integer call() {
                return setActive(spec, work, ops, name, on());
            }
        }

        /** {@code olist quality rules enable NAME}. */
        @Command(name = "enable", mixinStandardHelpOptions = true, description = "Switches a rule on: runs check it.")
        static final class Enable extends Switch {
            @Override
            boolean on() {
                return true;
            }
        }

        /** {@code olist quality rules disable NAME}. */
        @Command(name = "disable", mixinStandardHelpOptions = true,
                description = "Switches a rule off: runs skip it (it stays listed, and can be enabled again).")
        static final class Disable extends Switch {
            @Override
            boolean on() {
                return false;
            }
        }

        /** {@code olist quality rules set-threshold NAME PERCENT}. */
        @Command(name = "set-threshold", mixinStandardHelpOptions = true,
                description = "Changes the failure rate, in percent of the checked rows, a rule tolerates before it fails.")
        static final class SetThreshold implements Callable<Integer> {

            @Spec
            private CommandSpec spec;

            @Parameters(index = "0", paramLabel = "RULE", description = "The rule's name, as `quality rules list` shows it.")
            private String name;

            @Parameters(index = "1", paramLabel = "PERCENT", description = "0 to 100, e.g. 0.5 for half a percent.")
            private BigDecimal percent;

            @Mixin
            private WorkDirOption work;

            @Mixin
            private OpsOptions ops;

            @Override
            public Integer call() {
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "PERCENT must be between 0 and 100, was " + percent.toPlainString());
                }
                try (Wiring wiring = Wiring.connectWithShippedRules(work.workDir, ops)) {
                    QualityRules rules = wiring.qualityRules();
                    QualityRule before = find(spec, rules, name);
                    QualityRule after = rules.setThreshold(name, percent);
                    String was = before.threshold().stripTrailingZeros().toPlainString();
                    String now = after.threshold().stripTrailingZeros().toPlainString();
                    long entry = audit(wiring, name, Map.of("threshold_percent", now, "was", was));
                    spec.commandLine().getOut().printf("rule %s now tolerates %s %% failing rows (was %s %%); "
                            + "audit log entry %d%n", name, now, was, entry);
                    spec.commandLine().getOut().flush();
                    return ExitCodes.OK;
                }
            }
        }

        private static int setActive(CommandSpec spec, WorkDirOption work, OpsOptions ops, String name, boolean active) {
            try (Wiring wiring = Wiring.connectWithShippedRules(work.workDir, ops)) {
                QualityRules rules = wiring.qualityRules();
                QualityRule before = find(spec, rules, name);
                rules.setActive(name, active);
                long entry = audit(wiring, name, Map.of("active", Boolean.toString(active),
                        "was", Boolean.toString(before.active())));
                spec.commandLine().getOut().printf("rule %s %s%s; audit log entry %d%n", name,
                        active ? "enabled" : "disabled", before.active() == active ? " (it already was)" : "", entry);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
        }

        /** Records an edit of rule {@code name} by the operating-system user in the audit trail. */
        private static long audit(Wiring wiring, String name, Map<String, String> details) {
            return wiring.auditLog().append(AuditEntry.of(AuditEvent.QUALITY_RULE_EDIT, UsersCommand.actor(),
                    "quality_rule", name, true, details));
        }

        private static QualityRule find(CommandSpec spec, QualityRules rules, String name) {
            return rules.find(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "no rule named '" + name + "'; `olist quality rules list` shows them all"));
        }
    }

    /** {@code olist quality report [--run ID]}: a run's quality report and the evidence of its checks. */
    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Prints a run's quality report: score and counts, then each rule that did not pass with "
                    + "the offending rows kept as evidence.", "Without --run, the latest run whose checks ran."})
    static final class Report implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--run", paramLabel = "ID", description = "The run (see `olist runs`).")
        private Long runId;

        @Option(names = "--all", description = "Also list the rules that passed.")
        private boolean all;

        @Option(names = "--samples", defaultValue = "3", paramLabel = "N",
                description = "Offending rows shown per rule (default: ${DEFAULT-VALUE}; all kept rows are in PostgreSQL).")
        private int samples;

        @Mixin
        private WorkDirOption work;

        @Mixin
        private OpsOptions ops;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Wiring wiring = Wiring.connect(work.workDir, ops)) {
                QualityResults results = wiring.qualityResults();
                Optional<QualityReport> report = runId != null ? results.report(new RunId(runId))
                        : results.history(1).stream().findFirst();
                if (report.isEmpty()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), runId != null
                            ? "run " + runId + " has no quality report (its checks did not run)"
                            : "no quality report yet: run `olist run` first");
                }
                QualityReport r = report.get();
                out.printf("run %d, %s: quality score %s %% (%d checks: %d passed, %d warned, %d failed, %d errors;"
                                + " %d critical), %s rows quarantined by the load%n",
                        r.run().value(), r.date(), r.score().toPlainString(), r.checks(), r.passed(), r.warned(),
                        r.failed(), r.errors(), r.criticalFailures(), Console.count(r.rowsQuarantined()));
                for (CheckResult result : results.results(r.run())) {
                    if (result.status() == CheckStatus.PASS && !all) {
                        continue;
                    }
                    out.printf("%n%-5s %s%n", result.status().code(), result.summary());
                    result.error().ifPresent(error -> out.println("      " + error));
                    result.sample().stream().limit(Math.max(0, samples)).forEach(row -> out.println("      " + row));
                    if (result.sample().size() > samples) {
                        out.printf("      ... %d more kept in data_quality.quality_checks%n", result.sample().size() - samples);
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }

    /** {@code olist quality history}: the trend of quality scores. */
    @Command(name = "history", mixinStandardHelpOptions = true, description = "The quality reports of the latest runs, newest first.")
    static final class History implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "How many runs (default: ${DEFAULT-VALUE}).")
        private int limit;

        @Mixin
        private WorkDirOption work;

        @Mixin
        private OpsOptions ops;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Wiring wiring = Wiring.connect(work.workDir, ops)) {
                List<QualityReport> reports = wiring.qualityResults().history(limit);
                if (reports.isEmpty()) {
                    out.println("no quality reports yet");
                } else {
                    String format = "%6s  %-10s  %7s  %6s  %6s  %6s  %6s  %6s  %8s  %11s%n";
                    out.printf(format, "run", "date", "score", "checks", "passed", "warned", "failed", "errors",
                            "critical", "quarantined");
                    for (QualityReport r : reports) {
                        out.printf(format, r.run().value(), r.date(), r.score().toPlainString(), r.checks(), r.passed(),
                                r.warned(), r.failed(), r.errors(), r.criticalFailures(), Console.count(r.rowsQuarantined()));
                    }
                }
                out.flush();
                return ExitCodes.OK;
            }
        }
    }
}
