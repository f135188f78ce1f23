package org.olistdw.pipeline.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the SQL files below a class-path folder, whether that folder is a directory (development, tests) or
 * inside a jar, including a shaded jar without directory entries: the jar this class was loaded from is
 * always searched as well.
 *
 * <p>Every reader of {@code sql/} on the class path goes through here: the SQL models, the quality checks,
 * the dashboard queries. Files are returned sorted by resource path; a path found in two class-path entries is
 * read once, from the first.
 */
public final class ClasspathSql {

    private static final String EXTENSION = ".sql";

    /** The SQL entries of each jar read, by name: see {@link #scanJar}. */
    private static final Map<JarStamp, Map<String, String>> JAR_SQL = new ConcurrentHashMap<>();

    /**
     * One SQL file.
     *
     * @param resource its class-path path, e.g. {@code sql/duckdb/core/dim_customer.sql}
     * @param folder   its folder relative to the root it was listed under, e.g. {@code core}; empty for a file
     *                 in the root itself, {@code a/b} for one two folders down
     * @param name     the file name without {@code .sql}
     * @param text     its content, as UTF-8
     */
    public record SqlFile(String resource, String folder, String name, String text) {

        /** Rejects a missing part. */
        public SqlFile {
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(text, "text");
        }

        /** How many folders below the root the file is: 0 in the root itself. */
        public int depth() {
            return folder.isEmpty() ? 0 : folder.split("/").length;
        }
    }

    private ClasspathSql() {
    }

    /**
     * The SQL files exactly one folder below {@code root} ({@code <root>/<folder>/<name>.sql}), the layout of
     * the SQL models; files in the root itself or deeper are left out.
     *
     * @throws UncheckedIOException when a class-path entry cannot be read
     */
    public static List<SqlFile> list(ClassLoader loader, String root) {
        return listTree(loader, root).stream().filter(file -> file.depth() == 1).toList();
    }

    /**
     * Every SQL file below {@code root}, in the root itself or at any depth below it.
     *
     * @throws UncheckedIOException when a class-path entry cannot be read
     */
    public static List<SqlFile> listTree(ClassLoader loader, String root) {
        Map<String, SqlFile> found = new TreeMap<>();
        try {
            Enumeration<URL> locations = loader.getResources(root);
            while (locations.hasMoreElements()) {
                scan(locations.nextElement(), root, found);
            }
            Path ownJar = ownJar();
            if (ownJar != null) {
                scanJar(ownJar, root, found);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list SQL files under class-path folder " + root, e);
        }
        return List.copyOf(new ArrayList<>(found.values()));
    }

    private static void scan(URL location, String root, Map<String, SqlFile> found) throws IOException {
        switch (location.getProtocol()) {
            case "file" -> scanDirectory(toPath(location), root, found);
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                URL jarFile = connection.getJarFileURL();
                if ("file".equals(jarFile.getProtocol())) {
                    scanJar(toPath(jarFile), root, found);
                } else {
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        add(sqlIn(jar), root, found);
                    }
                }
            }
            default -> throw new IllegalStateException("cannot list SQL files in " + location);
        }
    }

    private static void scanDirectory(Path rootDirectory, String root, Map<String, SqlFile> found) throws IOException {
        if (!Files.isDirectory(rootDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(rootDirectory)) {
            for (Path file : files.filter(ClasspathSql::isSqlFile).sorted().toList()) {
                String relative = rootDirectory.relativize(file).toString().replace('\\', '/');
                String resource = root + "/" + relative;
                if (!found.containsKey(resource)) {
                    found.put(resource, sqlFile(resource, relative, Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        }
    }

    /**
     * Adds the SQL files under {@code root} in the jar at {@code jarPath}. Each jar file is read once per process
     * (again only when its size or modification time changed): a shaded jar holds thousands of entries, and
     * every list of SQL would otherwise walk them all.
     */
    private static void scanJar(Path jarPath, String root, Map<String, SqlFile> found) throws IOException {
        Path real = jarPath.toRealPath();
        JarStamp stamp = new JarStamp(real, Files.size(real), Files.getLastModifiedTime(real).toMillis());
        Map<String, String> sql = JAR_SQL.get(stamp);
        if (sql == null) {
            try (JarFile jar = new JarFile(real.toFile())) {
                sql = sqlIn(jar);
            }
            JAR_SQL.keySet().removeIf(other -> other.jar().equals(real));
            JAR_SQL.put(stamp, sql);
        }
        add(sql, root, found);
    }

    /** Every {@code .sql} entry of the jar by name, with its text. */
    private static Map<String, String> sqlIn(JarFile jar) throws IOException {
        Map<String, String> sql = new TreeMap<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            JarEntry entry = entries.nextElement();
            if (!entry.isDirectory() && entry.getName().endsWith(EXTENSION)) {
                try (InputStream in = jar.getInputStream(entry)) {
                    sql.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return Map.copyOf(sql);
    }

    private static void add(Map<String, String> sql, String root, Map<String, SqlFile> found) {
        String prefix = root + "/";
        sql.forEach((name, text) -> {
            if (name.startsWith(prefix) && !found.containsKey(name)) {
                found.put(name, sqlFile(name, name.substring(prefix.length()), text));
            }
        });
    }

    /** A jar file as it was when read. */
    private record JarStamp(Path jar, long size, long modifiedMillis) {
    }

    private static SqlFile sqlFile(String resource, String relative, String text) {
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash);
        String fileName = relative.substring(slash + 1);
        return new SqlFile(resource, folder, fileName.substring(0, fileName.length() - EXTENSION.length()), text);
    }

    /** The jar this class was loaded from, if any: its SQL is found even if it holds no directory entries. */
    private static Path ownJar() {
        CodeSource source = ClasspathSql.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
            return null;
        }
        Path location = toPath(source.getLocation());
        return Files.isRegularFile(location) ? location : null;
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("not a file location: " + url, e);
        }
    }

    private static boolean isSqlFile(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(EXTENSION);
    }
}
