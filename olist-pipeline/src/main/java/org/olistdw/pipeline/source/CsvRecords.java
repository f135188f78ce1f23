package org.olistdw.pipeline.source;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The data records of a source file as the load counts them, read once from its bytes: the one definition of
 * a record shared by the file's {@link SourceScan} and the reader that splits the file into rows and
 * quarantine, so that both always count the same records.
 *
 * <p>RFC 4180, leniently: a field is unquoted or quoted; a quoted field may hold commas, doubled quotes and
 * line breaks; lines end with LF, CRLF or a lone CR; a leading UTF-8 byte-order mark is skipped; the first
 * record is the header and is not returned. A record that is not well-formed is still returned, with what is
 * wrong ({@link #malformation()}), so that it can be quarantined:
 * <ul>
 *   <li>text after the closing quote of a field ({@code "abc"def});</li>
 *   <li>an unterminated quote. A quoted field whose text runs past the end of a line into a line that, read
 *       on its own, is a row (well-formed, with the contract's number of fields), or that never closes before
 *       the end of the file or before the record grows past the limit: the record ends at the end of the line
 *       where that quote opened, and reading goes on with the next line. A record spanning lines that ends
 *       malformed or with a number of fields other than the contract's: the record is its first line alone,
 *       and reading goes on with its second line. So a stray quote costs its own line, and the valid rows after
 *       it load. A real multi-line text is a well-formed record with the contract's fields, and its
 *       continuation lines are not rows of their own (the line that closes the text starts inside the quotes):
 *       it stays one record;</li>
 *   <li>a record longer than the limit: its text is cut at the limit and reading resumes on the next line.</li>
 * </ul>
 * Blank lines followed by a record are records of their own (with no fields); blank lines at the end of the file
 * are not records.
 *
 * <p>Memory is bounded by twice the longest record allowed. Line numbers are 1-based; CRLF is one line end.
 */
public final class CsvRecords implements Closeable {

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    /** The bytes that change nothing inside an unquoted field: all but comma, quote, LF and CR. */
    private static final boolean[] PLAIN_UNQUOTED = plain(',', '"', '\n', '\r');
    /** The bytes that change nothing inside a quoted field: all but quote, LF and CR. */
    private static final boolean[] PLAIN_QUOTED = plain('"', '\n', '\r');

    /**
     * What is wrong with a record that is not well-formed.
     *
     * @param fieldIndex  0-based index of the field where the problem is
     * @param description what is wrong, without the column name
     */
    public record Malformation(int fieldIndex, String description) {
        public Malformation {
            Objects.requireNonNull(description, "description");
        }
    }

    private final InputStream in;
    private final int expectedFields;
    private final int maxRecordBytes;
    private byte[] buffer;
    private int pos;
    private int limit;
    /** The file offset of {@code buffer[0]}. */
    private long bufferOffset;
    private boolean endOfInput;
    private boolean started;
    /** The line of the next byte to read. */
    private long line = 1;
    private boolean loneCarriageReturns;

    // the record read last
    private int recordStart;
    private int recordEnd;
    private byte[] cutText;
    private long recordLine;
    private long recordOffset;
    private int recordFields;
    private boolean recordStrict;
    private boolean recordBlank;
    private Malformation recordMalformation;

    // the record returned, when blank lines come before it
    private long blanksPending;
    private long firstBlankLine;
    private long firstBlankOffset;
    private boolean held;
    private long blankLinesAtEnd;
    private boolean returningBlank;

    /**
     * @param in             the file's bytes, UTF-8
     * @param expectedFields the contract's number of fields, which a line must have to be a row of its own
     * @param maxRecordBytes the longest record kept whole
     * @param bufferBytes    how many bytes are read at a time
     */
    public CsvRecords(InputStream in, int expectedFields, int maxRecordBytes, int bufferBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (expectedFields < 1) {
            throw new IllegalArgumentException("a record has at least one field, expected " + expectedFields);
        }
        if (maxRecordBytes < 16) {
            throw new IllegalArgumentException("max record length must be at least 16, was " + maxRecordBytes);
        }
        if (bufferBytes < 1) {
            throw new IllegalArgumentException("buffer must hold at least 1 byte, was " + bufferBytes);
        }
        this.expectedFields = expectedFields;
        this.maxRecordBytes = maxRecordBytes;
        this.buffer = new byte[bufferBytes];
    }

    /**
     * Moves to the next data record.
     *
     * @return false at the end of the file
     */
    public boolean next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
            if (!read()) {
                return false; // no header
            }
        }
        returningBlank = false;
        if (blanksPending > 0) {
            returnBlank();
            return true;
        }
        if (held) {
            held = false;
            return true;
        }
        while (read()) {
            if (!recordBlank) {
                if (blanksPending > 0) {
                    held = true;
                    returnBlank();
                }
                return true;
            }
            if (blanksPending++ == 0) {
                firstBlankLine = recordLine;
                firstBlankOffset = recordOffset;
            }
        }
        blankLinesAtEnd = blanksPending;
        blanksPending = 0;
        return false;
    }

    private void returnBlank() {
        returningBlank = true;
        blanksPending--;
        firstBlankLine++;
        firstBlankOffset++;
    }

    /** The line where the record starts. */
    public long line() {
        return returningBlank ? firstBlankLine - 1 : recordLine;
    }

    /** The file offset of the record's first byte. */
    public long offset() {
        return returningBlank ? firstBlankOffset - 1 : recordOffset;
    }

    /** Whether the record is a blank line. */
    public boolean isBlank() {
        return returningBlank || recordBlank;
    }

    /** How many fields the record has (0 for a blank line). */
    public int fieldCount() {
        return returningBlank ? 0 : recordFields;
    }

    /** What is wrong with the record's quoting or length, or {@code null} when nothing is. */
    public Malformation malformation() {
        return returningBlank ? null : recordMalformation;
    }

    /**
     * Whether a strict RFC 4180 reader reads this record exactly as this reader does: not blank, well-formed,
     * with the contract's number of fields, no quote inside an unquoted field and no lone CR.
     */
    public boolean isStrict() {
        return !returningBlank && recordStrict;
    }

    /** The record's text as in the file, without its line end (cut at the limit for an over-long record). */
    public String rawText() {
        if (returningBlank || recordBlank) {
            return "";
        }
        if (cutText != null) {
            return new String(cutText, StandardCharsets.UTF_8);
        }
        return new String(buffer, recordStart, recordEnd - recordStart, StandardCharsets.UTF_8);
    }

    /** Blank lines after the last record; known once {@link #next()} returned false. */
    public long blankLinesAtEnd() {
        return blankLinesAtEnd;
    }

    /** Whether a line ended with a lone CR anywhere so far. */
    public boolean sawLoneCarriageReturn() {
        return loneCarriageReturns;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void skipByteOrderMark() throws IOException {
        while (limit - pos < 3 && fill()) {
            // read until three bytes or the end
        }
        if (limit - pos >= 3 && buffer[pos] == (byte) 0xEF && buffer[pos + 1] == (byte) 0xBB
                && buffer[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /** Reads one record of the file, header and blank lines included; false at the end of the file. */
    private boolean read() throws IOException {
        recordStart = pos;
        cutText = null;
        if (pos == limit && !fill()) {
            return false;
        }
        recordLine = line;
        recordOffset = bufferOffset + recordStart;
        recordMalformation = null;
        recordBlank = false;
        int state = FIELD_START;
        int field = 0;
        boolean quoteInUnquoted = false;
        boolean loneCarriageReturn = false;
        int quoteOpenedAt = -1; // relative to the record's start
        long quoteOpenedOnLine = 0;
        int firstBreakAt = -1; // the record's first line end, inside a quoted field, relative to its start
        int firstBreakField = 0;
        while (true) {
            if (state == UNQUOTED || state == QUOTED) {
                // skip what changes nothing, up to the buffer's end or the record's limit, whichever comes first
                boolean[] plain = state == UNQUOTED ? PLAIN_UNQUOTED : PLAIN_QUOTED;
                int end = (int) Math.min(limit, (long) recordStart + maxRecordBytes + 1);
                while (pos < end && plain[buffer[pos] & 0xFF]) {
                    pos++;
                }
            }
            if (pos == limit && !fill()) {
                if (state == QUOTED) {
                    return unterminated(field, quoteOpenedAt, quoteOpenedOnLine, true);
                }
                return ended(pos, field, state, quoteInUnquoted, loneCarriageReturn, firstBreakAt, firstBreakField);
            }
            if (pos - recordStart > maxRecordBytes) {
                if (state == QUOTED && lineEndAfter(recordStart + quoteOpenedAt, pos) >= 0) {
                    return unterminated(field, quoteOpenedAt, quoteOpenedOnLine, false);
                }
                return tooLong(field);
            }
            byte b = buffer[pos];
            if (state == QUOTED) {
                if (b == '"') {
                    state = QUOTE_SEEN;
                    pos++;
                } else if (b == '\n' || b == '\r') {
                    if (firstBreakAt < 0) {
                        firstBreakAt = pos - recordStart;
                        firstBreakField = field;
                    }
                    loneCarriageReturn |= !lineEnd();
                    if (nextLineIsARow()) {
                        return unterminated(field, quoteOpenedAt, quoteOpenedOnLine, false);
                    }
                } else {
                    pos++;
                }
                continue;
            }
            if (b == '\n' || b == '\r') {
                if (pos == recordStart) {
                    recordBlank = true;
                }
                int end = pos - recordStart; // the line end may move the buffer
                loneCarriageReturn |= !lineEnd();
                return ended(recordStart + end, field, state, quoteInUnquoted, loneCarriageReturn, firstBreakAt,
                        firstBreakField);
            }
            if (b == ',') {
                field++;
                state = FIELD_START;
            } else if (b == '"') {
                if (state == FIELD_START) {
                    state = QUOTED;
                    quoteOpenedAt = pos - recordStart;
                    quoteOpenedOnLine = line;
                } else if (state == QUOTE_SEEN) {
                    state = QUOTED;
                } else {
                    quoteInUnquoted = true;
                }
            } else {
                if (state == QUOTE_SEEN && recordMalformation == null) {
                    recordMalformation = new Malformation(field, "text after the closing quote");
                }
                state = UNQUOTED;
            }
            pos++;
        }
    }

    /**
     * Ends a record at {@code end}; a record spanning lines that is malformed or has a number of fields other
     * than the contract's ends at its first line instead, and reading goes on from its second line.
     */
    private boolean ended(int end, int field, int state, boolean quoteInUnquoted, boolean loneCarriageReturn,
                          int firstBreakAt, int firstBreakField) throws IOException {
        if (firstBreakAt >= 0 && (recordMalformation != null || field + 1 != expectedFields)) {
            recordEnd = recordStart + firstBreakAt;
            pos = recordEnd;
            line = recordLine;
            lineEnd();
            return malformed(firstBreakField, unterminatedQuote(recordLine));
        }
        recordEnd = end;
        recordFields = recordBlank ? 0 : field + 1;
        recordStrict = !recordBlank && recordMalformation == null && state != QUOTED && !quoteInUnquoted
                && !loneCarriageReturn && recordFields == expectedFields;
        return true;
    }

    private boolean malformed(int field, String description) {
        recordMalformation = new Malformation(field, description);
        recordFields = field + 1;
        recordStrict = false;
        return true;
    }

    private static String unterminatedQuote(long quoteOpenedOnLine) {
        return "unterminated quoted field (the quote opens on line " + quoteOpenedOnLine + ")";
    }

    /**
     * Ends a record whose quote never closed at the end of the line where the quote opened, and reads on from
     * the line after it; the whole rest when the quote opened on the last line.
     */
    private boolean unterminated(int field, int quoteOpenedAt, long quoteOpenedOnLine, boolean atEndOfInput)
            throws IOException {
        int lineEnd = lineEndAfter(recordStart + quoteOpenedAt, pos);
        if (lineEnd < 0) { // only when the record grew past the limit on the quote's own line
            recordEnd = Math.min(pos, recordStart + maxRecordBytes);
            if (!atEndOfInput) {
                cutText = Arrays.copyOfRange(buffer, recordStart, recordEnd);
                skipLine();
            }
            return malformed(field, unterminatedQuote(quoteOpenedOnLine));
        }
        recordEnd = lineEnd;
        pos = lineEnd;
        line = quoteOpenedOnLine;
        if (!lineEnd()) {
            loneCarriageReturns = true;
        }
        return malformed(field, unterminatedQuote(quoteOpenedOnLine));
    }

    /** Cuts an over-long record at the limit and skips the rest of its line. */
    private boolean tooLong(int field) throws IOException {
        recordEnd = recordStart + maxRecordBytes;
        cutText = Arrays.copyOfRange(buffer, recordStart, recordEnd);
        skipLine();
        return malformed(field, "row longer than " + maxRecordBytes + " bytes (text cut at the limit)");
    }

    /** Skips to the start of the next line, whatever the quotes, keeping no bytes. */
    private void skipLine() throws IOException {
        while (true) {
            if (pos == limit) {
                recordStart = pos; // nothing to keep
                if (!fill()) {
                    return;
                }
            }
            byte b = buffer[pos];
            if (b == '\n' || b == '\r') {
                if (!lineEnd()) {
                    loneCarriageReturns = true;
                }
                return;
            }
            pos++;
        }
    }

    /**
     * Consumes the line end at {@code pos} (LF, CR or CRLF) and counts the line.
     *
     * @return false when it was a lone CR
     */
    private boolean lineEnd() throws IOException {
        byte b = buffer[pos++];
        line++;
        if (b == '\n') {
            return true;
        }
        if (pos == limit && !fill()) {
            loneCarriageReturns = true;
            return false;
        }
        if (buffer[pos] == '\n') {
            pos++;
            return true;
        }
        loneCarriageReturns = true;
        return false;
    }

    private static boolean[] plain(char... special) {
        boolean[] plain = new boolean[256];
        Arrays.fill(plain, true);
        for (char c : special) {
            plain[c] = false;
        }
        return plain;
    }

    /** The first line end in {@code buffer[from, to)}, or -1. */
    private int lineEndAfter(int from, int to) {
        for (int i = Math.max(from, recordStart); i < to; i++) {
            if (buffer[i] == '\n' || buffer[i] == '\r') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether the line starting at {@code pos}, read on its own, is a row: every quote closed on the line, no
     * text after a closing quote or quote inside an unquoted field, and the contract's number of fields. Reads
     * ahead without consuming anything.
     */
    private boolean nextLineIsARow() throws IOException {
        int offset = 0; // relative to pos: fill may move the buffer
        int state = FIELD_START;
        int fields = 1;
        while (true) {
            if (pos + offset == limit && !fill()) {
                return offset > 0 && state != QUOTED && fields == expectedFields;
            }
            if (offset > maxRecordBytes) {
                return false;
            }
            byte b = buffer[pos + offset];
            if (state == QUOTED) {
                if (b == '"') {
                    state = QUOTE_SEEN;
                } else if (b == '\n' || b == '\r') {
                    return false;
                }
            } else if (b == '\n' || b == '\r') {
                return offset > 0 && fields == expectedFields;
            } else if (b == ',') {
                fields++;
                state = FIELD_START;
            } else if (b == '"') {
                if (state == UNQUOTED) {
                    return false;
                }
                state = QUOTED;
            } else if (state == QUOTE_SEEN) {
                return false;
            } else {
                state = UNQUOTED;
            }
            offset++;
        }
    }

    /**
     * Makes at least one more byte available at {@code limit}, keeping the current record from
     * {@code recordStart}: moves it to the front of the buffer or grows the buffer.
     *
     * @return false at the end of the input
     */
    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        if (limit == buffer.length) {
            int keep = limit - recordStart;
            if (recordStart > 0) {
                System.arraycopy(buffer, recordStart, buffer, 0, keep);
                bufferOffset += recordStart;
                pos -= recordStart;
                recordEnd -= recordStart;
                recordStart = 0;
                limit = keep;
            }
            if (limit == buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, 16));
            }
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        while (read == 0) {
            read = in.read(buffer, limit, buffer.length - limit);
        }
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        limit += read;
        return true;
    }
}
