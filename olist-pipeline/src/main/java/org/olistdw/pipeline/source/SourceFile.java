package org.olistdw.pipeline.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A source file that passed extraction: present, readable, UTF-8 and with the header of its contract.
 *
 * @param table     the contract it satisfies
 * @param path      where it is
 * @param sizeBytes its size
 * @param sha256    hex SHA-256 of its bytes, or {@code null} until the file has been scanned
 * @param header    the header columns as found
 */
public record SourceFile(SourceTable table, Path path, long sizeBytes, String sha256, List<String> header) {

    /** This file with the size and SHA-256 its scan found. */
    public SourceFile scanned(SourceScan scan) {
        return new SourceFile(table, path, scan.sizeBytes(), scan.sha256(), header);
    }
}
