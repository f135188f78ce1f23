package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.domain.orchestration.ScheduledAttempt;
import org.olistdw.domain.orchestration.ScheduledAttempts;

/** Scheduled attempts in a real PostgreSQL: recorded as given, the latest per warehouse, and their constraints. */
class JdbiScheduledAttemptsTest {

    private static final String W = "/data/olist/warehouse.duckdb";
    private static final String OTHER = "/data/other/warehouse.duckdb";
    private static final Instant SLOT = Instant.parse("2026-12-07T02:00:00Z");

    private static String url;
    private static PostgresOps ops;
    private static ScheduledAttempts attempts;

    @BeforeAll
    static void connect() {
        url = TestPostgres.freshDatabase("scheduled_attempts_test");
        ops = PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password());
        attempts = ops.scheduledAttempts();
    }

    @AfterAll
    static void close() {
        ops.close();
    }

    @BeforeEach
    void forgetEarlierAttempts() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, TestPostgres.server().user(),
                TestPostgres.server().password()); Statement statement = connection.createStatement()) {
            statement.execute("truncate etl_orchestration.scheduled_attempts, etl_orchestration.pipeline_runs cascade");
        }
    }

    private static ScheduledAttempt attempt(String warehouse, int number, Optional<RunId> run, int exit,
                                            Optional<ScheduledAttempt.Alert> alert) {
        Instant started = SLOT.plusSeconds(60L * (number - 1));
        return new ScheduledAttempt("cron 0 2 * * * (UTC)", warehouse, SLOT, number, run, started,
                started.plusSeconds(20), exit == 0, exit, exit == 0 ? "run succeeded" : "run failed: x", alert);
    }

    @Test
    void an_attempt_reads_back_as_recorded_and_the_latest_is_per_warehouse() {
        RunId run = ops.pipelineRuns().start("olist-elt", SLOT, Map.of("warehouse", W));
        ScheduledAttempt refused = attempt(W, 1, Optional.empty(), 3, Optional.empty());
        ScheduledAttempt failed = attempt(W, 2, Optional.of(run), 1, Optional.of(ScheduledAttempt.Alert.FAILURE));
        ScheduledAttempt elsewhere = attempt(OTHER, 1, Optional.empty(), 0, Optional.empty());
        attempts.record(refused);
        attempts.record(failed);
        attempts.record(elsewhere);

        assertThat(attempts.latest(W)).contains(failed);
        assertThat(attempts.latest(OTHER)).contains(elsewhere);
        assertThat(attempts.latest("/nowhere.duckdb")).isEmpty();
        assertThat(attempts.recent(2)).containsExactly(elsewhere, failed);
        assertThat(attempts.recent(10)).containsExactly(elsewhere, failed, refused);
    }

    @Test
    void the_same_attempt_of_a_slot_cannot_be_recorded_twice() {
        attempts.record(attempt(W, 1, Optional.empty(), 1, Optional.empty()));

        assertThatThrownBy(() -> attempts.record(attempt(W, 1, Optional.empty(), 1, Optional.empty())))
                .hasMessageContaining("scheduled_attempts_one_per_number");
    }
}
