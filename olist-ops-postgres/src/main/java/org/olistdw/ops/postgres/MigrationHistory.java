package org.olistdw.ops.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * The versioned SQL migrations of a class-path folder, read the way Flyway reads them, and whether a database's
 * schema history already records exactly these as applied. When it does, Flyway has nothing to do: no
 * migration is pending and validation would find nothing, so connecting can skip loading and running Flyway.
 * When anything differs (a fresh database, a pending, changed, missing or failed migration, a file whose name
 * is not a migration's, a folder that cannot be read), the answer is no and Flyway migrates and validates as
 * it always does, failing the same way.
 *
 * <p>A migration is {@code V<version>__<description>.sql}; Flyway records it with its version, its
 * description (underscores as spaces), type {@code SQL}, its file name as script and its checksum: the CRC-32
 * of its UTF-8 lines without their line breaks (a byte-order mark dropped).
 */
final class MigrationHistory {

    /** Flyway's schema history table, in the first of the managed schemas. */
    static final String TABLE = "flyway_schema_history";

    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__(.+)\\.sql");
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    /**
     * One versioned migration as Flyway records it in the schema history.
     *
     * @param version     e.g. {@code 3}
     * @param description e.g. {@code security audit}
     * @param script      the file name, e.g. {@code V3__security_audit.sql}
     * @param checksum    Flyway's checksum of the file
     */
    record Migration(String version, String description, String script, int checksum) {
    }

    private final String folder;
    private final List<Migration> migrations;

    private MigrationHistory(String folder, List<Migration> migrations) {
        this.folder = folder;
        this.migrations = migrations;
    }

    /**
     * The migrations of a class-path folder, in version order; empty when the folder cannot be read or holds a
     * file that is not a versioned SQL migration (Flyway then says why).
     *
     * @param folder e.g. {@code sql/postgres/migration}
     */
    static MigrationHistory of(ClassLoader loader, String folder) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(folder, "folder");
        return new MigrationHistory(folder, read(loader, folder).orElse(List.of()));
    }

    /** The migrations found, in version order. */
    List<Migration> migrations() {
        return migrations;
    }

    /**
     * Whether the schema history in {@code schema} records exactly the migrations found, in order, each
     * successful with the same description, script and checksum, and nothing else but Flyway's note that it
     * created the schemas. False when there are no migrations or no history.
     */
    boolean isAppliedIn(DataSource dataSource, String schema) {
        if (migrations.isEmpty()) {
            return false;
        }
        List<Migration> applied = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select version, description, type, script, checksum, success"
                     + " from " + schema + "." + TABLE + " order by installed_rank")) {
            while (rows.next()) {
                String type = rows.getString("type");
                if ("SCHEMA".equals(type) && rows.getString("version") == null) {
                    continue;
                }
                int checksum = rows.getInt("checksum");
                if (!"SQL".equals(type) || rows.wasNull() || !rows.getBoolean("success")) {
                    return false;
                }
                applied.add(new Migration(rows.getString("version"), rows.getString("description"),
                        rows.getString("script"), checksum));
            }
        } catch (SQLException noHistoryYet) {
            return false;
        }
        return applied.equals(migrations);
    }

    @Override
    public String toString() {
        return "MigrationHistory[" + folder + ", " + migrations.size() + " migrations]";
    }

    private static Optional<List<Migration>> read(ClassLoader loader, String folder) {
        try {
            Enumeration<URL> locations = loader.getResources(folder);
            if (!locations.hasMoreElements()) {
                return Optional.empty();
            }
            URL location = locations.nextElement();
            if (locations.hasMoreElements()) {
                return Optional.empty(); // the folder in several places: Flyway merges them
            }
            List<Migration> found = new ArrayList<>();
            for (String file : fileNames(location, folder)) {
                Matcher name = VERSIONED.matcher(file);
                if (!name.matches()) {
                    return Optional.empty();
                }
                try (InputStream in = loader.getResourceAsStream(folder + "/" + file)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    found.add(new Migration(name.group(1).replace('_', '.'), name.group(2).replace('_', ' '), file,
                            checksum(in)));
                }
            }
            found.sort(Comparator.comparing(Migration::version, MigrationHistory::compareVersions));
            return Optional.of(List.copyOf(found));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The names of the files directly in the folder at {@code location}, a directory or a jar's folder. */
    private static List<String> fileNames(URL location, String folder) throws IOException, URISyntaxException {
        TreeSet<String> names = new TreeSet<>();
        switch (location.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                    files.filter(Files::isRegularFile).forEach(file -> names.add(file.getFileName().toString()));
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) location.openConnection();
                connection.setUseCaches(false);
                String prefix = folder.endsWith("/") ? folder : folder + "/";
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry entry : Collections.list(jar.entries())) {
                        String name = entry.getName();
                        if (!entry.isDirectory() && name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0) {
                            names.add(name.substring(prefix.length()));
                        }
                    }
                }
            }
            default -> throw new IOException("cannot list " + location);
        }
        return List.copyOf(names);
    }

    /** Flyway's checksum: CRC-32 over each line's UTF-8 bytes without its line break, a leading BOM dropped. */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line != null && line.startsWith(BYTE_ORDER_MARK)) {
                line = line.substring(BYTE_ORDER_MARK.length());
            }
            while (line != null) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
                line = reader.readLine();
            }
        }
        return (int) crc.getValue();
    }

    /** Versions compared part by part as numbers, as Flyway orders them. */
    private static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? Long.parseLong(a[i]) : 0;
            long y = i < b.length ? Long.parseLong(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }
}
