package org.olistdw.analytics.duckdb;

import java.nio.file.Path;
import java.time.Instant;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseBuild;

/** The warehouse readers open, one DuckDB file, and the builds that replace it. */
final class PublishedWarehouse implements Warehouse {

    private final Path publishedFile;
    private final DuckDbSettings settings;

    PublishedWarehouse(Path publishedFile, DuckDbSettings settings) {
        this.publishedFile = publishedFile;
        this.settings = settings;
    }

    @Override
    public WarehouseBuild newBuild(RunId run, Instant asOf) {
        return DuckDbBuild.start(run, asOf, publishedFile, settings);
    }

    @Override
    public String location() {
        return publishedFile.toString();
    }
}
