package org.olistdw.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.security.AuditEntry;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.PublishedVersions.Rollback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code olist rollback}: publishes a kept version of the warehouse again, recorded in the audit trail. */
@Command(name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes a kept version again, atomically for readers: the published warehouse is kept as a version in",
            "its turn (so `olist rollback --to <its run>` undoes this), a write-ahead log beside it is deleted, and",
            "the kept version is renamed over it. Recorded as warehouse.rollback in security_audit.audit_logs."})
final class RollbackCommand implements Callable<Integer> {

    /** The action recorded in the audit trail. */
    static final String ACTION = "warehouse.rollback";

    private static final Logger LOG = LoggerFactory.getLogger(RollbackCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--to", paramLabel = "RUN",
            description = "The run whose kept version to publish (default: the newest kept version older than the "
                    + "published one; see olist versions).")
    private Long to;

    @Option(names = "--warehouse", paramLabel = "FILE",
            description = "The published DuckDB warehouse file (default: <work-dir>/warehouse.duckdb).")
    private Path warehouseFile;

    @Mixin
    private WorkDirOption work;

    @Mixin
    private OpsOptions ops;

    /** How long the rollback's lock on the warehouse lasts unless renewed; renaming files takes far less. */
    private static final Duration LOCK_LEASE = Duration.ofSeconds(60);

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (to != null && to < 1) {
            err.println("olist: --to must be a run id (1 or more), was " + to);
            return ExitCodes.USAGE;
        }
        Path published = (warehouseFile != null ? warehouseFile : work.workDir.resolve("warehouse.duckdb"));
        PublishedVersions versions = Wiring.versions(published);
        String actor = System.getProperty("user.name", "unknown");
        Optional<RunId> target = Optional.ofNullable(to).map(RunId::new);
        // a rollback replaces the published file as a run's publish does: it takes the same lock, so that it never
        // interleaves with a run on this warehouse
        try (Wiring wiring = Wiring.connect(work.workDir, ops);
             WarehouseLease lease = wiring.lock(Wiring.canonical(published), LOCK_LEASE)) {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("path", versions.location());
            target.ifPresent(run -> details.put("requested_run", run.toString()));
            Rollback done;
            try {
                done = versions.rollBack(target);
            } catch (IllegalArgumentException | IllegalStateException e) {
                details.put("reason", Console.oneLine(e));
                long entry = wiring.auditLog().append(new AuditEntry(ACTION, actor, "warehouse",
                        target.map(run -> "run " + run).orElse("previous"), false, details));
                LOG.warn("{} by {} refused or failed (audit log entry {}): {}", ACTION, actor, entry,
                        Console.oneLine(e));
                err.println("olist: rollback of " + versions.location() + " not done: " + Console.oneLine(e));
                err.flush();
                return e instanceof IllegalArgumentException ? ExitCodes.USAGE : ExitCodes.RUN_FAILED;
            }
            String from = done.from().map(RunId::toString).orElse("?");
            details.put("from_run", from);
            details.put("to_run", done.to().toString());
            long entry = wiring.auditLog().append(new AuditEntry(ACTION, actor, "warehouse", "run " + done.to(),
                    true, details));
            LOG.info("{} by {}: {} rolled back from run {} to run {} (audit log entry {})", ACTION, actor,
                    done.file(), from, done.to(), entry);
            out.printf("rolled %s back from run %s to run %s; audit log entry %d%n", done.file(), from, done.to(),
                    entry);
            done.from().ifPresent(run -> out.printf("run %s is kept: olist rollback --to %s undoes this%n", run, run));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
