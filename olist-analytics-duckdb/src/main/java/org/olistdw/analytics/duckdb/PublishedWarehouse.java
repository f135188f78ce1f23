package org.olistdw.analytics.duckdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.sql.ClasspathSql;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;
import org.olistdw.pipeline.source.SourceTable;

/**
 * The warehouse readers open, one DuckDB file, and the builds that replace it, each keeping the file it replaces
 * as a version ({@link WarehouseVersions}).
 */
final class PublishedWarehouse implements Warehouse {

    private final Path publishedFile;
    private final DuckDbSettings settings;
    private final int keepVersions;

    PublishedWarehouse(Path publishedFile, DuckDbSettings settings, int keepVersions) {
        this.publishedFile = publishedFile;
        this.settings = settings;
        this.keepVersions = keepVersions;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException when the published warehouse cannot be opened (one line naming it and the
     *                               problem, and pointing to a rollback), and the published file is left as it is
     */
    @Override
    public WarehouseBuild newBuild(RunId run, Instant asOf) {
        return DuckDbBuild.start(run, asOf, publishedFile, settings, keepVersions, Optional.empty(), Set.of(), false);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The build starts as a copy of the published file, from which everything but the raw tables of
     * {@code unchanged} and their quarantined rows (and, with {@code sameDefinitions}, the tables of the models that
     * read only those) is dropped ({@link SeededBuild}); it starts empty when the published file is not the build
     * of {@code from}, or has a write-ahead log beside it.
     */
    @Override
    public WarehouseBuild newBuild(RunId run, Instant asOf, RunId from, Set<SourceTable> unchanged,
                                   boolean sameDefinitions) {
        return DuckDbBuild.start(run, asOf, publishedFile, settings, keepVersions, Optional.of(from), unchanged,
                sameDefinitions);
    }

    @Override
    public String location() {
        return publishedFile.toString();
    }

    @Override
    public void discardStaleBuilds() {
        BuildFiles.deleteStale(publishedFile);
    }

    @Override
    public Optional<RunId> publishedRun() {
        return DuckDbWarehouse.publishedRun(publishedFile);
    }

    /** {@inheritDoc} <p>The kept build is the file {@code <published>.failed}. */
    @Override
    public Optional<RunId> keptFailedRun() {
        return DuckDbWarehouse.publishedRun(BuildFiles.failedFile(publishedFile));
    }

    /**
     * {@inheritDoc}
     *
     * <p>Every SQL file under the model root and under {@code sql/quality} (every one under {@code sql/} when the
     * model root is there), each by its name and text, and the macros generated from the domain's rules.
     */
    @Override
    public String definitionsFingerprint() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        ClassLoader loader = PublishedWarehouse.class.getClassLoader();
        // one scan of the class path when the models are under sql/, as shipped
        String[] roots = settings.modelRoot().startsWith("sql/") ? new String[] {"sql"}
                : new String[] {settings.modelRoot(), "sql/quality"};
        for (String root : roots) {
            for (SqlFile file : ClasspathSql.listTree(loader, root)) {
                update(digest, file.resource());
                update(digest, file.text());
            }
        }
        for (String macro : RuleMacros.statements()) {
            update(digest, macro);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }
}
