package org.olistdw.analytics.duckdb;

/** Turns the text of a model file into a select that can follow {@code create table ... as}. */
final class ModelSql {

    private ModelSql() {
    }

    /**
     * The model's select without trailing semicolons, blank lines and line comments after its last
     * statement text; leading comments are kept (they are whitespace to DuckDB).
     */
    static String asSelect(String sql) {
        String[] lines = sql.strip().split("\\R", -1);
        int last = lines.length - 1;
        while (last >= 0 && (lines[last].isBlank() || lines[last].strip().startsWith("--"))) {
            last--;
        }
        StringBuilder select = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            select.append(lines[i]).append('\n');
        }
        String text = select.toString().strip();
        while (text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }
}
