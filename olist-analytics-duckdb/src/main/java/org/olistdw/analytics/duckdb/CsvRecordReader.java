package org.olistdw.analytics.duckdb;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads an RFC 4180 CSV file one record at a time, with memory bounded by the longest record allowed, and
 * keeps for each record the line where it starts and its exact text.
 *
 * <p>Accepted: quoted fields holding commas, doubled quotes and line breaks; LF, CRLF or CR line ends; a
 * leading UTF-8 byte-order mark; a missing final line end. A record that is not well-formed is still
 * returned, with what is wrong, so that it can be quarantined:
 * <ul>
 *   <li>text after the closing quote of a field ({@code "abc"def});</li>
 *   <li>a quoted field never closed: the record is cut at the end of the line where that quote opened and
 *       reading resumes on the next line, so one stray quote costs one record, not the rest of the file;</li>
 *   <li>a record longer than the limit: its text is cut at the limit and reading resumes on the next line.</li>
 * </ul>
 */
final class CsvRecordReader implements Closeable {

    /** One megabyte of text: far more than any Olist row (the longest review is about 250 characters). */
    static final int DEFAULT_MAX_RECORD_CHARS = 1 << 20;

    private static final int BUFFER_CHARS = 1 << 16;
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int SKIPPING = 4;

    /**
     * What is wrong with a record that is not well-formed.
     *
     * @param fieldIndex  0-based index of the field where the problem is
     * @param description what is wrong, without the column name
     */
    record Malformation(int fieldIndex, String description) {
    }

    /**
     * One record of the file.
     *
     * @param line        1-based line where the record starts
     * @param rawText     the record's text without its line end (cut at the limit for an over-long record)
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

    private final Reader in;
    private final int maxRecordChars;
    private final StringBuilder raw = new StringBuilder(512);
    private final int bufferChars;
    private char[] buffer;
    private int pos;
    private int limit;
    private boolean endOfInput;
    private boolean started;
    /** The line of the next character to read. */
    private long line = 1;
    /** The last line end read was a lone CR so far: an LF right after it belongs to it. */
    private boolean afterCarriageReturn;

    CsvRecordReader(Reader in, int maxRecordChars, int bufferChars) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxRecordChars < 16) {
            throw new IllegalArgumentException("max record length must be at least 16, was " + maxRecordChars);
        }
        if (bufferChars < 1) {
            throw new IllegalArgumentException("buffer must hold at least 1 character, was " + bufferChars);
        }
        this.maxRecordChars = maxRecordChars;
        this.bufferChars = bufferChars;
        this.buffer = new char[bufferChars];
    }

    /** Opens a UTF-8 file; undecodable bytes become U+FFFD (the encoding is checked before loading). */
    static CsvRecordReader open(Path file) throws IOException {
        return new CsvRecordReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), DEFAULT_MAX_RECORD_CHARS,
                BUFFER_CHARS);
    }

    /** The next record, or {@code null} at the end of the file. */
    CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            if (fill() && buffer[pos] == BYTE_ORDER_MARK) {
                pos++;
            }
        }
        if (afterCarriageReturn && fill() && buffer[pos] == '\n') {
            pos++;
        }
        afterCarriageReturn = false;
        if (!fill()) {
            return null;
        }
        raw.setLength(0);
        long startLine = line;
        int state = FIELD_START;
        int field = 0;
        Malformation malformation = null;
        boolean previousWasCarriageReturn = false;
        int quoteOpenedAt = -1;
        long quoteOpenedOnLine = 0;
        int segmentStart = pos;
        while (true) {
            if (pos == limit) {
                if (state != SKIPPING) {
                    raw.append(buffer, segmentStart, pos - segmentStart);
                }
                if (state != SKIPPING && raw.length() > maxRecordChars) {
                    if (state == QUOTED && lineEndAfter(quoteOpenedAt) >= 0) {
                        return unterminated(startLine, field, quoteOpenedAt, quoteOpenedOnLine);
                    }
                    raw.setLength(maxRecordChars);
                    malformation = tooLong(field);
                    state = SKIPPING;
                }
                if (!fill()) {
                    if (state == QUOTED) {
                        return unterminated(startLine, field, quoteOpenedAt, quoteOpenedOnLine);
                    }
                    return complete(startLine, field, malformation);
                }
                segmentStart = pos;
            }
            char c = buffer[pos];
            switch (state) {
                case FIELD_START, UNQUOTED, QUOTE_SEEN, SKIPPING -> {
                    if (c == '\n' || c == '\r') {
                        if (state != SKIPPING) {
                            raw.append(buffer, segmentStart, pos - segmentStart);
                        }
                        pos++;
                        line++;
                        afterCarriageReturn = c == '\r';
                        return complete(startLine, field, malformation);
                    }
                    if (state == SKIPPING) {
                        pos++;
                        continue;
                    }
                    if (c == ',') {
                        field++;
                        state = FIELD_START;
                    } else if (c == '"' && state == FIELD_START) {
                        state = QUOTED;
                        quoteOpenedAt = raw.length() + (pos - segmentStart);
                        quoteOpenedOnLine = line;
                    } else if (c == '"' && state == QUOTE_SEEN) {
                        state = QUOTED;
                    } else if (state == QUOTE_SEEN) {
                        if (malformation == null) {
                            malformation = new Malformation(field, "text after the closing quote");
                        }
                        state = UNQUOTED;
                    } else {
                        state = UNQUOTED;
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        state = QUOTE_SEEN;
                    } else if (c == '\r' || (c == '\n' && !previousWasCarriageReturn)) {
                        line++;
                    }
                    previousWasCarriageReturn = c == '\r';
                }
                default -> throw new IllegalStateException("unknown state " + state);
            }
            pos++;
        }
    }

    private CsvRecord complete(long startLine, int field, Malformation malformation) {
        Malformation problem = malformation;
        if (raw.length() > maxRecordChars) {
            raw.setLength(maxRecordChars);
            problem = tooLong(field);
        }
        return new CsvRecord(startLine, raw.toString(), Optional.ofNullable(problem));
    }

    private Malformation tooLong(int field) {
        return new Malformation(field, "row longer than " + maxRecordChars + " characters (text cut at the limit)");
    }

    /**
     * Cuts a record whose quote never closed at the end of the line where the quote opened, and puts the
     * text after it back to be read again.
     */
    private CsvRecord unterminated(long startLine, int field, int quoteOpenedAt, long quoteOpenedOnLine) {
        String description = "unterminated quoted field (the quote opens on line " + quoteOpenedOnLine + ")";
        int lineEnd = lineEndAfter(quoteOpenedAt);
        if (lineEnd < 0) {
            return new CsvRecord(startLine, cut(raw.length()), Optional.of(new Malformation(field, description)));
        }
        int resumeAt = lineEnd + 1;
        if (raw.charAt(lineEnd) == '\r' && resumeAt < raw.length() && raw.charAt(resumeAt) == '\n') {
            resumeAt++;
        }
        afterCarriageReturn = raw.charAt(resumeAt - 1) == '\r';
        String text = cut(lineEnd);
        pushBack(raw.substring(resumeAt));
        line = quoteOpenedOnLine + 1;
        return new CsvRecord(startLine, text, Optional.of(new Malformation(field, description)));
    }

    private String cut(int end) {
        return raw.substring(0, Math.min(end, maxRecordChars));
    }

    private int lineEndAfter(int offset) {
        for (int i = Math.max(offset, 0); i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private void pushBack(String text) {
        int unread = limit - pos;
        char[] combined = new char[Math.max(bufferChars, text.length() + unread)];
        text.getChars(0, text.length(), combined, 0);
        System.arraycopy(buffer, pos, combined, text.length(), unread);
        buffer = combined;
        pos = 0;
        limit = text.length() + unread;
    }

    /** Makes at least one character available, unless the input is exhausted. */
    private boolean fill() throws IOException {
        while (pos == limit) {
            if (endOfInput) {
                return false;
            }
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                endOfInput = true;
                return false;
            }
            pos = 0;
            limit = read;
        }
        return true;
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
        in.close();
    }
}
