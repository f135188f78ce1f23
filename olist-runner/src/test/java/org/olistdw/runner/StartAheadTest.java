package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.ops.postgres.LocalPostgres;
import org.olistdw.ops.postgres.OpsStoreUnavailableException;

/** The embedded PostgreSQL started before the command line is parsed, with real servers in temporary directories. */
class StartAheadTest {

    @TempDir
    static Path work;

    @Test
    void only_a_run_over_the_embedded_store_starts_one_in_its_work_directory() {
        Path defaultDir = StartAhead.dataDirectoryOf(OlistCommandLine.workDir(new String[0]));

        assertThat(StartAhead.dataDirectoryWanted(new String[] {"run", "--source", "s", "--work-dir", "w"}, null))
                .contains(Path.of("w", "postgres").toAbsolutePath());
        assertThat(StartAhead.dataDirectoryWanted(new String[] {"run", "--work-dir=w2", "--source", "s"}, " "))
                .contains(Path.of("w2", "postgres").toAbsolutePath());
        assertThat(StartAhead.dataDirectoryWanted(new String[] {"run", "--source", "s"}, null)).contains(defaultDir);

        assertThat(StartAhead.dataDirectoryWanted(new String[0], null)).isEmpty();
        assertThat(StartAhead.dataDirectoryWanted(new String[] {"runs", "--work-dir", "w"}, null)).isEmpty();
        assertThat(StartAhead.dataDirectoryWanted(new String[] {"serve", "--work-dir", "w"}, null)).isEmpty();
        assertThat(StartAhead.dataDirectoryWanted(new String[] {"run", "--help"}, null)).isEmpty();
        assertThat(StartAhead.dataDirectoryWanted(new String[] {"run", "--source", "s", "-V"}, null)).isEmpty();
        assertThat(StartAhead.dataDirectoryWanted(
                new String[] {"run", "--source", "s", "--ops-url", "jdbc:postgresql://db/olist"}, null)).isEmpty();
        assertThat(StartAhead.dataDirectoryWanted(
                new String[] {"run", "--source", "s", "--ops-url=jdbc:postgresql://db/olist"}, null)).isEmpty();
        assertThat(StartAhead.dataDirectoryWanted(new String[] {"run", "--source", "s"}, "jdbc:postgresql://db/olist"))
                .isEmpty();
    }

    @Test
    void the_run_takes_the_server_started_for_its_directory_and_closing_leaves_it_to_the_run() throws SQLException {
        Path workDir = work.resolve("taken");
        Path data = StartAhead.dataDirectoryOf(workDir);

        LocalPostgres taken;
        try (StartAhead ahead = StartAhead.of(runIn(workDir), null)) {
            taken = StartAhead.take(data).orElseThrow();
            assertThat(StartAhead.take(data)).as("taken once").isEmpty();
        }
        try (LocalPostgres server = taken) {
            assertThat(server.dataDirectory()).isEqualTo(data);
            assertThat(queryOne(server, "select current_database()")).isEqualTo("olist_operational");
        }
    }

    @Test
    void a_server_started_for_another_directory_or_never_taken_is_stopped() throws SQLException {
        Path elsewhere = work.resolve("elsewhere");
        try (StartAhead ahead = StartAhead.of(runIn(elsewhere), null)) {
            assertThat(StartAhead.take(StartAhead.dataDirectoryOf(work.resolve("wanted")))).isEmpty();
            assertStartsAfresh(StartAhead.dataDirectoryOf(elsewhere));
        }

        Path untaken = work.resolve("untaken");
        try (StartAhead ahead = StartAhead.of(runIn(untaken), null)) {
            // the command ends without taking it, as one whose options are refused does
        }
        assertStartsAfresh(StartAhead.dataDirectoryOf(untaken));
    }

    @Test
    void a_start_that_failed_fails_the_run_that_takes_it_as_its_own_start_would() {
        Path workDir = work.resolve("busy");
        Path data = StartAhead.dataDirectoryOf(workDir);
        try (LocalPostgres holder = LocalPostgres.start(data); StartAhead ahead = StartAhead.of(runIn(workDir), null)) {
            assertThatThrownBy(() -> StartAhead.take(data))
                    .isInstanceOf(OpsStoreUnavailableException.class)
                    .hasMessage("the PostgreSQL data directory " + data + " is already in use by this process");
        }
    }

    private static String[] runIn(Path workDir) {
        return new String[] {"run", "--source", workDir.resolve("source").toString(), "--work-dir", workDir.toString()};
    }

    /** The directory is free again: its server was stopped and its lock released. */
    private static void assertStartsAfresh(Path data) throws SQLException {
        try (LocalPostgres again = LocalPostgres.start(data)) {
            assertThat(queryOne(again, "select 'up'")).isEqualTo("up");
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
