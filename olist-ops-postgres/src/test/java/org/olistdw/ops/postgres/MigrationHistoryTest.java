package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.olistdw.ops.postgres.MigrationHistory.Migration;
import org.postgresql.ds.PGSimpleDataSource;

class MigrationHistoryTest {

    private static final String FOLDER = "migration-history/";

    @Test
    void a_fresh_database_is_migrated_by_flyway_which_records_the_checksums_computed_here() throws SQLException {
        PGSimpleDataSource database = database("history_fresh");

        assertThat(history("two").isAppliedIn(database, "etl_orchestration")).isFalse();
        assertThat(migrate(database, "two")).as("Flyway ran").isTrue();

        assertThat(applied(database)).containsExactlyElementsOf(history("two").migrations());
        assertThat(history("two").migrations()).extracting(Migration::version, Migration::description, Migration::script)
                .containsExactly(
                        tuple("1", "first table", "V1__first_table.sql"),
                        tuple("2", "second table", "V2__second_table.sql"));
        assertThat(history("two").isAppliedIn(database, "etl_orchestration")).isTrue();
    }

    @Test
    void a_database_whose_history_matches_the_migrations_is_not_migrated_again() throws SQLException {
        PGSimpleDataSource database = database("history_current");
        migrate(database, "two");

        assertThat(migrate(database, "two")).as("Flyway ran").isFalse();
        assertThat(applied(database)).hasSize(2);
    }

    @Test
    void a_pending_migration_is_applied_by_flyway() throws SQLException {
        PGSimpleDataSource database = database("history_pending");
        migrate(database, "one");

        assertThat(history("two").isAppliedIn(database, "etl_orchestration")).isFalse();
        assertThat(migrate(database, "two")).as("Flyway ran").isTrue();
        assertThat(applied(database)).containsExactlyElementsOf(history("two").migrations());
    }

    @Test
    void a_changed_migration_goes_to_flyway_whose_validation_fails() {
        PGSimpleDataSource database = database("history_changed");
        migrate(database, "two");

        assertThat(history("changed").isAppliedIn(database, "etl_orchestration")).isFalse();
        assertThatThrownBy(() -> migrate(database, "changed"))
                .isInstanceOf(OpsStoreUnavailableException.class)
                .hasMessageStartingWith("cannot migrate the operational schema at history_changed: ")
                .hasMessageContaining("checksum mismatch for migration version 2");
    }

    @Test
    void a_migration_applied_but_gone_from_the_class_path_goes_to_flyway_whose_validation_fails() {
        PGSimpleDataSource database = database("history_gap");
        migrate(database, "two");

        assertThat(history("gap").isAppliedIn(database, "etl_orchestration")).isFalse();
        assertThatThrownBy(() -> migrate(database, "gap"))
                .isInstanceOf(OpsStoreUnavailableException.class)
                .hasMessageContaining("applied migration not resolved locally: 2");
    }

    @Test
    void a_file_that_is_not_a_migration_leaves_the_decision_to_flyway() {
        PGSimpleDataSource database = database("history_misnamed");
        migrate(database, "two");

        assertThat(history("misnamed").migrations()).isEmpty();
        assertThat(history("misnamed").isAppliedIn(database, "etl_orchestration")).isFalse();
    }

    @Test
    void the_shipped_migrations_are_found_with_the_checksums_flyway_recorded() throws SQLException {
        PGSimpleDataSource database = database("history_shipped");
        PostgresOps.connect(database).close();

        MigrationHistory shipped = MigrationHistory.of(getClass().getClassLoader(),
                PostgresOps.MIGRATIONS.substring(PostgresOps.CLASSPATH.length()));
        assertThat(shipped.migrations()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(applied(database)).containsExactlyElementsOf(shipped.migrations());
        assertThat(shipped.isAppliedIn(database, "etl_orchestration")).isTrue();
        assertThat(PostgresOps.migrate(database, "history_shipped", PostgresOps.MIGRATIONS)).isFalse();
    }

    @Test
    void the_checksum_ignores_line_breaks_and_a_byte_order_mark() throws IOException {
        int plain = checksum("select 1;\nselect 2;\n");

        assertThat(checksum("\uFEFFselect 1;\r\nselect 2;\r\n")).isEqualTo(plain);
        assertThat(checksum("select 1;\rselect 2;")).isEqualTo(plain);
        assertThat(checksum("select 1;select 2;")).isEqualTo(plain);
        assertThat(checksum("select 1;\nselect 3;\n")).isNotEqualTo(plain);
        // CRC-32 of the bytes "a": 0xe8b7be43, as a signed int
        assertThat(checksum("a\n")).isEqualTo(0xe8b7be43);
    }

    private static int checksum(String text) throws IOException {
        return MigrationHistory.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MigrationHistory history(String folder) {
        return MigrationHistory.of(MigrationHistoryTest.class.getClassLoader(), FOLDER + folder);
    }

    private static boolean migrate(PGSimpleDataSource database, String folder) {
        return PostgresOps.migrate(database, database.getDatabaseName(), PostgresOps.CLASSPATH + FOLDER + folder);
    }

    private static PGSimpleDataSource database(String name) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(TestPostgres.freshDatabase(name));
        dataSource.setUser(TestPostgres.server().user());
        return dataSource;
    }

    /** The migrations Flyway recorded, in the order it applied them. */
    private static List<Migration> applied(PGSimpleDataSource database) throws SQLException {
        List<Migration> applied = new ArrayList<>();
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, description, script, checksum"
                     + " from etl_orchestration.flyway_schema_history where type = 'SQL' order by installed_rank")) {
            while (rows.next()) {
                applied.add(new Migration(rows.getString(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
            }
        }
        return applied;
    }
}
