package org.olistdw.domain.orchestration;

import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one source file in one run: where it came from, its fingerprint, and where each of
 * its rows went. Rows read always equal rows loaded plus rows quarantined; a load that does not
 * reconcile cannot be constructed.
 *
 * @param sourceFile      the contract's file name, e.g. {@code olist_orders_dataset.csv}
 * @param path            the absolute path read
 * @param sizeBytes       the file size in bytes
 * @param sha256          the hex SHA-256 of the file's bytes
 * @param rowsRead        data rows read (the header is not a row)
 * @param rowsLoaded      rows written to the raw table
 * @param rowsQuarantined rows written to the quarantine with a reason
 * @param carriedOverFrom the run whose load of the same bytes (size and SHA-256) was carried over instead of
 *                        reading the file again, its rows and quarantined rows copied from the warehouse that run
 *                        built; empty when the file was read
 */
public record DataLoad(String sourceFile, String path, long sizeBytes, String sha256,
                       long rowsRead, long rowsLoaded, long rowsQuarantined, Optional<RunId> carriedOverFrom) {

    public DataLoad {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(carriedOverFrom, "carriedOverFrom");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        if (rowsRead < 0 || rowsLoaded < 0 || rowsQuarantined < 0 || sizeBytes < 0) {
            throw new IllegalArgumentException("counts must not be negative for " + sourceFile);
        }
        if (rowsRead != rowsLoaded + rowsQuarantined) {
            throw new IllegalStateException(sourceFile + " does not reconcile: read " + rowsRead
                    + " != loaded " + rowsLoaded + " + quarantined " + rowsQuarantined);
        }
    }

    /** A load of a file that was read. */
    public DataLoad(String sourceFile, String path, long sizeBytes, String sha256,
                    long rowsRead, long rowsLoaded, long rowsQuarantined) {
        this(sourceFile, path, sizeBytes, sha256, rowsRead, rowsLoaded, rowsQuarantined, Optional.empty());
    }

    /** Whether the file was unchanged and its load carried over rather than read. */
    public boolean carriedOver() {
        return carriedOverFrom.isPresent();
    }

    /** This load, at {@code path}, as carried over by a later run from {@code run}, the run that recorded it. */
    public DataLoad carriedOver(String path, RunId run) {
        return new DataLoad(sourceFile, path, sizeBytes, sha256, rowsRead, rowsLoaded, rowsQuarantined,
                Optional.of(run));
    }
}
