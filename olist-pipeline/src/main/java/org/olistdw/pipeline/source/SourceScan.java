package org.olistdw.pipeline.source;

import java.io.FilterInputStream;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * What one read of a source file finds, independently of any CSV reader that loads it: its size and SHA-256,
 * whether every byte is valid UTF-8, whether it holds a forbidden {@linkplain ControlCharacters control character}
 * anywhere, how many data records it holds as {@link CsvRecords} reads them (RFC 4180,
 * with its rule for an unterminated quote), where each record starts, and whether the file is regular. The
 * record count is the file's rows read: the rows loaded and quarantined must add up to it.
 *
 * <p>A file is regular when every record is strict ({@link CsvRecords#isStrict()}: well-formed, the contract's
 * number of fields, no quote inside an unquoted field), lines end with LF or CRLF, there are no blank lines and no
 * record longer than {@link #MAX_RECORD_BYTES}. A regular file is read the same way by any strict RFC 4180
 * reader; an irregular one needs the lenient reader that quarantines what is wrong.
 *
 * <p>Line numbers: data record {@code r} (0-based, the header not counted) starts on line {@code r + 2} plus
 * the line breaks inside quoted fields before it; {@link #lineOf(long)} applies them, and
 * {@link #divergences()} lists where they change.
 */
public final class SourceScan {

    /** Records longer than this, in bytes, make a file irregular (the lenient reader cuts them). */
    public static final int MAX_RECORD_BYTES = 1 << 20;

    private static final int BUFFER = 1 << 16;

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
    private final boolean controlCharacters;
    private final boolean regular;
    private final long records;
    private final long[] recordStarts;
    private final Divergence[] divergences;

    private SourceScan(Path path, long sizeBytes, String sha256, long invalidUtf8Line, boolean controlCharacters,
                       boolean regular, long records, long[] recordStarts, Divergence[] divergences) {
        this.path = path;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.invalidUtf8Line = invalidUtf8Line;
        this.controlCharacters = controlCharacters;
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

    /**
     * Whether the file may hold a forbidden {@linkplain ControlCharacters control character} anywhere, header and
     * line ends included: true when one of their UTF-8 encodings occurs, and for a file that is not UTF-8. When
     * false, no field of the file holds one.
     */
    public boolean mayHoldControlCharacters() {
        return controlCharacters || !isUtf8();
    }

    /** Whether a strict RFC 4180 reader reads this file record for record as the lenient reader does. */
    public boolean isRegular() {
        return regular;
    }

    /** Data records (the header not counted), as {@link CsvRecords} reads them: the file's rows. */
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

    /** The single pass over the bytes: the records by {@link CsvRecords}, the digest and UTF-8 on the way. */
    private static final class Scanner {
        private final int expectedFields;

        Scanner(int expectedFields) {
            this.expectedFields = expectedFields;
        }

        SourceScan scan(Path file) {
            CheckedBytes bytes;
            boolean regular = true;
            long records = 0;
            long[] starts = new long[1024];
            List<Divergence> divergences = new ArrayList<>();
            long extraLines = 0;
            try (CheckedBytes in = new CheckedBytes(Files.newInputStream(file));
                 CsvRecords csv = new CsvRecords(in, expectedFields, MAX_RECORD_BYTES, BUFFER)) {
                bytes = in;
                while (csv.next()) {
                    regular &= csv.isStrict();
                    if (records == starts.length) {
                        if (starts.length >= Integer.MAX_VALUE / 2) {
                            regular = false; // offsets beyond an array: the strict reader is not used
                        } else {
                            starts = Arrays.copyOf(starts, starts.length * 2);
                        }
                    }
                    if (records < starts.length) {
                        starts[(int) records] = csv.offset();
                    }
                    long extra = csv.line() - records - 2;
                    if (extra != extraLines) {
                        divergences.add(new Divergence(records, extra));
                        extraLines = extra;
                    }
                    records++;
                }
                regular &= csv.blankLinesAtEnd() == 0 && !csv.sawLoneCarriageReturn();
                in.drain();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read source file " + file + ": " + e.getMessage(), e);
            }
            long invalidUtf8Line = bytes.firstInvalidOffset() < 0 ? -1 : lineAt(file, bytes.firstInvalidOffset());
            return new SourceScan(file, bytes.offset(), HexFormat.of().formatHex(bytes.sha256()), invalidUtf8Line,
                    bytes.sawControlCharacter(), regular, records, Arrays.copyOf(starts, (int) Math.min(records, starts.length)),
                    divergences.toArray(Divergence[]::new));
        }

        /** The line of byte {@code offset}: line ends (LF, CRLF or a lone CR) before it, plus one. */
        private static long lineAt(Path file, long offset) {
            long line = 1;
            boolean afterCarriageReturn = false;
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                long position = 0;
                int n;
                while (position < offset && (n = in.read(buffer)) >= 0) {
                    for (int i = 0; i < n && position < offset; i++, position++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            line += afterCarriageReturn ? 0 : 1;
                        } else if (b == '\r') {
                            line++;
                        }
                        afterCarriageReturn = b == '\r';
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read source file " + file + ": " + e.getMessage(), e);
            }
            return line;
        }
    }

    /**
     * The bytes as they are read: their count, their SHA-256, the offset of the first one not valid UTF-8 and
     * whether a forbidden control character occurs.
     */
    private static final class CheckedBytes extends FilterInputStream {
        private final MessageDigest sha = sha256Digest();
        private long offset;
        private long firstInvalidOffset = -1;
        /** UTF-8: continuation bytes still expected, and the range of the next one. */
        private int continuations;
        private int nextLow = 0x80;
        private int nextHigh = 0xBF;
        /** The lead byte of the UTF-8 sequence under way. */
        private int lead;
        private boolean controlCharacter;

        CheckedBytes(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int from, int length) throws IOException {
            int n = in.read(buffer, from, length);
            if (n > 0) {
                sha.update(buffer, from, n);
                for (int i = from; i < from + n; i++) {
                    byte b = buffer[i];
                    // printable ASCII outside a UTF-8 sequence needs nothing; b < 0x20 holds for every byte >= 0x80
                    if (b < 0x20 || b == 0x7F || continuations > 0) {
                        unusual(b & 0xFF, offset + i - from);
                    }
                }
                offset += n;
            } else if (n < 0 && continuations > 0) {
                continuations = 0;
                invalid(offset); // a sequence cut by the end of the file
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("every byte is checked");
        }

        /** Reads what the records did not need, so that the digest covers the whole file. */
        void drain() throws IOException {
            byte[] buffer = new byte[BUFFER];
            while (read(buffer, 0, buffer.length) >= 0) {
                // every byte counts
            }
        }

        long offset() {
            return offset;
        }

        long firstInvalidOffset() {
            return firstInvalidOffset;
        }

        byte[] sha256() {
            return sha.digest();
        }

        boolean sawControlCharacter() {
            return controlCharacter;
        }

        /** A byte that is a control, not ASCII, or inside a UTF-8 sequence. */
        private void unusual(int b, long at) {
            if (b == 0x7F || (b < 0x20 && b != '\t' && b != '\n' && b != '\r')) {
                controlCharacter = true; // C0 controls but the line breaks and tab, DEL
            }
            if (b >= 0x80 || continuations > 0) {
                utf8(b, at);
            }
        }

        private void utf8(int b, long at) {
            if (continuations > 0) {
                if (b < nextLow || b > nextHigh) {
                    invalid(at);
                    continuations = 0;
                    if (b >= 0x80) {
                        return;
                    }
                } else {
                    if (lead == 0xC2 && b <= 0x9F) {
                        controlCharacter = true; // U+0080 to U+009F, the C1 controls
                    }
                    continuations--;
                    nextLow = 0x80;
                    nextHigh = 0xBF;
                    return;
                }
            }
            if (b < 0x80) {
                return;
            }
            lead = b;
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
                invalid(at);
            }
        }

        private void expect(int count, int low, int high) {
            continuations = count;
            nextLow = low;
            nextHigh = high;
        }

        private void invalid(long at) {
            if (firstInvalidOffset < 0) {
                firstInvalidOffset = at;
            }
        }
    }

    /**
     * The hex SHA-256 of a file's bytes alone, without the rest of a scan: for telling whether a file is the one
     * an earlier run loaded, before deciding to load it.
     *
     * @throws IOException when the file cannot be read
     */
    public static String sha256Of(Path file) throws IOException {
        return sha256Of(file, () -> false).orElseThrow();
    }

    /**
     * {@link #sha256Of(Path)}, given up (empty) as soon as {@code stopped} says so, which it is asked before each
     * megabyte read.
     *
     * @throws IOException when the file cannot be read
     */
    public static Optional<String> sha256Of(Path file, BooleanSupplier stopped) throws IOException {
        MessageDigest digest = sha256Digest();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            while (!stopped.getAsBoolean()) {
                if (channel.read(buffer) < 0) {
                    return Optional.of(HexFormat.of().formatHex(digest.digest()));
                }
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return Optional.empty();
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
