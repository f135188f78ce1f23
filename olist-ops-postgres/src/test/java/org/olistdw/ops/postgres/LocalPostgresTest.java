package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tests share a cluster in {@code target/test-postgres/stopped}, kept between test runs; each leaves it
 * stopped, as it found it.
 */
class LocalPostgresTest {

    private static Path data;

    @BeforeAll
    static void createAStoppedCluster() throws IOException {
        data = TestPostgres.ROOT.resolve("stopped");
        LocalPostgres.start(data).close();
    }

    @Test
    void keeps_its_data_across_a_stop_and_a_start_of_the_same_data_directory() throws Exception {
        try (LocalPostgres first = LocalPostgres.start(data)) {
            execute(first, "drop table if exists kept", "create table kept (note text)",
                    "insert into kept values ('survives a restart')");
        }

        try (LocalPostgres second = LocalPostgres.start(data)) {
            assertThat(queryOne(second, "select note from kept")).isEqualTo("survives a restart");
        }
    }

    @Test
    void a_server_that_cannot_start_fails_the_start_with_its_log_and_leaves_the_directory_free() throws Exception {
        Path broken = TestPostgres.ROOT.resolve("broken-config");
        LocalPostgres.start(broken).close();
        Path config = broken.resolve("postgresql.conf");
        String kept = Files.readString(config, StandardCharsets.UTF_8);
        Files.writeString(config, kept + "\nshared_buffers = 'not a size'\n", StandardCharsets.UTF_8);
        try {
            assertThatThrownBy(() -> LocalPostgres.start(broken))
                    .isInstanceOf(OpsStoreUnavailableException.class)
                    .hasMessageContaining("the embedded PostgreSQL did not start in " + broken)
                    .hasMessageContaining("shared_buffers");
        } finally {
            Files.writeString(config, kept, StandardCharsets.UTF_8);
        }

        try (LocalPostgres mended = LocalPostgres.start(broken)) {
            assertThat(queryOne(mended, "select 'up again'")).isEqualTo("up again");
        }
    }

    @Test
    void hands_over_a_file_another_user_put_in_its_cluster_when_the_server_is_denied_it() throws Exception {
        assumeTrue(ServerUser.current().switchesToNobody(), "only a server started by root runs as another user");
        Path options = data.resolve("postmaster.opts"); // rewritten by every start
        Files.setAttribute(options, "unix:uid", 0);
        Files.setAttribute(options, "unix:gid", 0);
        Files.setPosixFilePermissions(options, PosixFilePermissions.fromString("rw-------"));

        try (LocalPostgres server = LocalPostgres.start(data)) {
            assertThat(queryOne(server, "select 'up'")).isEqualTo("up");
        }
        assertThat(Files.getAttribute(options, "unix:uid")).isEqualTo(ServerUser.NOBODY);
    }

    @Test
    void creates_the_database_at_the_start_after_a_first_start_that_ended_before_creating_it() throws Exception {
        Path cluster = emptyDirectory("database-pending");
        try (LocalPostgres first = LocalPostgres.start(cluster)) {
            assertThat(cluster.resolve(LocalPostgres.DATABASE_PENDING)).doesNotExist();
            try (Connection c = DriverManager.getConnection(first.jdbcUrl("postgres"), first.user(), first.password());
                 Statement s = c.createStatement()) {
                s.execute("drop database " + LocalPostgres.DATABASE);
            }
        }
        Files.createFile(cluster.resolve(LocalPostgres.DATABASE_PENDING)); // as initdb leaves it

        try (LocalPostgres next = LocalPostgres.start(cluster)) {
            assertThat(queryOne(next, "select current_database()")).isEqualTo(LocalPostgres.DATABASE);
        }
        assertThat(cluster.resolve(LocalPostgres.DATABASE_PENDING)).doesNotExist();
    }

    @Test
    void starts_despite_a_stale_pid_file_naming_a_process_that_is_no_server() throws Exception {
        long notAServer = ProcessHandle.current().pid();
        Files.writeString(data.resolve("postmaster.pid"),
                notAServer + "\n" + data + "\n1700000000\n5432\n\n127.0.0.1\n  5432001  0\nready   \n",
                StandardCharsets.UTF_8);

        try (LocalPostgres server = LocalPostgres.start(data)) {
            assertThat(queryOne(server, "select 'up'")).isEqualTo("up");
        }
    }

    @Test
    void takes_over_a_server_left_running_by_a_process_that_was_killed() throws Exception {
        ServerUser.Result orphan = ServerUser.current().run(List.of(PostgresBinaries.unpacked().pgCtl().toString(),
                "-D", data.toString(), "-o", "-p " + freePort() + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''",
                "-l", data.resolve("orphan.log").toString(), "-w", "start"), Duration.ofSeconds(30));
        assertThat(orphan.succeeded()).as(orphan.output()).isTrue();

        try (LocalPostgres server = LocalPostgres.start(data)) {
            assertThat(queryOne(server, "select 'up'")).isEqualTo("up");
        }
    }

    @Test
    void refuses_a_second_server_on_a_data_directory_in_use_and_keeps_serving_the_first() throws SQLException {
        LocalPostgres first = TestPostgres.server();
        Path inUse = first.dataDirectory();

        assertThatThrownBy(() -> LocalPostgres.start(inUse))
                .isInstanceOf(OpsStoreUnavailableException.class)
                .hasMessage("the PostgreSQL data directory " + inUse + " is already in use by this process");
        assertThat(queryOne(first, "select 'still up'")).isEqualTo("still up");
    }

    @Test
    void refuses_a_data_directory_that_holds_something_else() throws IOException {
        Path data = Files.createDirectories(emptyDirectory("not-a-cluster"));
        Files.writeString(data.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> LocalPostgres.start(data))
                .isInstanceOf(OpsStoreUnavailableException.class)
                .hasMessageContaining("is neither empty nor a PostgreSQL cluster");
        assertThat(data.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void serves_the_operational_database_on_the_loopback_address() throws SQLException {
        LocalPostgres server = TestPostgres.server();

        assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/olist_operational");
        assertThat(queryOne(server, "select current_database() || ' ' || current_setting('server_version_num')"))
                .startsWith("olist_operational 17");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static Path emptyDirectory(String name) throws IOException {
        Path path = TestPostgres.ROOT.resolve(name);
        PostgresBinaries.deleteRecursively(path);
        Files.createDirectories(TestPostgres.ROOT);
        return path;
    }

    private static void execute(LocalPostgres server, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    private static String queryOne(LocalPostgres server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
