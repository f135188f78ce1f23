package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The timer on a real in-memory DuckDB, and its percentiles on samples whose answer is worked out by hand. */
class QueryTimerTest {

    /** An in-memory database shared by every connection of this test while the anchor connection is open. */
    private static final String SHARED = "jdbc:duckdb::memory:query_timer_test";

    private Connection anchor;
    private final List<Connection> opened = new ArrayList<>();

    @BeforeEach
    void openSharedDatabase() throws SQLException {
        anchor = DriverManager.getConnection(SHARED);
        try (Statement statement = anchor.createStatement()) {
            statement.execute("create or replace sequence executions");
        }
    }

    @AfterEach
    void closeSharedDatabase() throws SQLException {
        anchor.close();
    }

    private QueryTimer.ConnectionSource counted() {
        return () -> {
            Connection connection = DriverManager.getConnection(SHARED);
            opened.add(connection);
            return connection;
        };
    }

    private static List<Duration> millis(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMillis).toList();
    }

    @Test
    void nearest_rank_percentiles_of_twenty_samples() {
        // 1..20 ms in any order: p50 is rank ceil(0.50 * 20) = 10, p95 rank ceil(0.95 * 20) = 19, max rank 20
        List<Duration> samples = new ArrayList<>(millis(IntStream.rangeClosed(1, 20).asLongStream().toArray()));
        Collections.shuffle(samples, new Random(7));

        assertThat(QueryTimer.percentile(samples, 50)).isEqualTo(Duration.ofMillis(10));
        assertThat(QueryTimer.percentile(samples, 95)).isEqualTo(Duration.ofMillis(19));
        assertThat(QueryTimer.percentiles(samples)).isEqualTo(new QueryTimer.Percentiles(10.0, 19.0, 20.0));
    }

    @Test
    void nearest_rank_percentiles_of_few_samples_are_measured_values() {
        // three samples: p50 is rank ceil(1.5) = 2, p95 rank ceil(2.85) = 3
        assertThat(QueryTimer.percentiles(millis(30, 10, 20))).isEqualTo(new QueryTimer.Percentiles(20.0, 30.0, 30.0));
        // four samples: p50 is rank ceil(2) = 2, not the mean of the middle two
        assertThat(QueryTimer.percentiles(millis(4, 1, 3, 2))).isEqualTo(new QueryTimer.Percentiles(2.0, 4.0, 4.0));
        assertThat(QueryTimer.percentiles(List.of(Duration.ofNanos(1_500_000))))
                .isEqualTo(new QueryTimer.Percentiles(1.5, 1.5, 1.5));
    }

    @Test
    void refuses_a_percentile_of_no_samples_or_outside_one_to_a_hundred() {
        assertThatThrownBy(() -> QueryTimer.percentile(List.of(), 50))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no samples");
        assertThatThrownBy(() -> QueryTimer.percentile(millis(1), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..100, was 0");
    }

    @Test
    void refuses_fewer_than_one_sample() {
        assertThatThrownBy(() -> new QueryTimer(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("samples must be at least 1, was 0");
    }

    @Test
    void counts_every_row_of_the_result() throws SQLException {
        QueryTimer.Result result = new QueryTimer(3).time(counted(),
                "select range as n, 'row ' || range as label from range(2500)");

        assertThat(result.rows()).isEqualTo(2500);
        assertThat(result.cold().p50()).isPositive();
        assertThat(result.cold().p50()).isLessThanOrEqualTo(result.cold().p95()).isLessThanOrEqualTo(result.cold().max());
        assertThat(result.warm().p50()).isLessThanOrEqualTo(result.warm().p95()).isLessThanOrEqualTo(result.warm().max());
    }

    @Test
    void each_cold_sample_opens_a_connection_of_its_own_and_the_warm_samples_share_one() throws SQLException {
        new QueryTimer(4).time(counted(), "select nextval('executions') as execution");

        // 4 cold connections, then 1 warm connection
        assertThat(opened).hasSize(5);
        assertThat(opened).allSatisfy(connection -> assertThat(connection.isClosed()).isTrue());
        // 4 cold executions, 1 untimed warm-up, 4 warm executions
        try (Statement statement = anchor.createStatement();
             ResultSet executions = statement.executeQuery("select currval('executions')")) {
            executions.next();
            assertThat(executions.getLong(1)).isEqualTo(9);
        }
    }

    @Test
    void a_query_whose_row_count_changes_between_executions_is_refused() {
        assertThatThrownBy(() -> new QueryTimer(2).time(counted(), "select * from range(nextval('executions'))"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returned 1 rows, then 2");
        assertThat(opened).allSatisfy(connection -> assertThat(connection.isClosed()).isTrue());
    }
}
