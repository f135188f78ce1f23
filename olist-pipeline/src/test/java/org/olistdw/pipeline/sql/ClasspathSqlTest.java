package org.olistdw.pipeline.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.pipeline.sql.ClasspathSql.SqlFile;

/** SQL files read the same from a class-path directory and from a jar, at every depth below the root. */
class ClasspathSqlTest {

    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        FILES.put("sql/q/02_second.sql", "select 2");
        FILES.put("sql/q/01_first.sql", "select 1");
        FILES.put("sql/q/postgres/02_second.sql", "select 2 -- pg");
        FILES.put("sql/q/drafts/old/03_draft.sql", "select 3");
        FILES.put("sql/q/README.md", "not sql");
        FILES.put("sql/other/core/x.sql", "select 'elsewhere'");
    }

    @TempDir
    Path temp;

    @Test
    void lists_every_sql_file_below_the_root_with_its_folder_in_resource_order() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory().toUri().toURL()}, null)) {
            assertThat(ClasspathSql.listTree(loader, "sql/q")).containsExactly(
                    new SqlFile("sql/q/01_first.sql", "", "01_first", "select 1"),
                    new SqlFile("sql/q/02_second.sql", "", "02_second", "select 2"),
                    new SqlFile("sql/q/drafts/old/03_draft.sql", "drafts/old", "03_draft", "select 3"),
                    new SqlFile("sql/q/postgres/02_second.sql", "postgres", "02_second", "select 2 -- pg"));
        }
    }

    @Test
    void a_jar_gives_the_same_files_as_a_directory_even_without_entries_for_its_subfolders() throws IOException {
        try (URLClassLoader fromDirectory = new URLClassLoader(new URL[] {directory().toUri().toURL()}, null);
             URLClassLoader fromJar = new URLClassLoader(new URL[] {jarWithDirectoryEntries().toUri().toURL()}, null)) {
            assertThat(ClasspathSql.listTree(fromJar, "sql/q")).isEqualTo(ClasspathSql.listTree(fromDirectory, "sql/q"));
        }
    }

    @Test
    void the_model_layout_is_the_files_exactly_one_folder_down() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory().toUri().toURL()}, null)) {
            assertThat(ClasspathSql.list(loader, "sql/q")).extracting(SqlFile::resource)
                    .containsExactly("sql/q/postgres/02_second.sql");
            assertThat(ClasspathSql.list(loader, "sql/other")).singleElement()
                    .satisfies(file -> {
                        assertThat(file.folder()).isEqualTo("core");
                        assertThat(file.depth()).isEqualTo(1);
                    });
        }
    }

    @Test
    void a_jar_written_again_is_read_again() throws IOException {
        Path jar = jarWithDirectoryEntries();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ClasspathSql.listTree(loader, "sql/q")).hasSize(4);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String directory : new String[] {"sql/", "sql/q/"}) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("sql/q/09_rewritten.sql"));
            out.write("select 'rewritten, and longer than the jar it replaces'".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(ClasspathSql.listTree(loader, "sql/q")).containsExactly(new SqlFile("sql/q/09_rewritten.sql",
                    "", "09_rewritten", "select 'rewritten, and longer than the jar it replaces'"));
        }
    }

    @Test
    void a_root_that_is_not_on_the_class_path_has_no_files() throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory().toUri().toURL()}, null)) {
            assertThat(ClasspathSql.listTree(loader, "sql/absent")).isEmpty();
        }
    }

    private Path directory() throws IOException {
        Path root = temp.resolve("classes");
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return root;
    }

    /** A jar of the files with directory entries for the root only, which a class loader needs to find it. */
    private Path jarWithDirectoryEntries() throws IOException {
        Path jar = temp.resolve("sql.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String directory : new String[] {"sql/", "sql/q/"}) {
                out.putNextEntry(new JarEntry(directory));
                out.closeEntry();
            }
            for (Map.Entry<String, String> entry : FILES.entrySet()) {
                out.putNextEntry(new JarEntry(entry.getKey()));
                out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
