package org.olistdw.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.olistdw.domain.security.Pseudonymiser;

/**
 * Personal data in what the dashboards and the SQL page show, found by column name: {@code customer_unique_id},
 * {@code customer_id}, any {@code ..._zip_code_prefix} and any {@code ..._city} (or {@code city}), each replaced by
 * its pseudonym. A value under another name (an alias) is not recognised.
 */
final class PersonalData {

    private PersonalData() {
    }

    /** Whether a column of this name holds personal data. */
    static boolean personal(String column) {
        String name = column.toLowerCase(java.util.Locale.ROOT);
        return name.equals("customer_unique_id") || name.equals("customer_id") || name.equals("zip_code_prefix")
                || name.endsWith("_zip_code_prefix") || name.equals("city") || name.endsWith("_city");
    }

    /** The value shown for {@code value} in column {@code column}: its pseudonym for personal data. */
    static Object shown(String column, Object value, Pseudonymiser pseudonymiser) {
        if (value == null || !personal(column)) {
            return value;
        }
        String name = column.toLowerCase(java.util.Locale.ROOT);
        String text = value.toString();
        if (name.equals("customer_unique_id")) {
            return pseudonymiser.customerUniqueId(text);
        }
        if (name.equals("customer_id")) {
            return pseudonymiser.customerId(text);
        }
        if (name.endsWith("zip_code_prefix")) {
            return pseudonymiser.zipCodePrefix(text);
        }
        return pseudonymiser.city(text);
    }

    /** The report with its personal data pseudonymised. */
    static Report pseudonymised(Report report, Pseudonymiser pseudonymiser) {
        Map<String, Object> kpis = new LinkedHashMap<>();
        report.kpis().forEach((name, value) -> kpis.put(name, shown(name, value, pseudonymiser)));
        Map<String, Report.Table> tables = new LinkedHashMap<>();
        report.tables().forEach((name, table) -> {
            List<Map<String, Object>> rows = new ArrayList<>(table.rows().size());
            for (Map<String, Object> row : table.rows()) {
                Map<String, Object> shownRow = new LinkedHashMap<>();
                row.forEach((column, value) -> shownRow.put(column, shown(column, value, pseudonymiser)));
                rows.add(shownRow);
            }
            tables.put(name, new Report.Table(table.title(), table.columns(), rows));
        });
        return new Report(report.dashboard(), report.filters(), report.warehouse(), kpis, tables);
    }

    /** The statement's result with its personal data pseudonymised. */
    static SqlConsole.Result pseudonymised(SqlConsole.Result result, Pseudonymiser pseudonymiser) {
        List<List<Object>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            List<Object> shownRow = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                shownRow.add(shown(result.columns().get(i), row.get(i), pseudonymiser));
            }
            rows.add(shownRow);
        }
        return new SqlConsole.Result(result.columns(), rows, result.truncated(), result.millis());
    }

    /** Whether any column of these holds personal data. */
    static boolean any(List<String> columns) {
        return columns.stream().anyMatch(PersonalData::personal);
    }
}
