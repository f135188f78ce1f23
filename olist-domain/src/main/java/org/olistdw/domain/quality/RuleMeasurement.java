package org.olistdw.domain.quality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the analytical store found for one rule.
 *
 * @param rowsChecked the rows the rule looked at: the target's rows (after the rule's {@code where}) for
 *                    row-level kinds, 1 for a comparison of totals (reconciliations, freshness, volume)
 * @param rowsFailed  the offending rows (0 or 1 for a comparison of totals)
 * @param sample      up to the requested number of offending rows, each column name to its value as text
 *                    (null values are absent), columns in table order, rows in a stable order
 */
public record RuleMeasurement(long rowsChecked, long rowsFailed, List<Map<String, String>> sample) {

    public RuleMeasurement {
        if (rowsChecked < 0 || rowsFailed < 0) {
            throw new IllegalArgumentException("row counts must not be negative");
        }
        sample = sample.stream().map(row -> Collections.unmodifiableMap(new LinkedHashMap<>(row))).toList(); // keeps column order
    }
}
