package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.olistdw.analytics.duckdb.Builds.lines;
import static org.olistdw.analytics.duckdb.Builds.query;
import static org.olistdw.analytics.duckdb.Builds.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.PublishedVersions.Rollback;
import org.olistdw.pipeline.build.Warehouse;
import org.olistdw.pipeline.build.WarehouseVersion;
import org.olistdw.pipeline.source.SourceTable;

/** Versions kept by publishing, and rollbacks, on real DuckDB files. */
class WarehouseVersionsTest {

    private static final String ORDER = "e481f51cbdc54678b7cc49136f2d6af7,9ef432eb6251297304e76186b10a928d,"
            + "delivered,2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,"
            + "2017-10-18 00:00:00";

    @TempDir
    Path directory;

    private Path published() {
        return directory.resolve("olist.duckdb");
    }

    private Path versionsDirectory() {
        return directory.resolve("olist.duckdb.versions");
    }

    private Warehouse warehouse(int keep) {
        return DuckDbWarehouse.open(published(), Builds.settings(directory, "models/chain"), keep);
    }

    /** Publishes run {@code run} holding {@code run} rows in raw.orders, so each warehouse tells which it is. */
    private void publish(Warehouse warehouse, long run) {
        try (DuckDbBuild build = Builds.newBuild(warehouse, run)) {
            String[] rows = new String[(int) run + 1];
            rows[0] = String.join(",", SourceTable.ORDERS.header());
            for (int i = 1; i <= run; i++) {
                rows[i] = ORDER;
            }
            build.raw().load(SourceTable.ORDERS, write(directory, "orders-" + run + ".csv", lines(rows)), q -> { });
            build.publish();
        }
    }

    private List<String> kept() throws IOException {
        if (!Files.isDirectory(versionsDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(versionsDirectory())) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    /** The run in raw.build and the rows of raw.orders of a warehouse file, read as a reader does. */
    private static List<List<Object>> runAndOrders(Path file) throws SQLException {
        try (Connection reader = Builds.reader(file)) {
            return query(reader, "select (select run_id from raw.build), (select count(*) from raw.orders)");
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * Leaves beside {@code published} the write-ahead log of another database, as a read-write client of a
     * different file would have left it had it crashed before its checkpoint.
     */
    private Path foreignLog(Path published) throws SQLException, IOException {
        Path other = directory.resolve("other.duckdb");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + other);
             Statement statement = connection.createStatement()) {
            statement.execute("create table notes (note varchar)");
            statement.execute("checkpoint");
            statement.execute("pragma disable_checkpoint_on_shutdown");
            statement.execute("insert into notes values ('never checkpointed')");
        }
        return Files.copy(BuildFiles.walOf(other), BuildFiles.walOf(published));
    }

    @Test
    void publishing_keeps_the_replaced_warehouse_by_a_second_name_under_its_run_and_only_the_newest()
            throws Exception {
        Warehouse warehouse = warehouse(3);
        publish(warehouse, 1);
        publish(warehouse, 2);
        publish(warehouse, 3);
        Object run3File = Files.readAttributes(published(), "unix:ino");

        publish(warehouse, 4);

        assertThat(kept()).containsExactly("run-2.duckdb", "run-3.duckdb");
        assertThat(Files.readAttributes(versionsDirectory().resolve("run-3.duckdb"), "unix:ino"))
                .as("the very file that was published, not a copy").isEqualTo(run3File);
        assertThat(runAndOrders(published())).containsExactly(List.of(4L, 4L));
        assertThat(runAndOrders(versionsDirectory().resolve("run-3.duckdb"))).containsExactly(List.of(3L, 3L));
        assertThat(runAndOrders(versionsDirectory().resolve("run-2.duckdb"))).containsExactly(List.of(2L, 2L));
    }

    @Test
    void keeping_one_warehouse_keeps_only_the_published_one() throws Exception {
        Warehouse warehouse = warehouse(1);
        publish(warehouse, 1);
        publish(warehouse, 2);

        assertThat(kept()).isEmpty();
        assertThat(runAndOrders(published())).containsExactly(List.of(2L, 2L));
        assertThatThrownBy(() -> DuckDbWarehouse.open(published(), Builds.settings(directory, "models/chain"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least the published");
    }

    @Test
    void a_rollback_moves_the_kept_version_back_keeps_the_published_one_and_can_be_undone() throws Exception {
        Warehouse warehouse = warehouse(3);
        publish(warehouse, 1);
        publish(warehouse, 2);
        publish(warehouse, 3);
        PublishedVersions versions = DuckDbWarehouse.versions(published());

        Rollback back = versions.rollBack(Optional.empty());

        assertThat(back).isEqualTo(new Rollback(Optional.of(new RunId(3)), new RunId(2), published().toString()));
        assertThat(runAndOrders(published())).containsExactly(List.of(2L, 2L));
        assertThat(kept()).containsExactly("run-1.duckdb", "run-3.duckdb");

        Rollback undone = versions.rollBack(Optional.of(new RunId(3)));

        assertThat(undone.to()).isEqualTo(new RunId(3));
        assertThat(runAndOrders(published())).containsExactly(List.of(3L, 3L));
        assertThat(kept()).containsExactly("run-1.duckdb", "run-2.duckdb");
        assertThat(versions.list()).extracting(v -> v.run().orElseThrow().value(), WarehouseVersion::current)
                .containsExactly(tuple(3L, true), tuple(2L, false), tuple(1L, false));
    }

    @Test
    void a_rollback_to_a_run_not_kept_is_refused_in_one_line_and_changes_nothing() throws Exception {
        Warehouse warehouse = warehouse(3);
        publish(warehouse, 1);
        publish(warehouse, 2);
        String before = sha256(published());

        assertThatThrownBy(() -> DuckDbWarehouse.versions(published()).rollBack(Optional.of(new RunId(7))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run 7 is not a kept version of " + published() + " (kept: 1)");
        assertThatThrownBy(() -> DuckDbWarehouse.versions(published()).rollBack(Optional.of(new RunId(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run 2 is already the published warehouse " + published());

        assertThat(sha256(published())).isEqualTo(before);
        assertThat(kept()).containsExactly("run-1.duckdb");
    }

    @Test
    void a_foreign_log_beside_the_published_warehouse_fails_the_next_build_in_one_line_and_a_rollback_mends_it()
            throws Exception {
        Warehouse warehouse = warehouse(3);
        publish(warehouse, 1);
        publish(warehouse, 2);
        Path log = foreignLog(published());
        String publishedBefore = sha256(published());
        String logBefore = sha256(log);

        assertThatThrownBy(() -> warehouse.newBuild(new RunId(3), Instant.parse("2019-01-04T00:00:00Z")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot create the build " + directory.resolve("olist.duckdb.build-3-"))
                .hasMessageMatching("cannot create the build \\S+\\.build-3-[0-9a-f]{12}: the published warehouse "
                        + java.util.regex.Pattern.quote(published().toString()) + " cannot be opened: .*")
                .hasMessageContaining("Failure while replaying WAL")
                .hasMessageEndingWith("roll back to a kept version with `olist rollback` (`olist versions` lists them)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        List<WarehouseVersion> listed = DuckDbWarehouse.versions(published()).list();

        assertThat(sha256(published())).isEqualTo(publishedBefore);
        assertThat(sha256(log)).isEqualTo(logBefore);
        assertThat(directory.resolve("olist.duckdb.build-3")).doesNotExist();
        assertThat(listed.get(0).current()).isTrue();
        assertThat(listed.get(0).run()).contains(new RunId(2));
        assertThat(listed.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("Failure while replaying WAL"));
        assertThat(listed.get(1).run()).contains(new RunId(1));

        Rollback back = DuckDbWarehouse.versions(published()).rollBack(Optional.empty());

        assertThat(back.from()).contains(new RunId(2));
        assertThat(back.to()).isEqualTo(new RunId(1));
        assertThat(log).doesNotExist();
        assertThat(runAndOrders(published())).containsExactly(List.of(1L, 1L));
        assertThat(kept()).containsExactly("run-2.duckdb");
    }
}
