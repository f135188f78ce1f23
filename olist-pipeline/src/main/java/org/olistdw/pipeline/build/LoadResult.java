package org.olistdw.pipeline.build;

/**
 * Where the rows of one loaded file went.
 *
 * @param rowsRead        data rows read from the file
 * @param rowsLoaded      rows written to the raw table
 * @param rowsQuarantined rows written to quarantine
 */
public record LoadResult(long rowsRead, long rowsLoaded, long rowsQuarantined) {

    /** Whether every row read is accounted for. */
    public boolean reconciles() {
        return rowsRead == rowsLoaded + rowsQuarantined;
    }
}
