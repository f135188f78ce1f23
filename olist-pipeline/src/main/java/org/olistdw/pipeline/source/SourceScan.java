package org.olistdw.pipeline.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * What one read of a source file finds, independently of any CSV reader that loads it: its size and SHA-256,
 * whether every byte is valid UTF-8, how many data records it holds by RFC 4180 (a quoted field may hold commas,
 * doubled quotes and line breaks), where each record starts, and whether the file is regular.
 *
 * <p>A file is regular when every record has the contract's number of fields, every field is either unquoted
 * without quotes in it or quoted and closed right before a comma or a line end, lines end with LF or CRLF,
 * there are no blank lines and no record longer than {@link #MAX_RECORD_BYTES}. A regular file is read the same
 * way by any strict RFC 4180 reader; an irregular one needs the lenient reader that quarantines what is wrong.
 *
 * <p>Line numbers: data record {@code r} (0-based, the header not counted) starts on line {@code r + 2} plus
 * the line breaks inside quoted fields before it; {@link #lineOf(long)} applies them, and
 * {@link #divergences()} lists where they change.
 */
public final class SourceScan {

    /** Records longer than this, in bytes, make a file irregular (the lenient reader cuts them). */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    private static final int BUFFER = 1 << 16;
    private static final int[] BYTE_ORDER_MARK = {0xEF, 0xBB, 0xBF};

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;

    /**
     * From data record {@code fromRecord} on, records start {@code extraLines} lines further than their number
     * says, because of line breaks inside quoted fields before them.
     */
    public record Divergence(long fromRecord, long extraLines) {
    }

    private final Path path;
    private final long sizeBytes;
    private final String sha256;
    private final long invalidUtf8Line;
    private final boolean regular;
    private final long records;
    private final long[] recordStarts;
    private final Divergence[] divergences;

    private SourceScan(Path path, long sizeBytes, String sha256, long invalidUtf8Line, boolean regular,
                       long records, long[] recordStarts, Divergence[] divergences) {
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.invalidUtf8Line = invalidUtf8Line;
        this.regular = regular;
        this.records = records;
        this.recordStarts = recordStarts;
        this.divergences = divergences;
    }

    /** Scans {@code file} against the field count of {@code table}, on a new thread of its own. */
    public static CompletableFuture<SourceScan> start(SourceTable table, Path file) {
        return CompletableFuture.supplyAsync(() -> of(table, file), task -> {
            Thread thread = new Thread(task, "scan-" + table.tableName());
            thread.setDaemon(true);
            thread.start();
        });
    }

    /**
     * Reads {@code file} once.
     *
     * @throws UncheckedIOException when it cannot be read
     */
    public static SourceScan of(SourceTable table, Path file) {
        return new Scanner(table.columns().size()).scan(file);
    }

    /** The file scanned. */
    public Path path() {
        return path;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /** Hex SHA-256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    /** Whether every byte is valid UTF-8. */
    public boolean isUtf8() {
        return invalidUtf8Line < 0;
    }

    /** The line of the first byte that is not valid UTF-8, if any. */
    public OptionalLong firstInvalidUtf8Line() {
        return invalidUtf8Line < 0 ? OptionalLong.empty() : OptionalLong.of(invalidUtf8Line);
    }

    /** Whether a strict RFC 4180 reader reads this file record for record as the lenient reader does. */
    public boolean isRegular() {
        return regular;
    }

    /** Data records (the header not counted); meaningful as a count of rows when the file is regular. */
    public long records() {
        return records;
    }

    /** The points where line numbers move away from record numbers, in order. */
    public List<Divergence> divergences() {
        return List.of(divergences);
    }

    /** The line where data record {@code record} (0-based) starts. */
    public long lineOf(long record) {
        int low = 0;
        int high = divergences.length - 1;
        long extra = 0;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (divergences[mid].fromRecord() <= record) {
                extra = divergences[mid].extraLines();
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return record + 2 + extra;
    }

    /**
     * The texts of data records (0-based) as in the file, without their line ends, read with one open of the
     * file; only for a regular file.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public List<String> rawTexts(long[] recordNumbers) {
        if (!regular) {
            throw new IllegalStateException(path + " is not regular: its records have no exact offsets");
        }
        List<String> texts = new ArrayList<>(recordNumbers.length);
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            for (long record : recordNumbers) {
                if (record < 0 || record >= records) {
                    throw new IllegalArgumentException("no record " + record + " in " + path);
                }
                long start = recordStarts[(int) record];
                long end = record + 1 < records ? recordStarts[(int) record + 1] : sizeBytes;
                texts.add(text(channel, start, end));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        return texts;
    }

    private static String text(FileChannel channel, long start, long end) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) (end - start));
        while (bytes.hasRemaining() && channel.read(bytes, start + bytes.position()) >= 0) {
            // read until the record's end
        }
        int length = bytes.position();
        byte[] array = bytes.array();
        if (length > 0 && array[length - 1] == '\n') {
            length--;
            if (length > 0 && array[length - 1] == '\r') {
                length--;
            }
        }
        return new String(array, 0, length, StandardCharsets.UTF_8);
    }

    /** The single pass over the bytes. */
    private static final class Scanner {
        private final int expectedFields;
        private final MessageDigest sha = sha256Digest();
        private long offset;
        private long line = 1;
        private long invalidUtf8Line = -1;
        /** UTF-8: continuation bytes still expected, and the range of the next one. */
        private int continuations;
        private int nextLow = 0x80;
        private int nextHigh = 0xBF;
        private boolean regular = true;
        private int state = FIELD_START;
        private int fields = 1;
        private boolean recordEmpty = true;
        private boolean afterCarriageReturn;
        private boolean inHeader = true;
        private long bomBytes;
        private long recordStart;
        private long records;
        private long[] starts = new long[1024];
        private Divergence[] divergences = new Divergence[16];
        private int divergenceCount;
        private long extraLines;

        Scanner(int expectedFields) {
            this.expectedFields = expectedFields;
        }

        SourceScan scan(Path file) {
            byte[] buffer = new byte[BUFFER];
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sha.update(buffer, 0, n);
                    consume(buffer, n);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read source file " + file + ": " + e.getMessage(), e);
            }
            if (continuations > 0 && invalidUtf8Line < 0) {
                invalidUtf8Line = line;
            }
            endOfInput();
            return new SourceScan(file, offset, HexFormat.of().formatHex(sha.digest()), invalidUtf8Line, regular,
                    records, Arrays.copyOf(starts, (int) Math.min(records, starts.length)),
                    Arrays.copyOf(divergences, divergenceCount));
        }

        private void consume(byte[] buffer, int n) {
            for (int i = 0; i < n; i++, offset++) {
                int b = buffer[i] & 0xFF;
                if (b >= 0x80 || continuations > 0) {
                    utf8(b);
                }
                if (offset < BYTE_ORDER_MARK.length && b == BYTE_ORDER_MARK[(int) offset] && offset == bomBytes) {
                    bomBytes++; // a byte-order mark is not part of the header's text
                    continue;
                }
                if (afterCarriageReturn) {
                    afterCarriageReturn = false;
                    if (b != '\n') {
                        regular = false; // a lone CR ends a line for the lenient reader only
                    } else if (state != QUOTED) {
                        continue; // the LF of a CRLF that ended a record
                    } else {
                        continue; // the LF of a CRLF inside a quoted field: one line break
                    }
                }
                switch (state) {
                    case QUOTED -> {
                        if (b == '"') {
                            state = QUOTE_SEEN;
                        } else if (b == '\n' || b == '\r') {
                            line++;
                            extraLines++;
                            afterCarriageReturn = b == '\r';
                        }
                    }
                    default -> structural(b);
                }
            }
        }

        private void structural(int b) {
            if (b == '\n' || b == '\r') {
                endRecord();
                line++;
                afterCarriageReturn = b == '\r';
                return;
            }
            if (recordEmpty) {
                startRecord();
            }
            if (b == ',') {
                fields++;
                state = FIELD_START;
            } else if (b == '"') {
                if (state == FIELD_START) {
                    state = QUOTED;
                } else if (state == QUOTE_SEEN) {
                    state = QUOTED;
                } else {
                    regular = false; // a quote inside an unquoted field
                }
            } else {
                if (state == QUOTE_SEEN) {
                    regular = false; // text after the closing quote
                }
                state = UNQUOTED;
            }
        }

        private void startRecord() {
            recordEmpty = false;
            recordStart = offset;
            if (inHeader) {
                return;
            }
            if (records == starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[(int) records] = offset;
            long expectedExtra = divergenceCount == 0 ? 0 : divergences[divergenceCount - 1].extraLines();
            if (extraLines != expectedExtra) {
                if (divergenceCount == divergences.length) {
                    divergences = Arrays.copyOf(divergences, divergences.length * 2);
                }
                divergences[divergenceCount++] = new Divergence(records, extraLines);
            }
        }

        private void endRecord() {
            if (recordEmpty) {
                regular = false; // a blank line
                inHeader = false;
                return;
            }
            if (state == QUOTED) {
                regular = false;
            }
            if (offset - recordStart > MAX_RECORD_BYTES) {
                regular = false;
            }
            if (!inHeader) {
                if (fields != expectedFields) {
                    regular = false;
                }
                records++;
                if (records > Integer.MAX_VALUE - 16) {
                    regular = false;
                }
            }
            inHeader = false;
            recordEmpty = true;
            fields = 1;
            state = FIELD_START;
        }

        private void endOfInput() {
            if (state == QUOTED) {
                regular = false; // a quoted field never closed
            }
            if (!recordEmpty) {
                endRecord();
            }
        }

        private void utf8(int b) {
            if (continuations > 0) {
                if (b < nextLow || b > nextHigh) {
                    invalid();
                    continuations = 0;
                    if (b >= 0x80) {
                        return;
                    }
                } else {
                    continuations--;
                    nextLow = 0x80;
                    nextHigh = 0xBF;
                    return;
                }
            }
            if (b < 0x80) {
                return;
            }
            if (b >= 0xC2 && b <= 0xDF) {
                expect(1, 0x80, 0xBF);
            } else if (b == 0xE0) {
                expect(2, 0xA0, 0xBF);
            } else if (b == 0xED) {
                expect(2, 0x80, 0x9F);
            } else if (b >= 0xE1 && b <= 0xEF) {
                expect(2, 0x80, 0xBF);
            } else if (b == 0xF0) {
                expect(3, 0x90, 0xBF);
            } else if (b >= 0xF1 && b <= 0xF3) {
                expect(3, 0x80, 0xBF);
            } else if (b == 0xF4) {
                expect(3, 0x80, 0x8F);
            } else {
                invalid();
            }
        }

        private void expect(int count, int low, int high) {
            continuations = count;
            nextLow = low;
            nextHigh = high;
        }

        private void invalid() {
            if (invalidUtf8Line < 0) {
                invalidUtf8Line = line;
            }
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
