package org.olistdw.pipeline.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Extraction checks for one source file: it exists and is readable, every byte is valid UTF-8, and its
 * header line names exactly the contract's columns in order (quotes around names and a leading byte
 * order mark are allowed). {@link #inspectHeader} checks the header alone, leaving the bytes to the
 * {@link SourceScan} of the load; {@link #inspect} checks the whole file.
 */
public final class SourceInspector {

    /** The longest header line read, in bytes: far more than the nine contracts need. */
    private static final int MAX_HEADER_BYTES = 1 << 16;

    /** The most of a found header a message quotes. */
    private static final int MAX_QUOTED_CHARS = 120;

    private SourceInspector() {
    }

    /**
     * Checks the whole file: the header, then every byte, with its size and SHA-256 from one {@link SourceScan}.
     */
    public static SourceFile inspect(SourceTable table, Path dir) {
        SourceFile file = inspectHeader(table, dir);
        SourceScan scan;
        try {
            scan = SourceScan.of(table, file.path());
        } catch (UncheckedIOException e) {
            throw new SourceFileProblem("cannot read source file " + file.path() + ": " + e.getCause().getMessage(), e);
        }
        requireUtf8(table, scan);
        return file.scanned(scan);
    }

    /**
     * Checks that the file exists, is readable, is not empty and has the contract's header, reading the header
     * line only; the size is the file's, the SHA-256 is left to its {@link SourceScan}.
     */
    public static SourceFile inspectHeader(SourceTable table, Path dir) {
        Path path = dir.resolve(table.fileName());
        if (!Files.exists(path)) {
            if (Files.isSymbolicLink(path)) {
                throw new SourceFileProblem(brokenLink(table, dir, path));
            }
            throw new SourceFileProblem("missing source file " + table.fileName() + " in " + dir);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SourceFileProblem("cannot read source file " + path);
        }
        long size;
        byte[] headerBytes;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            size = Files.size(path);
            headerBytes = firstLine(in);
        } catch (NoSuchFileException e) {
            throw new SourceFileProblem("missing source file " + table.fileName() + " in " + dir, e);
        } catch (IOException e) {
            throw new SourceFileProblem("cannot read source file " + path + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new SourceFileProblem(table.fileName() + " is empty (expected at least the header line)");
        }
        String headerLine;
        try {
            headerLine = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(headerBytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SourceFileProblem(table.fileName() + " is not valid UTF-8 at line 1 (save it as UTF-8)", e);
        }
        int carriageReturn = headerLine.indexOf('\r');
        if (carriageReturn >= 0 && carriageReturn < headerLine.length() - 1) {
            throw new SourceFileProblem(table.fileName() + ": header does not match the contract: the file seems to"
                    + " use CR-only line ends (old Mac); save it with LF or CRLF line ends (found \""
                    + quoted(headerLine) + "\")");
        }
        List<String> header = parseHeader(headerLine);
        checkHeader(table, header);
        return new SourceFile(table, path.toAbsolutePath(), size, null, header);
    }

    /**
     * Fails when the scan found bytes that are not UTF-8, naming the file and the line.
     *
     * @throws SourceFileProblem when the file is not valid UTF-8
     */
    public static void requireUtf8(SourceTable table, SourceScan scan) {
        scan.firstInvalidUtf8Line().ifPresent(line -> {
            throw new SourceFileProblem(table.fileName() + " is not valid UTF-8 at line " + line
                    + " (save it as UTF-8)");
        });
    }

    /**
     * Why a symbolic link in place of the file leads nowhere: it is part of a loop of links, or its target does
     * not exist.
     */
    private static String brokenLink(SourceTable table, Path dir, Path link) {
        Set<Path> seen = new HashSet<>();
        Path current = link.toAbsolutePath().normalize();
        try {
            while (Files.isSymbolicLink(current)) {
                if (!seen.add(current)) {
                    return table.fileName() + " in " + dir + " is a symbolic link loop (through " + current + ")";
                }
                current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
            }
            current.toRealPath();
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("levels of symbolic links")) {
                return table.fileName() + " in " + dir + " is a symbolic link loop (" + e.getReason() + ")";
            }
        } catch (IOException e) {
            // reported below as a link to nothing
        }
        return table.fileName() + " in " + dir + " is a symbolic link to " + current + ", which does not exist";
    }

    /** At most {@value #MAX_QUOTED_CHARS} characters of {@code text}, control characters and line ends visible. */
    private static String quoted(String text) {
        String shown = text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS - 3) + "...";
        return ControlCharacters.visible(shown).replace("\r", "\\r").replace("\n", "\\n");
    }

    private static byte[] firstLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
        int b;
        while (line.size() < MAX_HEADER_BYTES && (b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        return line.toByteArray();
    }

    static List<String> parseHeader(String line) {
        String text = line;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        List<String> names = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            names.add(name);
        }
        return names;
    }

    static void checkHeader(SourceTable table, List<String> found) {
        List<String> expected = table.header();
        if (found.equals(expected)) {
            return;
        }
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(found);
        List<String> unexpected = new ArrayList<>(found);
        unexpected.removeAll(expected);
        StringBuilder message = new StringBuilder(table.fileName()).append(": header does not match the contract");
        if (!missing.isEmpty()) {
            message.append("; missing columns ").append(missing);
        }
        if (!unexpected.isEmpty()) {
            message.append("; unexpected columns ").append(unexpected);
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            message.append("; columns out of order");
        }
        message.append(" (expected ").append(expected).append(", found ").append(quoted(found.toString())).append(')');
        throw new SourceFileProblem(message.toString());
    }
}
