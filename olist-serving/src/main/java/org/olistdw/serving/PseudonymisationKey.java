package org.olistdw.serving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import org.olistdw.domain.security.Pseudonymiser;

/**
 * The key of the pseudonyms shown by the dashboards and the SQL page, kept in a file apart from the warehouse:
 * created on first use with {@value #KEY_BYTES} bytes from a secure random source, readable and writable by its
 * owner only ({@code 0600}), and read as it is afterwards. Whoever holds the file can re-identify the pseudonyms;
 * replacing it unlinks everything shown before.
 */
public final class PseudonymisationKey {

    /** The key's length in bytes. */
    public static final int KEY_BYTES = 32;

    private PseudonymisationKey() {
    }

    /**
     * The pseudonymiser under the key in {@code file}, creating the file (and its directory) with a new key when
     * it does not exist.
     *
     * @throws UncheckedIOException when the file cannot be read or created
     * @throws IllegalArgumentException when the file holds fewer than {@value #KEY_BYTES} bytes
     */
    public static Pseudonymiser load(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Files.readAllBytes(file);
            if (key.length < KEY_BYTES) {
                throw new IllegalArgumentException("the pseudonymisation key " + file + " must hold at least "
                        + KEY_BYTES + " bytes, holds " + key.length);
            }
            try {
                return new Pseudonymiser(key);
            } finally {
                Arrays.fill(key, (byte) 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonymisation key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path written = Files.createTempFile(directory, ".pseudonymisation", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(written, key, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, written);
            } catch (FileAlreadyExistsException e) {
                // another process created it first: theirs is the key
            }
        } finally {
            Arrays.fill(key, (byte) 0);
            Files.deleteIfExists(written);
        }
    }
}
