package org.olistdw.tools.bench;

import java.util.Objects;

/**
 * One query of the dashboard set ({@code sql/dashboard/<nn>_<name>.sql}), as each engine runs it.
 *
 * @param name        the file name without {@code .sql}, e.g. {@code 01_monthly_revenue}
 * @param duckdbSql   the text DuckDB runs: the portable file
 * @param postgresSql the text PostgreSQL runs: {@code sql/dashboard/postgres/<name>.sql} when there is one,
 *                    otherwise the same portable text
 */
record DashboardQuery(String name, String duckdbSql, String postgresSql) {

    /** Rejects a missing name or a blank query text. */
    public DashboardQuery {
        Objects.requireNonNull(name, "name");
        if (duckdbSql == null || duckdbSql.isBlank()) {
            throw new IllegalArgumentException("dashboard query " + name + " has no DuckDB text");
        }
        if (postgresSql == null || postgresSql.isBlank()) {
            throw new IllegalArgumentException("dashboard query " + name + " has no PostgreSQL text");
        }
    }

    /** Whether PostgreSQL runs a rendering of its own rather than the portable text. */
    public boolean hasPostgresRendering() {
        return !duckdbSql.equals(postgresSql);
    }
}
