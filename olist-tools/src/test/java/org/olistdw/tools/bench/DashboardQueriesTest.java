package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query set as the runner's class path holds it, and as a jar or a directory of another class path would. */
class DashboardQueriesTest {

    @TempDir
    Path temp;

    @Test
    void loads_between_eight_and_twelve_queries_in_file_name_order() {
        List<DashboardQuery> queries = DashboardQueries.load();

        assertThat(queries).hasSizeBetween(8, 12);
        assertThat(queries).extracting(DashboardQuery::name).isSorted().doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[0-9]{2}_[a-z0-9_]+"));
        assertThat(queries.get(0).name()).isEqualTo("01_monthly_revenue");
    }

    @Test
    void each_query_opens_with_the_tile_it_serves_and_its_grain() {
        assertThat(DashboardQueries.load()).allSatisfy(query -> {
            assertThat(query.duckdbSql()).as(query.name()).startsWith("-- Dashboard tile: ");
            assertThat(query.duckdbSql()).as(query.name()).contains("\n-- Grain: ");
        });
    }

    @Test
    void a_query_without_a_postgres_rendering_gives_postgres_the_portable_text() {
        ClassLoader loader = DashboardQueries.class.getClassLoader();
        assertThat(DashboardQueries.load()).allSatisfy(query -> {
            boolean rendered = loader.getResource("sql/dashboard/postgres/" + query.name() + ".sql") != null;
            assertThat(query.hasPostgresRendering()).as(query.name()).isEqualTo(rendered);
            if (!rendered) {
                assertThat(query.postgresSql()).as(query.name()).isEqualTo(query.duckdbSql());
            }
        });
    }

    @Test
    void finds_the_queries_and_their_postgres_renderings_inside_a_jar() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("sql/", null);
        files.put("sql/dashboard/", null);
        files.put("sql/dashboard/02_second.sql", "select 2\n");
        files.put("sql/dashboard/01_first.sql", "select 1\n");
        files.put("sql/dashboard/postgres/", null);
        files.put("sql/dashboard/postgres/02_second.sql", "select 2 -- postgres\n");
        files.put("sql/dashboard/drafts/", null);
        files.put("sql/dashboard/drafts/03_draft.sql", "select 3\n");
        Path jar = jar(files);

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(DashboardQueries.load(loader)).containsExactly(
                    new DashboardQuery("01_first", "select 1", "select 1"),
                    new DashboardQuery("02_second", "select 2", "select 2 -- postgres"));
        }
    }

    @Test
    void refuses_a_postgres_rendering_without_its_portable_query() throws IOException {
        Path root = directory(Map.of(
                "sql/dashboard/01_first.sql", "select 1",
                "sql/dashboard/postgres/02_second.sql", "select 2"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> DashboardQueries.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("PostgreSQL rendering sql/dashboard/postgres/02_second.sql has no portable query "
                            + "sql/dashboard/02_second.sql");
        }
    }

    @Test
    void refuses_a_query_file_not_named_by_number_and_name() throws IOException {
        Path root = directory(Map.of("sql/dashboard/monthly revenue.sql", "select 1"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> DashboardQueries.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("dashboard query file sql/dashboard/monthly revenue.sql is not named "
                            + "<nn>_<name>.sql");
        }
    }

    @Test
    void refuses_a_class_path_without_queries() throws IOException {
        Path root = directory(Map.of("sql/duckdb/core/dim_date.sql", "select 1"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> DashboardQueries.load(loader))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("no dashboard queries under class-path folder sql/dashboard");
        }
    }

    /** A jar of the given entries; a null content makes a directory entry. */
    private Path jar(Map<String, String> entries) throws IOException {
        Path jar = temp.resolve("queries.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                if (entry.getValue() != null) {
                    out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        return jar;
    }

    private Path directory(Map<String, String> files) throws IOException {
        Path root = temp.resolve("classes");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }
}
