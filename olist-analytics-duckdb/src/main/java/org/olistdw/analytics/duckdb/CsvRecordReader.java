package org.olistdw.analytics.duckdb;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.olistdw.pipeline.source.CsvRecords;
import org.olistdw.pipeline.source.CsvRecords.Malformation;
import org.olistdw.pipeline.source.SourceScan;

/**
 * Reads the data records of a source file one at a time, each with the line where it starts and its exact text,
 * as {@link CsvRecords} defines them (the same records the file's {@link org.olistdw.pipeline.source.SourceScan}
 * counts), and splits a well-formed record into its fields.
 *
 * <p>A record that is not well-formed (text after a closing quote, an unterminated quote, a record longer than
 * the limit) is returned with what is wrong, so that it can be quarantined; a blank line followed by a record is
 * a blank record.
 */
final class CsvRecordReader implements Closeable {

    /** One megabyte: far more than any Olist row (the longest review is about 250 characters). */
    static final int DEFAULT_MAX_RECORD_BYTES = SourceScan.MAX_RECORD_BYTES;

    private static final int BUFFER_BYTES = 1 << 16;

    /**
     * One data record of the file.
     *
     * @param line         1-based line where the record starts
     * @param rawText      the record's text without its line end (cut at the limit for an over-long record)
     * @param malformation what is wrong with its quoting or length, if anything
     */
    record CsvRecord(long line, String rawText, Optional<Malformation> malformation) {

        CsvRecord {
            Objects.requireNonNull(rawText, "rawText");
            Objects.requireNonNull(malformation, "malformation");
        }

        /** An empty line: no text at all. */
        boolean isBlank() {
            return rawText.isEmpty() && malformation.isEmpty();
        }

        /** The unquoted fields of a well-formed record. */
        List<String> fields() {
            if (malformation.isPresent()) {
                throw new IllegalStateException("line " + line + " is not well-formed: " + malformation.get());
            }
            return split(rawText);
        }
    }

    private final CsvRecords records;

    /**
     * @param in             the file's bytes, UTF-8
     * @param expectedFields the contract's number of fields
     * @param maxRecordBytes the longest record kept whole
     * @param bufferBytes    how many bytes are read at a time
     */
    CsvRecordReader(InputStream in, int expectedFields, int maxRecordBytes, int bufferBytes) {
        this.records = new CsvRecords(in, expectedFields, maxRecordBytes, bufferBytes);
    }

    /** Opens a UTF-8 file with {@code expectedFields} fields a row (the encoding is checked before loading). */
    static CsvRecordReader open(Path file, int expectedFields) throws IOException {
        return new CsvRecordReader(Files.newInputStream(file), expectedFields, DEFAULT_MAX_RECORD_BYTES,
                BUFFER_BYTES);
    }

    /** The next data record, or {@code null} at the end of the file. */
    CsvRecord next() throws IOException {
        if (!records.next()) {
            return null;
        }
        return new CsvRecord(records.line(), records.rawText(), Optional.ofNullable(records.malformation()));
    }

    /** Splits the text of a well-formed record into unquoted fields. */
    static List<String> split(String record) {
        List<String> fields = new ArrayList<>(16);
        int length = record.length();
        int i = 0;
        while (true) {
            if (i < length && record.charAt(i) == '"') {
                StringBuilder unescaped = null;
                int segmentStart = i + 1;
                int j = segmentStart;
                while (true) {
                    int quote = record.indexOf('"', j);
                    if (quote < 0) {
                        throw new IllegalArgumentException("unterminated quoted field in '" + record + "'");
                    }
                    if (quote + 1 < length && record.charAt(quote + 1) == '"') {
                        if (unescaped == null) {
                            unescaped = new StringBuilder(quote - segmentStart + 32);
                        }
                        unescaped.append(record, segmentStart, quote + 1);
                        j = quote + 2;
                        segmentStart = j;
                        continue;
                    }
                    fields.add(unescaped == null
                            ? record.substring(segmentStart, quote)
                            : unescaped.append(record, segmentStart, quote).toString());
                    i = quote + 1;
                    break;
                }
                if (i >= length) {
                    return fields;
                }
                if (record.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after the closing quote in '" + record + "'");
                }
                i++;
            } else {
                int comma = record.indexOf(',', i);
                if (comma < 0) {
                    fields.add(record.substring(i));
                    return fields;
                }
                fields.add(record.substring(i, comma));
                i = comma + 1;
            }
        }
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
