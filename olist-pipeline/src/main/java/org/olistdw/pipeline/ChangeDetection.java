package org.olistdw.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.olistdw.domain.orchestration.DataLoad;
import org.olistdw.domain.orchestration.PipelineRuns;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.RunMode;
import org.olistdw.domain.orchestration.RunStatus;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.pipeline.build.RejectLimit;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.source.SourceFile;
import org.olistdw.pipeline.source.SourceHashes;
import org.olistdw.pipeline.source.SourceTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a run finds changed before it loads anything: which source files equal, by size and SHA-256, their load in
 * the run that built the published warehouse (carried over, not read again) or in the failed run whose build is
 * kept (reused), whether the models, rules, settings and program are those of the published warehouse, and so
 * the run's {@link RunMode}, recorded with its fingerprint.
 */
final class ChangeDetection {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeDetection.class);

    private final Warehouse warehouse;
    private final PipelineRuns runs;
    private final QualityRules rules;
    private final RejectLimit rejectLimit;
    private final boolean fullReload;
    private final SourceHashes sourceHashes;

    /**
     * @param fullReload   whether every file is read again whatever it holds ({@code run --full}): nothing is then
     *                     compared and the run is full
     * @param sourceHashes the files' hashes, computed ahead where they were
     */
    ChangeDetection(Warehouse warehouse, PipelineRuns runs, QualityRules rules, RejectLimit rejectLimit,
                    boolean fullReload, SourceHashes sourceHashes) {
        this.warehouse = warehouse;
        this.runs = runs;
        this.rules = rules;
        this.rejectLimit = rejectLimit;
        this.fullReload = fullReload;
        this.sourceHashes = sourceHashes;
    }

    /**
     * What changed since the published warehouse was built, and since the failed run whose build is kept.
     *
     * @param published the run that built the published warehouse, when it is known and succeeded
     * @param unchanged the files whose size and SHA-256 equal those of their load in that run, with that load
     * @param failed    the failed run whose build is kept, when it is known, failed and is not the published one
     * @param reused    of the other files, those whose size and SHA-256 equal those of their load in that run
     * @param mode      what the run does again
     * @param sameDefinitions whether the models, rules, settings and program are those that built the published
     *                        warehouse, so that what it derived from unchanged rows holds for this build too
     */
    record Changes(Optional<RunId> published, Map<SourceTable, DataLoad> unchanged, Optional<RunId> failed,
                   Map<SourceTable, DataLoad> reused, RunMode mode, boolean sameDefinitions) {
    }

    /**
     * Compares {@code files} with their loads in the run that built the published warehouse (nothing, when every
     * file is read again or nothing is published) and in the kept failed run, and records {@code run}'s mode and
     * fingerprint.
     */
    Changes compare(RunId run, List<SourceFile> files) {
        CompletableFuture<String> fingerprinted = CompletableFuture.supplyAsync(this::fingerprint);
        Optional<RunId> published = fullReload ? Optional.empty() : publishedRun(run)
                .filter(built -> runs.find(built).map(r -> r.status() == RunStatus.SUCCESS).orElse(false));
        Map<SourceTable, String> hashes = new ConcurrentHashMap<>();
        Map<SourceTable, DataLoad> unchanged = published.isPresent()
                ? sameAs(published.get(), files, hashes) : Map.of();
        Optional<RunId> failed = fullReload ? Optional.empty() : keptFailedRun(run)
                .filter(kept -> !published.equals(Optional.of(kept)))
                .filter(kept -> runs.find(kept).map(r -> r.status() == RunStatus.FAILED).orElse(false));
        Map<SourceTable, DataLoad> reused = new LinkedHashMap<>();
        if (failed.isPresent()) {
            List<SourceFile> rest = files.stream().filter(file -> !unchanged.containsKey(file.table())).toList();
            reused.putAll(sameAs(failed.get(), rest, hashes));
        }
        sourceHashes.stop(); // the files compared are hashed; the others are read, and hashed, by their loads
        String fingerprint = Futures.join(fingerprinted);
        boolean sameDefinitions = published.isPresent()
                && runs.fingerprint(published.get()).map(fingerprint::equals).orElse(false);
        RunMode mode = unchanged.isEmpty() && reused.isEmpty() ? RunMode.FULL
                : unchanged.size() == files.size() && sameDefinitions ? RunMode.NO_CHANGE : RunMode.INCREMENTAL;
        runs.recordMode(run, mode, fingerprint);
        LOG.info("run {}: {} run; {} of {} files unchanged since run {} ({} hashes remembered from earlier runs){}{}",
                run, mode.code(), unchanged.size(), files.size(), published.map(RunId::toString).orElse("(none)"),
                sourceHashes.remembered(),
                published.isPresent() && !sameDefinitions ? ", models, rules or settings changed" : "",
                failed.map(kept -> "; " + reused.size() + " more as loaded by failed run " + kept).orElse(""));
        return new Changes(published, Map.copyOf(unchanged), failed, Map.copyOf(reused), mode, sameDefinitions);
    }

    /**
     * The files of {@code files} whose size and SHA-256 equal those of their load in run {@code earlier}, with
     * that load; the SHA-256 of each file read is kept in {@code hashes}, so that a file is hashed once.
     */
    private Map<SourceTable, DataLoad> sameAs(RunId earlier, List<SourceFile> files, Map<SourceTable, String> hashes) {
        Map<String, DataLoad> previous = new LinkedHashMap<>();
        runs.loads(earlier).forEach(load -> previous.put(load.sourceFile(), load));
        List<SourceFile> candidates = files.stream().filter(file -> {
            DataLoad load = previous.get(file.table().fileName());
            return load != null && load.sizeBytes() == file.sizeBytes();
        }).toList();
        candidates.parallelStream().filter(file -> !hashes.containsKey(file.table())).forEach(file -> {
            try {
                hashes.put(file.table(), sourceHashes.sha256(file.path()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file.path(), e);
            }
        });
        Map<SourceTable, DataLoad> same = new LinkedHashMap<>();
        for (SourceFile file : candidates) {
            DataLoad load = previous.get(file.table().fileName());
            if (load.sha256().equalsIgnoreCase(hashes.get(file.table()))) {
                same.put(file.table(), load);
            }
        }
        return same;
    }

    /** The run of the kept failed build; nothing when it cannot be read, which then loads the files again. */
    private Optional<RunId> keptFailedRun(RunId run) {
        try {
            return warehouse.keptFailedRun();
        } catch (IllegalStateException e) {
            LOG.warn("run {}: the kept failed build is not reused: {}", run, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The run that built the published warehouse; nothing when it cannot be read, so that the build, which
     * opens it too, reports why in its own words.
     */
    private Optional<RunId> publishedRun(RunId run) {
        try {
            return warehouse.publishedRun();
        } catch (IllegalStateException e) {
            LOG.warn("run {}: every file is read: {}", run, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The fingerprint of what decides the warehouse besides the source files: the warehouse's definitions, every
     * quality rule as the store holds it, the reject limit, and the program (its jar's size and time, when it
     * runs from one). Hex SHA-256.
     */
    private String fingerprint() {
        MessageDigest digest = sha256();
        List<String> parts = new ArrayList<>();
        parts.add(warehouse.definitionsFingerprint());
        rules.all().stream().sorted(Comparator.comparing(QualityRule::name)).forEach(rule -> parts.add(String.join(
                "|", rule.name(), rule.type().name(), rule.kind().name(), rule.target(),
                new TreeMap<>(rule.parameters()).toString(), rule.severity().name(), rule.threshold().toPlainString(),
                Boolean.toString(rule.active()))));
        parts.add("max_reject_percent=" + rejectLimit.percent().toPlainString());
        parts.add("program=" + program());
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The jar this program runs from, by size and modification time, or nothing when it runs from classes. */
    private static String program() {
        try {
            var source = ChangeDetection.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "";
            }
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location)
                    ? location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis() : "";
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
