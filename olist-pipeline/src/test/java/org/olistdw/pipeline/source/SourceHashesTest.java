package org.olistdw.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceHashesTest {

    @TempDir
    Path dir;

    @Test
    void a_file_as_it_was_when_its_hashing_began_gets_the_hash_computed_then() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        FileTime modified = Files.getLastModifiedTime(orders);
        SourceHashes hashes = SourceHashes.startIn(dir);
        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));

        // the same size and modification time: the hash computed ahead is handed out, not computed again
        Files.writeString(orders, "order_id\nB\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(orders, modified);

        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
    }

    @Test
    void a_file_changed_since_its_hashing_began_is_hashed_again() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        Path sellers = write(SourceTable.SELLERS, "seller_id\nS\n");
        FileTime modified = Files.getLastModifiedTime(orders);
        SourceHashes hashes = SourceHashes.startIn(dir);
        hashes.sha256(orders);
        hashes.sha256(sellers);

        Files.writeString(orders, "order_id\nB\n", StandardCharsets.UTF_8); // same size
        Files.setLastModifiedTime(orders, FileTime.fromMillis(modified.toMillis() + 2_000));
        Files.writeString(sellers, "seller_id\nS2\n", StandardCharsets.UTF_8); // other size
        Files.setLastModifiedTime(sellers, modified);

        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nB\n"));
        assertThat(hashes.sha256(sellers)).isEqualTo(sha256("seller_id\nS2\n"));
    }

    @Test
    void a_file_missing_when_hashing_began_or_not_a_source_file_is_hashed_when_asked_for() throws Exception {
        SourceHashes hashes = SourceHashes.startIn(dir);
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        Path other = dir.resolve("notes.txt");
        Files.writeString(other, "x", StandardCharsets.UTF_8);

        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
        assertThat(hashes.sha256(other)).isEqualTo(sha256("x"));
        assertThat(SourceHashes.none().sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
    }

    @Test
    void hashing_given_up_stops_reading_and_the_hash_is_then_computed_when_asked_for() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");

        assertThat(SourceScan.sha256Of(orders, () -> true)).isEmpty();
        assertThat(SourceScan.sha256Of(orders, () -> false)).contains(sha256("order_id\nA\n"));

        SourceHashes hashes = SourceHashes.startIn(dir);
        hashes.stop();
        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
    }

    @Test
    void a_file_gone_since_its_hashing_began_cannot_be_hashed() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        SourceHashes hashes = SourceHashes.startIn(dir);
        hashes.sha256(orders);
        Files.delete(orders);

        assertThatThrownBy(() -> hashes.sha256(orders)).isInstanceOf(NoSuchFileException.class);
    }

    private Path write(SourceTable table, String text) throws IOException {
        Path file = dir.resolve(table.fileName());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }
}
