package org.olistdw.pipeline.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Extraction checks for one source file: it exists and is readable, every byte is valid UTF-8, and its
 * header line names exactly the contract's columns in order (quotes around names and a leading byte
 * order mark are allowed). Also computes the size and SHA-256 in the same single pass.
 */
public final class SourceInspector {

    private static final int BUFFER = 1 << 16;

    private SourceInspector() {
    }

    public static SourceFile inspect(SourceTable table, Path dir) {
        Path path = dir.resolve(table.fileName());
        if (!Files.exists(path)) {
            throw new SourceFileProblem("missing source file " + table.fileName() + " in " + dir);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new SourceFileProblem("cannot read source file " + path);
        }
        MessageDigest sha = sha256();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        StringBuilder headerLine = new StringBuilder();
        boolean headerDone = false;
        long size = 0;
        long line = 1;
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        try (InputStream in = Files.newInputStream(path)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n == -1) {
                    eof = true;
                } else {
                    sha.update(bytes.array(), bytes.position(), n);
                    size += n;
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, eof);
                bytes.compact();
                chars.flip();
                while (chars.hasRemaining()) {
                    char c = chars.get();
                    if (c == '\n') {
                        line++;
                        headerDone = true;
                    } else if (!headerDone && headerLine.length() < 10_000) {
                        headerLine.append(c);
                    }
                }
                chars.clear();
                if (result.isError()) {
                    throw new SourceFileProblem(table.fileName() + " is not valid UTF-8 at line " + line
                            + " (save it as UTF-8)");
                }
            }
            if (decoder.flush(chars).isError()) {
                throw new SourceFileProblem(table.fileName() + " is not valid UTF-8 at its end");
            }
        } catch (NoSuchFileException e) {
            throw new SourceFileProblem("missing source file " + table.fileName() + " in " + dir, e);
        } catch (IOException e) {
            throw new SourceFileProblem("cannot read source file " + path + ": " + e.getMessage(), e);
        }
        if (size == 0) {
            throw new SourceFileProblem(table.fileName() + " is empty (expected at least the header line)");
        }
        List<String> header = parseHeader(headerLine.toString());
        checkHeader(table, header);
        return new SourceFile(table, path.toAbsolutePath(), size, HexFormat.of().formatHex(sha.digest()), header);
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
        message.append(" (expected ").append(expected).append(", found ").append(found).append(')');
        throw new SourceFileProblem(message.toString());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
