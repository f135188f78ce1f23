package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DuckDbSettingsTest {

    private static final Path SPILL = Path.of("spill");

    @Test
    void defaults_read_the_real_models_with_one_thread_per_processor() {
        DuckDbSettings defaults = DuckDbSettings.defaults(SPILL);

        assertThat(defaults.modelRoot()).isEqualTo("sql/duckdb");
        assertThat(defaults.threads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(defaults.memoryLimit()).isEqualTo("4GB");
        assertThat(defaults.tempDirectory()).isEqualTo(SPILL);
    }

    @Test
    void a_model_root_is_a_classpath_folder_without_surrounding_slashes() {
        assertThat(DuckDbSettings.defaults(SPILL).withModelRoot("/models/chain/").modelRoot())
                .isEqualTo("models/chain");
    }

    @Test
    void rejects_a_memory_limit_that_is_not_an_amount_of_bytes() {
        assertThatThrownBy(() -> new DuckDbSettings("lots", 2, SPILL, "sql/duckdb"))
                .hasMessage("memory limit must be an amount of bytes such as 4GB or 512MiB, was 'lots'");
    }

    @Test
    void accepts_the_amounts_duckdb_reads() {
        for (String amount : new String[] {"4GB", "4G", "4GiB", "512mb", "1.5GB", "100KB", "2048 bytes"}) {
            assertThat(new DuckDbSettings(amount, 2, SPILL, "sql/duckdb").memoryLimit()).isEqualTo(amount);
        }
    }

    @Test
    void rejects_fewer_than_one_thread() {
        assertThatThrownBy(() -> new DuckDbSettings("1GB", 0, SPILL, "sql/duckdb"))
                .hasMessage("threads must be at least 1, was 0");
    }

    @Test
    void duckdb_gets_the_processors_the_other_sessions_leave_and_at_least_one() {
        assertThat(DuckDbSettings.threadsBeside(2, 2)).isOne();
        assertThat(DuckDbSettings.threadsBeside(1, 2)).isEqualTo(2);
        assertThat(DuckDbSettings.threadsBeside(2, 8)).isEqualTo(7);
        assertThat(DuckDbSettings.threadsBeside(4, 2)).isOne();
        assertThatThrownBy(() -> DuckDbSettings.threadsBeside(0, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
