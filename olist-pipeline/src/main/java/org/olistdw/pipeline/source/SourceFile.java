package org.olistdw.pipeline.source;

import java.nio.file.Path;
import java.util.List;

/**
 * A source file that passed extraction: present, readable, UTF-8 and with the header of its contract.
 *
 * @param table     the contract it satisfies
 * @param path      where it is
 * @param sizeBytes its size
 * @param sha256    hex SHA-256 of its bytes
 * @param header    the header columns as found
 */
public record SourceFile(SourceTable table, Path path, long sizeBytes, String sha256, List<String> header) {
}
