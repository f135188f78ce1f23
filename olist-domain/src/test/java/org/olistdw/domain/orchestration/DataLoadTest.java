package org.olistdw.domain.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataLoadTest {

    @Test
    void a_load_whose_rows_reconcile_is_accepted() {
        DataLoad load = new DataLoad("olist_orders_dataset.csv", "/data/olist_orders_dataset.csv", 10, "ab", 5, 4, 1);
        assertThat(load.rowsRead()).isEqualTo(load.rowsLoaded() + load.rowsQuarantined());
    }

    @Test
    void a_load_that_loses_rows_cannot_be_constructed() {
        assertThatThrownBy(() -> new DataLoad("olist_orders_dataset.csv", "/x", 10, "ab", 5, 3, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not reconcile: read 5 != loaded 3 + quarantined 1");
    }

    @Test
    void run_ids_must_be_positive() {
        assertThatThrownBy(() -> new RunId(0)).hasMessageContaining("run id must be positive, was 0");
    }
}
