package org.olistdw.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.olistdw.pipeline.sql.ClasspathSql;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;

/**
 * The dashboard query set that {@code olist bench} times on both engines, read from the class path:
 * every {@code sql/dashboard/<nn>_<name>.sql}, in file-name order, each with its PostgreSQL rendering
 * {@code sql/dashboard/postgres/<nn>_<name>.sql} when a query cannot be written portably.
 *
 * <p>The files are found by {@link ClasspathSql}, in a class-path directory or inside a jar; files in other
 * folders below {@code sql/dashboard} are not queries. A name that is not {@code <nn>_<name>.sql} and a
 * PostgreSQL rendering without its portable query are refused with a message naming the file.
 */
final class DashboardQueries {

    /** The class-path folder of the query set. */
    static final String ROOT = "sql/dashboard";
    private static final String POSTGRES_FOLDER = "postgres";
    private static final Pattern FILE_NAME = Pattern.compile("[0-9]{2}_[a-z0-9_]+\\.sql");

    private DashboardQueries() {
    }

    /**
     * The query set on this class's class path, in file-name order.
     *
     * @throws IllegalStateException when there is no query, a file is misnamed, or a PostgreSQL rendering has
     *                               no portable query
     */
    static List<DashboardQuery> load() {
        return load(DashboardQueries.class.getClassLoader());
    }

    /** The query set on the given class path, in file-name order. */
    static List<DashboardQuery> load(ClassLoader loader) {
        Map<String, String> portable = new TreeMap<>();
        Map<String, String> postgres = new TreeMap<>();
        for (SqlFile file : ClasspathSql.listTree(loader, ROOT)) {
            String fileName = file.name() + ".sql";
            boolean rendering = file.folder().equals(POSTGRES_FOLDER);
            if (!file.folder().isEmpty() && !rendering) {
                continue;
            }
            if (!FILE_NAME.matcher(fileName).matches()) {
                throw new IllegalStateException("dashboard query file " + file.resource()
                        + " is not named <nn>_<name>.sql (two digits, then lower case, digits and underscores)");
            }
            (rendering ? postgres : portable).put(file.name(), file.text().strip());
        }
        for (String name : postgres.keySet()) {
            if (!portable.containsKey(name)) {
                throw new IllegalStateException("PostgreSQL rendering " + ROOT + "/" + POSTGRES_FOLDER + "/" + name
                        + ".sql has no portable query " + ROOT + "/" + name + ".sql");
            }
        }
        if (portable.isEmpty()) {
            throw new IllegalStateException("no dashboard queries under class-path folder " + ROOT);
        }
        List<DashboardQuery> queries = new ArrayList<>();
        portable.forEach((name, text) -> queries.add(new DashboardQuery(name, text, postgres.getOrDefault(name, text))));
        return List.copyOf(queries);
    }
}
