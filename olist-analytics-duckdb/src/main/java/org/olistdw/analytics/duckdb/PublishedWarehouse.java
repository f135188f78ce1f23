package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.time.Instant;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;

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
        return DuckDbBuild.start(run, asOf, publishedFile, settings, keepVersions);
    }

    @Override
    public String location() {
        return publishedFile.toString();
    }
}
