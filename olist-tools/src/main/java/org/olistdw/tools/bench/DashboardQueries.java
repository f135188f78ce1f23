package org.olistdw.tools.bench;

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
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dashboard query set that {@code olist bench} times on both engines, read from the class path:
 * every {@code sql/dashboard/<nn>_<name>.sql}, in file-name order, each with its PostgreSQL rendering
 * {@code sql/dashboard/postgres/<nn>_<name>.sql} when a query cannot be written portably.
 *
 * <p>The files are found in a class-path directory (development, tests) or inside a jar (the shaded
 * runner, whose directory entries are not relied upon). A name that is not {@code <nn>_<name>.sql} and a
 * PostgreSQL rendering without its portable query are refused with a message naming the file.
 *
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
        Map<String, String> files = new TreeMap<>();
        try {
            Enumeration<URL> locations = loader.getResources(ROOT);
            while (locations.hasMoreElements()) {
                scan(locations.nextElement(), files);
            }
            Path ownJar = ownJar();
            if (ownJar != null && loader == DashboardQueries.class.getClassLoader()) {
                try (JarFile jar = new JarFile(ownJar.toFile())) {
                    scanJar(jar, files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the dashboard queries under class-path folder " + ROOT, e);
        }
        return assemble(files);
    }

    /** Pairs each portable file with its PostgreSQL rendering; keys are paths below the root. */
    private static List<DashboardQuery> assemble(Map<String, String> files) {
        List<DashboardQuery> queries = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            String path = file.getKey();
            String fileName = path.substring(path.lastIndexOf('/') + 1);
            if (!FILE_NAME.matcher(fileName).matches()) {
                throw new IllegalStateException("dashboard query file " + ROOT + "/" + path
                        + " is not named <nn>_<name>.sql (two digits, then lower case, digits and underscores)");
            }
            if (path.startsWith(POSTGRES_FOLDER + "/")) {
                if (!files.containsKey(fileName)) {
                    throw new IllegalStateException("PostgreSQL rendering " + ROOT + "/" + path
                            + " has no portable query " + ROOT + "/" + fileName);
                }
                continue;
            }
            String name = fileName.substring(0, fileName.length() - ".sql".length());
            String portable = file.getValue().strip();
            String postgres = files.getOrDefault(POSTGRES_FOLDER + "/" + fileName, portable).strip();
            queries.add(new DashboardQuery(name, portable, postgres));
        }
        if (queries.isEmpty()) {
            throw new IllegalStateException("no dashboard queries under class-path folder " + ROOT);
        }
        return List.copyOf(queries);
    }

    private static void scan(URL location, Map<String, String> files) throws IOException {
        switch (location.getProtocol()) {
            case "file" -> scanDirectory(toPath(location), files);
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    scanJar(jar, files);
                }
            }
            default -> throw new IllegalStateException("cannot list the dashboard queries in " + location);
        }
    }

    private static void scanDirectory(Path root, Map<String, String> files) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root, 2)) {
            for (Path file : paths.filter(DashboardQueries::isSqlFile).toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (isQueryPath(relative) && !files.containsKey(relative)) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
    }

    private static void scanJar(JarFile jar, Map<String, String> files) throws IOException {
        String prefix = ROOT + "/";
        for (JarEntry entry : jar.stream().toList()) {
            String name = entry.getName();
            if (entry.isDirectory() || !name.startsWith(prefix) || !name.endsWith(".sql")) {
                continue;
            }
            String relative = name.substring(prefix.length());
            if (!isQueryPath(relative) || files.containsKey(relative)) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                files.put(relative, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** {@code <file>.sql} or {@code postgres/<file>.sql}; anything deeper or elsewhere is not a query. */
    private static boolean isQueryPath(String relative) {
        String[] parts = relative.split("/");
        return parts.length == 1 || parts.length == 2 && parts[0].equals(POSTGRES_FOLDER);
    }

    /** The jar this class was loaded from, if any. */
    private static Path ownJar() {
        CodeSource source = DashboardQueries.class.getProtectionDomain().getCodeSource();
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
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".sql");
    }
}
