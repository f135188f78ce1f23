package org.olistdw.serving;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.olistdw.domain.security.Pseudonymiser;

/**
 * Personal data in the warehouse, found by column name: {@code customer_unique_id}, {@code customer_id}, any
 * {@code ..._zip_code_prefix} and any {@code ..._city} (or {@code city}), each replaced by its pseudonym.
 *
 * <p>The dashboards' own queries name these columns as the warehouse does, so their results are pseudonymised
 * here by column name. The SQL page's statements are written by people, who could rename a column ({@code select
 * customer_city as c}) or compute on it; they are therefore run over views whose personal columns already hold
 * pseudonyms ({@link PseudonymisedCatalog}), never pseudonymised afterwards by name.
 */
final class PersonalData {

    private PersonalData() {
    }

    /** The kind of personal data a column of this name holds, if any. */
    static Optional<Pseudonymiser.Field> field(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        if (name.equals("customer_unique_id")) {
            return Optional.of(Pseudonymiser.Field.CUSTOMER_UNIQUE_ID);
        }
        if (name.equals("customer_id")) {
            return Optional.of(Pseudonymiser.Field.CUSTOMER_ID);
        }
        if (name.equals("zip_code_prefix") || name.endsWith("_zip_code_prefix")) {
            return Optional.of(Pseudonymiser.Field.ZIP_CODE_PREFIX);
        }
        if (name.equals("city") || name.endsWith("_city")) {
            return Optional.of(Pseudonymiser.Field.CITY);
        }
        return Optional.empty();
    }

    /** The value shown for {@code value} in column {@code column}: its pseudonym for personal data. */
    static Object shown(String column, Object value, Pseudonymiser pseudonymiser) {
        if (value == null) {
            return null;
        }
        return field(column).<Object>map(kind -> pseudonymiser.pseudonym(kind, value.toString())).orElse(value);
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
}
