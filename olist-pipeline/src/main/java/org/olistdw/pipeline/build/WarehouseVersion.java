package org.olistdw.pipeline.build;

import java.time.Instant;
import java.util.Optional;
import org.olistdw.domain.orchestration.RunId;

/**
 * One warehouse file: the published one or a kept version.
 *
 * @param run        the run that built it, from its {@code raw.build}; empty when the file cannot be read
 * @param current    whether it is the published warehouse readers open
 * @param file       the file
 * @param modifiedAt the file's last modification: when its build was written
 * @param asOf       the run's as-of time (its start), from {@code raw.build}
 * @param sizeBytes  the file's size
 * @param rows       its row counts, when it can be read
 * @param problem    why it cannot be opened, one line; empty when it can
 */
public record WarehouseVersion(Optional<RunId> run, boolean current, String file, Instant modifiedAt,
                               Optional<Instant> asOf, long sizeBytes, Optional<RowCounts> rows,
                               Optional<String> problem) {

    /**
     * What a warehouse holds, from its core tables.
     *
     * @param orders     rows of {@code core.fact_orders}
     * @param customers  people ({@code customer_unique_id}) with an order in {@code core.fact_orders}
     * @param orderItems rows of {@code core.fact_order_items}
     */
    public record RowCounts(long orders, long customers, long orderItems) {
    }
}
