package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olistdw.tools.bench.BenchFigures.Startup;

/** The marks of a run's log, on lines written by hand. */
class RunLogMarksTest {

    private static final long LAUNCHED = LocalDateTime.of(2026, 1, 2, 3, 4, 5).atZone(ZoneId.systemDefault())
            .toInstant().toEpochMilli();

    @Test
    void splits_the_time_outside_the_pipeline_at_the_marks() {
        List<String> log = List.of(
                "2026-01-02 03:04:05.900 INFO  [main] o.o.ops.postgres.LocalPostgres - created a PostgreSQL cluster in /w",
                "2026-01-02 03:04:07.100 INFO  [main] o.o.ops.postgres.LocalPostgres - embedded PostgreSQL on"
                        + " 127.0.0.1:5433 with data in /w/postgres started in 1150 ms",
                "2026-01-02 03:04:07.400 INFO  [main] o.o.ops.postgres.PostgresOps - operational schema migrated",
                "2026-01-02 03:04:07.600 INFO  [main] o.olistdw.pipeline.OlistPipeline - run 4 started: source /s,"
                        + " warehouse /w, 2 nodes at once",
                "    at a stack trace line without a time",
                "2026-01-02 03:04:12.600 INFO  [main] o.olistdw.pipeline.OlistPipeline - run 4 succeeded in 5000 ms:"
                        + " 10 rows read");

        Startup startup = RunLogMarks.startup(log, LAUNCHED, LAUNCHED + 8_000);

        // launch 05.000; PostgreSQL up at 07.100 after 1150 ms, so starting at 05.950; run 07.600 to 12.600;
        // exit at 13.000
        assertThat(startup).isEqualTo(new Startup(950, 1150, 500, 5000, 400));
    }

    @Test
    void without_postgresql_marks_the_first_line_ends_the_start_and_the_rest_is_unknown() {
        List<String> log = List.of(
                "2026-01-02 03:04:06.000 INFO  [main] o.olistdw.pipeline.OlistPipeline - run 4 started: source /s");

        assertThat(RunLogMarks.startup(log, LAUNCHED, LAUNCHED + 2_000)).isEqualTo(new Startup(1000, -1, -1, -1, -1));
    }
}
