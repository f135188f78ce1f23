package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import org.olistdw.domain.orchestration.RunId;
import org.olistdw.pipeline.build.PublishedVersions;
import org.olistdw.pipeline.build.WarehouseVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The published warehouse's versions: when a publish replaces the published file, the file replaced is kept as
 * {@code <published>.versions/run-<run id>.duckdb}, named after the run in its {@code raw.build}, and the kept
 * versions beyond the newest {@code keep - 1} (by run id) are deleted; a rollback renames a kept version back over
 * the published file.
 *
 * <p>Keeping costs no copy and leaves readers no gap: the published file gets a second name (a hard link in the
 * versions directory) while it is still published, and the new build is then renamed over the published name,
 * which stays bound to one file or the other throughout. A rollback works the same way: the published file is
 * linked into the versions directory, then the kept version is renamed over the published name (moved, not
 * copied: the versions directory never holds the run that is published). Every warehouse is opened read-only
 * here, and never through the published name except to see whether readers can open it.
 */
final class WarehouseVersions implements PublishedVersions {

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseVersions.class);
    private static final Pattern KEPT = Pattern.compile("run-(\\d+)\\.duckdb");
    private static final String ATTACHED = "warehouse";
    private static final String ROLLBACK_HINT = "; roll back to a kept version with `olist rollback` "
            + "(`olist versions` lists them)";

    private final Path published;

    WarehouseVersions(Path published) {
        this.published = published;
    }

    @Override
    public String location() {
        return published.toString();
    }

    @Override
    public List<WarehouseVersion> list() {
        List<WarehouseVersion> versions = new ArrayList<>();
        if (Files.isRegularFile(published)) {
            versions.add(describe(published, true));
        }
        for (Kept kept : kept(published)) {
            versions.add(describe(kept.file(), false));
        }
        return versions;
    }

    @Override
    public Rollback rollBack(Optional<RunId> to) {
        List<Kept> kept = kept(published);
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("no version of " + published + " is kept in " + directory(published)
                    + "; nothing to roll back to");
        }
        Optional<Link> current = Files.isRegularFile(published) ? Optional.of(link(published)) : Optional.empty();
        try {
            Optional<RunId> from = current.flatMap(Link::run);
            RunId target = to.orElseGet(() -> newestOlderThan(kept, from));
            if (from.equals(Optional.of(target))) {
                throw new IllegalArgumentException("run " + target + " is already the published warehouse "
                        + published);
            }
            Path source = keptFile(published, target);
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException("run " + target + " is not a kept version of " + published
                        + " (kept: " + runs(kept) + ")");
            }
            current.ifPresent(link -> keepAs(link, published));
            try {
                // a log left by a writer of the replaced file must not be replayed onto the version republished
                Files.deleteIfExists(BuildFiles.walOf(published));
                Files.move(source, published, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                DuckDbBuild.syncDirectory(published.getParent());
            } catch (IOException e) {
                throw new IllegalStateException("cannot republish " + source + " as " + published + ": " + e, e);
            }
            LOG.info("rolled {} back from run {} to run {}", published, from.map(RunId::toString).orElse("?"), target);
            return new Rollback(from, target, published.toString());
        } catch (RuntimeException e) {
            current.ifPresent(link -> discardIfStillPublished(link.file(), published));
            throw e;
        }
    }

    /** The directory beside {@code published} where the versions it replaced are kept. */
    static Path directory(Path published) {
        return published.resolveSibling(published.getFileName() + ".versions");
    }

    /** The kept version of {@code run}'s warehouse. */
    static Path keptFile(Path published, RunId run) {
        return directory(published).resolve("run-" + run + ".duckdb");
    }

    /** The one-line report of a published warehouse that cannot be opened, with the way out. */
    static String unreadable(Path published, SQLException e) {
        return "the published warehouse " + published + " cannot be opened: " + firstLine(e.getMessage())
                + ROLLBACK_HINT;
    }

    /**
     * Replaces the published warehouse by {@code replacement} (an atomic rename over it) so that the file
     * replaced is kept as a version, and only the newest {@code keep} warehouses (the new one included) remain.
     * The file replaced gets its second name before the rename and loses it again if the rename fails.
     */
    static void replaceKeeping(Path published, int keep, Replacement replacement) throws IOException {
        long began = System.nanoTime();
        Optional<Path> kept = Optional.empty();
        if (keep > 1 && Files.isRegularFile(published)) {
            try {
                kept = keepAs(link(published), published);
            } catch (RuntimeException e) {
                LOG.warn("{}; publishing without keeping the warehouse replaced", e.getMessage());
            }
        }
        long keeping = System.nanoTime() - began;
        try {
            replacement.replace();
        } catch (IOException | RuntimeException e) {
            kept.ifPresent(file -> discardIfStillPublished(file, published));
            throw e;
        }
        long pruning = System.nanoTime();
        List<Path> deleted = prune(published, keep);
        LOG.info("kept the replaced warehouse as {} and deleted {} older versions {} (keeping {} with the published"
                + " one) in {} ms", kept.map(Path::toString).orElse("(none)"), deleted.size(), deleted, keep,
                (keeping + System.nanoTime() - pruning) / 1_000_000);
    }

    /** The atomic rename of a new warehouse over the published one. */
    @FunctionalInterface
    interface Replacement {

        /** Renames the new warehouse over the published one. */
        void replace() throws IOException;
    }

    /**
     * Gives the published file a second name in the versions directory, then names that after the run in its
     * {@code raw.build} (read-only, through the new name, which no write-ahead log sits beside).
     */
    private static Link link(Path published) {
        Path directory = directory(published);
        Path link = directory.resolve(".keeping-" + UUID.randomUUID() + ".duckdb");
        try {
            Files.createDirectories(directory);
            Files.createLink(link, published);
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot keep " + published + " in " + directory + ": " + e, e);
        }
        try (Connection connection = openReadOnly(link);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select run_id from " + RawLayout.buildTable())) {
            return new Link(link, result.next() ? Optional.of(new RunId(result.getLong(1))) : Optional.empty());
        } catch (SQLException | RuntimeException e) {
            LOG.warn("cannot read the run of {}: {}", published, firstLine(e.getMessage()));
            return new Link(link, Optional.empty());
        }
    }

    /** Names a link after its run; a file whose run cannot be read is not kept. */
    private static Optional<Path> keepAs(Link link, Path published) {
        if (link.run().isEmpty()) {
            deleteQuietly(link.file());
            LOG.warn("{} has no readable raw.build; it is replaced without being kept", published);
            return Optional.empty();
        }
        Path kept = keptFile(published, link.run().get());
        try {
            Files.move(link.file(), kept, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Optional.of(kept);
        } catch (IOException e) {
            deleteQuietly(link.file());
            throw new UncheckedIOException("cannot keep " + published + " as " + kept, e);
        }
    }

    /** Removes a kept name of the file that is still published: the replacement it was kept for did not happen. */
    private static void discardIfStillPublished(Path kept, Path published) {
        try {
            if (Files.exists(kept) && Files.exists(published) && Files.isSameFile(kept, published)) {
                Files.delete(kept);
            }
        } catch (IOException e) {
            LOG.warn("cannot remove {}: {}", kept, e.getMessage());
        }
    }

    /**
     * Deletes the kept versions beyond the newest {@code keep - 1}, newest by run id, and the second names left by
     * a keep or a rollback that was cut short.
     */
    private static List<Path> prune(Path published, int keep) {
        List<Path> deleted = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory(published))) {
            files.filter(file -> file.getFileName().toString().startsWith(".keeping-")).forEach(file -> {
                deleteQuietly(file);
                deleted.add(file);
            });
        } catch (IOException e) {
            LOG.debug("no versions directory beside {}: {}", published, e.toString());
        }
        List<Kept> kept = kept(published);
        for (Kept old : kept.subList(Math.min(kept.size(), Math.max(0, keep - 1)), kept.size())) {
            try {
                Files.delete(old.file());
                deleted.add(old.file());
            } catch (IOException e) {
                LOG.warn("cannot delete the old version {}: {}", old.file(), e.getMessage());
            }
        }
        return deleted;
    }

    /** The kept versions of {@code published}, newest run first. */
    private static List<Kept> kept(Path published) {
        Path directory = directory(published);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Kept> kept = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Matcher matcher = KEPT.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    kept.add(new Kept(new RunId(Long.parseLong(matcher.group(1))), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the kept versions in " + directory, e);
        }
        kept.sort(Comparator.comparingLong((Kept k) -> k.run().value()).reversed());
        return kept;
    }

    private RunId newestOlderThan(List<Kept> kept, Optional<RunId> current) {
        return kept.stream()
                .filter(k -> current.isEmpty() || k.run().value() < current.get().value())
                .map(Kept::run)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kept version of " + published + " is older than"
                        + " run " + current.map(RunId::toString).orElse("?") + " (kept: " + runs(kept) + ")"));
    }

    private static String runs(List<Kept> kept) {
        return kept.stream().map(k -> k.run().toString()).collect(Collectors.joining(", "));
    }

    /** A warehouse file as {@code olist versions} shows it, opened read-only. */
    private WarehouseVersion describe(Path file, boolean current) {
        Instant modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file).toInstant();
            size = Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
        String sql = "select (select run_id from raw.build), (select as_of from raw.build),"
                + " (select count(*) from core.fact_orders),"
                + " (select count(distinct c.customer_unique_id) from core.fact_orders as o"
                + " join core.dim_customer as c on c.customer_key = o.customer_key where o.customer_key <> -1),"
                + " (select count(*) from core.fact_order_items)";
        try (Connection connection = openReadOnly(file);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            Timestamp asOf = result.getTimestamp(2);
            return new WarehouseVersion(Optional.of(new RunId(result.getLong(1))), current, file.toString(), modified,
                    Optional.ofNullable(asOf).map(t -> t.toLocalDateTime().toInstant(ZoneOffset.UTC)), size,
                    Optional.of(new WarehouseVersion.RowCounts(result.getLong(3), result.getLong(4),
                            result.getLong(5))), Optional.empty());
        } catch (SQLException | RuntimeException e) {
            Optional<RunId> run = current ? runThroughLink(file) : runOfName(file);
            return new WarehouseVersion(run, current, file.toString(), modified, Optional.empty(), size,
                    Optional.empty(), Optional.of(firstLine(e.getMessage())));
        }
    }

    /** The run of a published file readers cannot open, read through a second name without its log, if it can be. */
    private static Optional<RunId> runThroughLink(Path file) {
        try {
            Link link = link(file);
            deleteQuietly(link.file());
            return link.run();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<RunId> runOfName(Path file) {
        Matcher matcher = KEPT.matcher(file.getFileName().toString());
        return matcher.matches() ? Optional.of(new RunId(Long.parseLong(matcher.group(1)))) : Optional.empty();
    }

    /**
     * A connection reading {@code file} read-only: attached to an in-memory database, so that it neither takes
     * nor meets the settings of a connection this process may already hold on the file.
     */
    private static Connection openReadOnly(Path file) throws SQLException {
        Connection connection = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        try (Statement statement = connection.createStatement()) {
            statement.execute("attach " + RawLayout.literal(file.toAbsolutePath().toString()) + " as "
                    + RawLayout.quote(ATTACHED) + " (read_only)");
            statement.execute("use " + RawLayout.quote(ATTACHED));
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        return message.strip().lines().findFirst().orElse("").strip();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.getMessage());
        }
    }

    /** A second name of the published file in the versions directory, and the run read through it. */
    private record Link(Path file, Optional<RunId> run) {
    }

    /** A kept version and its run, from its name. */
    private record Kept(RunId run, Path file) {
    }
}
