package org.olistdw.analytics.duckdb;

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
import java.util.stream.Stream;

/**
 * Lists the SQL files one folder below a classpath root ({@code <root>/<folder>/<name>.sql}), whether the
 * root is a directory (development, tests) or inside a jar (the shaded runner).
 */
final class ClasspathSql {

    /**
     * One SQL file.
     *
     * @param resource its classpath path, e.g. {@code sql/duckdb/core/dim_customer.sql}
     * @param folder   the folder below the root, e.g. {@code core}
     * @param name     the file name without {@code .sql}
     * @param text     its content
     */
    record SqlFile(String resource, String folder, String name, String text) {
    }

    private ClasspathSql() {
    }

    /** The SQL files below {@code root}, sorted by resource path; a path found twice is read once. */
    static List<SqlFile> list(ClassLoader loader, String root) {
        Map<String, SqlFile> found = new TreeMap<>();
        try {
            Enumeration<URL> locations = loader.getResources(root);
            while (locations.hasMoreElements()) {
                scan(locations.nextElement(), root, found);
            }
            Path ownJar = ownJar();
            if (ownJar != null) {
                try (JarFile jar = new JarFile(ownJar.toFile())) {
                    scanJar(jar, root, found);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list SQL files under classpath folder " + root, e);
        }
        return new ArrayList<>(found.values());
    }

    private static void scan(URL location, String root, Map<String, SqlFile> found) throws IOException {
        switch (location.getProtocol()) {
            case "file" -> scanDirectory(toPath(location), root, found);
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    scanJar(jar, root, found);
                }
            }
            default -> throw new IllegalStateException("cannot list SQL files in " + location);
        }
    }

    private static void scanDirectory(Path rootDirectory, String root, Map<String, SqlFile> found) throws IOException {
        if (!Files.isDirectory(rootDirectory)) {
            return;
        }
        try (Stream<Path> folders = Files.list(rootDirectory)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.filter(ClasspathSql::isSqlFile).sorted().toList()) {
                        String folderName = folder.getFileName().toString();
                        String fileName = file.getFileName().toString();
                        String resource = root + "/" + folderName + "/" + fileName;
                        found.putIfAbsent(resource, new SqlFile(resource, folderName, withoutExtension(fileName),
                                Files.readString(file, StandardCharsets.UTF_8)));
                    }
                }
            }
        }
    }

    private static void scanJar(JarFile jar, String root, Map<String, SqlFile> found) throws IOException {
        String prefix = root + "/";
        for (JarEntry entry : jar.stream().toList()) {
            String name = entry.getName();
            if (entry.isDirectory() || !name.startsWith(prefix) || !name.endsWith(".sql")) {
                continue;
            }
            String[] parts = name.substring(prefix.length()).split("/");
            if (parts.length != 2 || found.containsKey(name)) {
                continue;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                found.put(name, new SqlFile(name, parts[0], withoutExtension(parts[1]),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
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
        return Files.isRegularFile(file) && file.getFileName().toString().endsWith(".sql");
    }

    private static String withoutExtension(String fileName) {
        return fileName.substring(0, fileName.length() - ".sql".length());
    }
}
