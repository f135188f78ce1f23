package org.olistdw.sample;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one CSV file, field by field, in UTF-8 and RFC 4180 quoting: a field is quoted when asked to or
 * when it contains a comma, a double quote or a line break, and inner double quotes are doubled. Empty
 * fields are never quoted (the published files write missing values as nothing).
 *
 * <p>Numbers, money and timestamps are formatted by hand straight into a large char buffer that is
 * encoded in bulk: no {@code String.format}, no per-field garbage, no lock per character.
 */
final class CsvSink implements Closeable {

    /** How a file ends its lines and whether it starts with a byte-order mark. */
    enum Layout {
        /** LF line ends, a final newline, no BOM: most published files. */
        UNIX,
        /** UTF-8 BOM, CRLF line ends, no final newline: the published category translation file. */
        WINDOWS_NO_FINAL_NEWLINE
    }

    private static final int BUFFER_CHARS = 1 << 20;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;
    private final Layout layout;
    private final char[] buffer = new char[BUFFER_CHARS];
    private int used;
    private final char[] scratch = new char[48];
    private boolean rowStarted;
    private boolean lineEndPending;
    private long rows;

    CsvSink(Path file, Layout layout) throws IOException {
        this.out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
        this.layout = layout;
        if (layout == Layout.WINDOWS_NO_FINAL_NEWLINE) {
            put('\uFEFF');
        }
    }

    private void put(char c) throws IOException {
        if (used == buffer.length) {
            drain();
        }
        buffer[used++] = c;
    }

    private void put(char[] chars, int length) throws IOException {
        if (used + length > buffer.length) {
            drain();
        }
        System.arraycopy(chars, 0, buffer, used, length);
        used += length;
    }

    private void put(String text, int from, int to) throws IOException {
        int length = to - from;
        if (used + length > buffer.length) {
            drain();
            if (length > buffer.length) {
                out.write(text, from, length);
                return;
            }
        }
        text.getChars(from, to, buffer, used);
        used += length;
    }

    private void drain() throws IOException {
        out.write(buffer, 0, used);
        used = 0;
    }

    /** Writes the header line (not counted as a row). */
    void header(List<String> names, boolean quoted) throws IOException {
        for (String name : names) {
            if (quoted) {
                quoted(name);
            } else {
                text(name);
            }
        }
        endLine();
    }

    /** Data rows written so far. */
    long rows() {
        return rows;
    }

    /** Ends a data row. */
    void endRow() {
        endLine();
        rows++;
    }

    private void endLine() {
        rowStarted = false;
        lineEndPending = true;
    }

    private void separator() throws IOException {
        if (lineEndPending) {
            if (layout == Layout.WINDOWS_NO_FINAL_NEWLINE) {
                put('\r');
            }
            put('\n');
            lineEndPending = false;
        }
        if (rowStarted) {
            put(',');
        }
        rowStarted = true;
    }

    /** An empty (missing) field. */
    CsvSink empty() throws IOException {
        separator();
        return this;
    }

    /** A text field, quoted only when its content requires it. */
    CsvSink text(String value) throws IOException {
        separator();
        if (value != null && !value.isEmpty()) {
            if (needsQuotes(value)) {
                writeQuoted(value);
            } else {
                put(value, 0, value.length());
            }
        }
        return this;
    }

    /** A text field, always quoted unless empty. */
    CsvSink quoted(String value) throws IOException {
        separator();
        if (value != null && !value.isEmpty()) {
            writeQuoted(value);
        }
        return this;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void writeQuoted(String value) throws IOException {
        put('"');
        int from = 0;
        for (int i = value.indexOf('"'); i >= 0; i = value.indexOf('"', i + 1)) {
            put(value, from, i + 1);
            put('"');
            from = i + 1;
        }
        put(value, from, value.length());
        put('"');
    }

    /** A 32-character lowercase hex id made of two 64-bit halves. */
    CsvSink id(long high, long low, boolean quote) throws IOException {
        separator();
        int p = 0;
        if (quote) {
            scratch[p++] = '"';
        }
        for (int shift = 60; shift >= 0; shift -= 4) {
            scratch[p++] = HEX[(int) (high >>> shift) & 0xF];
        }
        for (int shift = 60; shift >= 0; shift -= 4) {
            scratch[p++] = HEX[(int) (low >>> shift) & 0xF];
        }
        if (quote) {
            scratch[p++] = '"';
        }
        put(scratch, p);
        return this;
    }

    /** A whole number. */
    CsvSink integer(long value) throws IOException {
        separator();
        put(scratch, digits(value, 0));
        return this;
    }

    /** A zip code prefix: five digits with leading zeros, optionally quoted. */
    CsvSink zipPrefix(int prefix, boolean quote) throws IOException {
        separator();
        int p = 0;
        if (quote) {
            scratch[p++] = '"';
        }
        p = padded(prefix, 5, p);
        if (quote) {
            scratch[p++] = '"';
        }
        put(scratch, p);
        return this;
    }

    /** An amount of money with two decimals ({@code 199.90}) from a number of cents. */
    CsvSink money(long cents) throws IOException {
        separator();
        int p = 0;
        if (cents < 0) {
            scratch[p++] = '-';
            cents = -cents;
        }
        p = digits(cents / 100, p);
        scratch[p++] = '.';
        p = padded((int) (cents % 100), 2, p);
        put(scratch, p);
        return this;
    }

    /** A coordinate with up to 14 decimals and no trailing zeros ({@code -23.54562128115268}). */
    CsvSink coordinate(double degrees) throws IOException {
        separator();
        int p = 0;
        if (degrees < 0) {
            scratch[p++] = '-';
            degrees = -degrees;
        }
        long scaled = Math.round(degrees * 1e14);
        long whole = scaled / 100_000_000_000_000L;
        long fraction = scaled % 100_000_000_000_000L;
        p = digits(whole, p);
        scratch[p++] = '.';
        int start = p;
        p += 14;
        for (int i = p - 1; i >= start; i--) {
            scratch[i] = (char) ('0' + fraction % 10);
            fraction /= 10;
        }
        while (p > start + 1 && scratch[p - 1] == '0') {
            p--;
        }
        put(scratch, p);
        return this;
    }

    /** A timestamp {@code YYYY-MM-DD HH:MM:SS} from seconds since 1970-01-01T00:00 (no zone); empty when absent. */
    CsvSink timestamp(long epochSecond) throws IOException {
        separator();
        if (epochSecond == Timeline.NONE) {
            return this;
        }
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // Civil-from-days (H. Hinnant), valid for the proleptic Gregorian calendar.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int p = padded(year, 4, 0);
        scratch[p++] = '-';
        p = padded(month, 2, p);
        scratch[p++] = '-';
        p = padded(day, 2, p);
        scratch[p++] = ' ';
        p = padded(secondOfDay / 3600, 2, p);
        scratch[p++] = ':';
        p = padded(secondOfDay / 60 % 60, 2, p);
        scratch[p++] = ':';
        p = padded(secondOfDay % 60, 2, p);
        put(scratch, p);
        return this;
    }

    private int digits(long value, int p) {
        if (value < 0) {
            scratch[p++] = '-';
            value = -value;
        }
        int length = 1;
        for (long v = value; v >= 10; v /= 10) {
            length++;
        }
        for (int i = p + length - 1; i >= p; i--) {
            scratch[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return p + length;
    }

    private int padded(int value, int width, int p) {
        for (int i = p + width - 1; i >= p; i--) {
            scratch[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return p + width;
    }

    @Override
    public void close() throws IOException {
        try {
            if (lineEndPending && layout == Layout.UNIX) {
                put('\n');
            }
            lineEndPending = false;
            drain();
        } finally {
            out.close();
        }
    }
}
