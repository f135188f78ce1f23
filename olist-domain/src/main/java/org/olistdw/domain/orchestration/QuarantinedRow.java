package org.olistdw.domain.orchestration;

import java.util.Objects;

/**
 * A source row that could not be read, kept with everything needed to find and fix it.
 *
 * @param sourceFile the contract's file name
 * @param lineNumber the 1-based line in the file where the row starts (the header is line 1)
 * @param rawText    the row's text as it stood in the file
 * @param reason     why it could not be read, naming the column and value where there is one
 */
public record QuarantinedRow(String sourceFile, long lineNumber, String rawText, String reason) {
    public QuarantinedRow {
        Objects.requireNonNull(sourceFile, "sourceFile");
        Objects.requireNonNull(rawText, "rawText");
        Objects.requireNonNull(reason, "reason");
        if (lineNumber < 1) {
            throw new IllegalArgumentException("line number must be at least 1, was " + lineNumber);
        }
    }
}
