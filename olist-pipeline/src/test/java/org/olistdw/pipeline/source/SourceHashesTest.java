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
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceHashesTest {

    @TempDir
    Path dir;

    @Test
    void a_file_as_it_was_when_its_hashing_began_gets_the_hash_computed_then() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        SourceHashes hashes = SourceHashes.startIn(dir);
        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
        assertThat(hashes.remembered()).isZero();
    }

    @Test
    void a_file_rewritten_with_its_size_and_modification_time_is_hashed_again() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        FileTime modified = Files.getLastModifiedTime(orders);
        SourceHashes hashes = SourceHashes.startIn(dir);
        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
        Thread.sleep(20); // past the file system's clock tick, so that the inode's change time moves

        // the same size and modification time, but the inode changed: the stat differs
        Files.writeString(orders, "order_id\nB\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(orders, modified);

        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nB\n"));
    }

    @Test
    void a_remembered_hash_is_handed_out_without_reading_a_file_whose_stat_is_unchanged() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        Path sellers = write(SourceTable.SELLERS, "seller_id\nS\n");
        Path memory = dir.resolve("work").resolve("source-hashes.tsv");
        SourceHashes first = SourceHashes.start(dir, memory, later());
        assertThat(first.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
        assertThat(first.sha256(sellers)).isEqualTo(sha256("seller_id\nS\n"));
        first.stop();
        assertThat(first.remembered()).isZero();
        String ordersHash = sha256("order_id\nA\n");
        List<String> lines = Files.readAllLines(memory, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3).anySatisfy(line -> assertThat(line)
                .startsWith(ordersHash + "\t11\t").endsWith("\t" + orders.toAbsolutePath()));

        // what the memory says is believed while the stat holds: a changed hash there is handed out as it is
        String invented = "0".repeat(64);
        Files.write(memory, lines.stream().map(line -> line.startsWith(ordersHash)
                ? invented + line.substring(64) : line).toList(), StandardCharsets.UTF_8);
        SourceHashes second = SourceHashes.start(dir, memory, later());
        assertThat(second.remembered()).isEqualTo(2);
        assertThat(second.sha256(orders)).isEqualTo(invented);
        assertThat(second.sha256(sellers)).isEqualTo(sha256("seller_id\nS\n"));
    }

    @Test
    void a_remembered_file_written_again_with_its_old_size_and_modification_time_is_hashed() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        FileTime modified = Files.getLastModifiedTime(orders);
        Path memory = dir.resolve("source-hashes.tsv");
        SourceHashes first = SourceHashes.start(dir, memory, later());
        first.sha256(orders);
        first.stop();
        Thread.sleep(20);

        Files.writeString(orders, "order_id\nB\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(orders, modified);

        SourceHashes second = SourceHashes.start(dir, memory, later());
        assertThat(second.remembered()).isZero();
        assertThat(second.sha256(orders)).isEqualTo(sha256("order_id\nB\n"));
    }

    @Test
    void a_file_changed_shortly_before_its_hashing_is_not_remembered() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        Path memory = dir.resolve("source-hashes.tsv");
        SourceHashes first = SourceHashes.start(dir, memory,
                Clock.offset(Clock.systemUTC(), SourceHashes.SETTLED.minusMillis(500)));
        first.sha256(orders);
        first.stop();

        assertThat(Files.exists(memory) ? Files.readAllLines(memory, StandardCharsets.UTF_8) : List.of())
                .noneMatch(line -> line.endsWith(orders.toAbsolutePath().toString()));
        assertThat(SourceHashes.start(dir, memory, later()).remembered()).isZero();
    }

    @Test
    void a_memory_that_is_not_one_is_ignored_and_the_files_are_hashed() throws Exception {
        Path orders = write(SourceTable.ORDERS, "order_id\nA\n");
        Path memory = dir.resolve("source-hashes.tsv");
        Files.writeString(memory, "not\tthe\tmemory\n", StandardCharsets.UTF_8);

        SourceHashes hashes = SourceHashes.start(dir, memory, later());
        assertThat(hashes.remembered()).isZero();
        assertThat(hashes.sha256(orders)).isEqualTo(sha256("order_id\nA\n"));
        hashes.stop();
        assertThat(Files.readAllLines(memory, StandardCharsets.UTF_8)).hasSize(2);
    }

    @Test
    void the_memory_keeps_the_hashes_of_other_source_directories() throws Exception {
        Path memory = dir.resolve("source-hashes.tsv");
        Path one = Files.createDirectory(dir.resolve("one"));
        Path two = Files.createDirectory(dir.resolve("two"));
        Files.writeString(one.resolve(SourceTable.ORDERS.fileName()), "order_id\nA\n", StandardCharsets.UTF_8);
        Files.writeString(two.resolve(SourceTable.ORDERS.fileName()), "order_id\nB\n", StandardCharsets.UTF_8);

        SourceHashes first = SourceHashes.start(one, memory, later());
        first.sha256(one.resolve(SourceTable.ORDERS.fileName()));
        first.stop();
        SourceHashes second = SourceHashes.start(two, memory, later());
        second.sha256(two.resolve(SourceTable.ORDERS.fileName()));
        second.stop();

        assertThat(SourceHashes.start(one, memory, later()).remembered()).isEqualTo(1);
        assertThat(SourceHashes.start(two, memory, later()).remembered()).isEqualTo(1);
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

    /** A clock a minute ahead: files written by the test are settled by then. */
    private static Clock later() {
        return Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1));
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
