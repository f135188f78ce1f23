package org.olistdw.serving;

import java.util.List;
import java.util.Map;

/**
 * The figures of one dashboard for one set of filters, as read from the marts: key figures and tables of rows,
 * each value as the warehouse gave it.
 *
 * @param dashboard the dashboard
 * @param filters   the filters applied
 * @param warehouse the published file read
 * @param kpis      key figures by name
 * @param tables    tables by name, in the order the page shows them
 */
record Report(Dashboard dashboard, Filters filters, String warehouse, Map<String, Object> kpis,
              Map<String, Table> tables) {

    /** Rows of one query, each a map from column name to value, columns in query order. */
    record Table(String title, List<String> columns, List<Map<String, Object>> rows) {

        /** The same rows under another title. */
        Table titled(String newTitle) {
            return new Table(newTitle, columns, rows);
        }
    }
}
