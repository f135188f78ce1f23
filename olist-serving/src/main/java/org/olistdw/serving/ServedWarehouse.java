package org.olistdw.serving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.olistdw.domain.security.Pseudonymiser;

/**
 * The published warehouse as the dashboards and the SQL page read it: one in-memory DuckDB database with the
 * published file attached read-only as {@value #WAREHOUSE}, reopened when a publish (or a rollback) has renamed
 * another file over the published one.
 *
 * <p>Reads in clear ({@link #read}) run with the attached warehouse as their catalog. When a pseudonymiser is
 * given, the in-memory catalog holds the {@link PseudonymisedCatalog} views of {@code core} and {@code mart}, and
 * {@link #readPseudonymised} runs with it as the catalog. Once that is built, access to anything outside the
 * database is switched off and the configuration locked, so no statement can read or write a file.
 *
 * <p>Before each read the published file's identity (file key, size and modification time) is compared with
 * that of the file opened; a publish replaces the file by rename, so its identity changes and the next read
 * opens the new file. Reads run on connections duplicated from the open database, under a read lock; reopening
 * takes the write lock, so a database is closed only once no read uses it.
 */
final class ServedWarehouse implements AutoCloseable {

    /** Work on a read-only connection of the warehouse. */
    @FunctionalInterface
    interface Read<T> {
        T apply(Connection connection) throws SQLException;
    }

    private record Identity(Object fileKey, long size, long modifiedMillis) {
    }

    /** The catalog name of the attached published warehouse. */
    static final String WAREHOUSE = "warehouse";
    private static final String IN_MEMORY = "memory";

    private final Path file;
    private final Pseudonymiser pseudonymiser;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private DuckDBConnection database;
    private Identity opened;

    /**
     * @param pseudonymiser the pseudonyms of {@link #readPseudonymised}; null when nothing is read pseudonymised
     */
    ServedWarehouse(Path file, Pseudonymiser pseudonymiser) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        this.pseudonymiser = pseudonymiser;
    }

    /** The published file this serves. */
    Path file() {
        return file;
    }

    /**
     * Runs {@code read} on a read-only connection of the warehouse published now.
     *
     * @throws WarehouseUnavailable when no warehouse is published, or it cannot be opened
     */
    <T> T read(Read<T> read) {
        return read(WAREHOUSE, read);
    }

    /**
     * Runs {@code read} on a connection whose {@code core} and {@code mart} are the {@link PseudonymisedCatalog}
     * views of the warehouse published now.
     *
     * @throws IllegalStateException when this was made without a pseudonymiser
     * @throws WarehouseUnavailable when no warehouse is published, or it cannot be opened
     */
    <T> T readPseudonymised(Read<T> read) {
        if (pseudonymiser == null) {
            throw new IllegalStateException("the warehouse is served without pseudonyms");
        }
        return read(IN_MEMORY, read);
    }

    private <T> T read(String catalog, Read<T> read) {
        refreshIfReplaced();
        ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
        readLock.lock();
        try {
            if (database == null) {
                throw new WarehouseUnavailable("no warehouse published at " + file + " yet");
            }
            try (Connection connection = database.duplicate()) {
                try (Statement use = connection.createStatement()) {
                    use.execute("use " + catalog);
                }
                return read.apply(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the warehouse " + file + ": " + oneLine(e.getMessage()), e);
            }
        } finally {
            readLock.unlock();
        }
    }

    private void refreshIfReplaced() {
        Identity now = identity();
        if (Objects.equals(now, currentIdentity())) {
            return;
        }
        ReentrantReadWriteLock.WriteLock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            now = identity();
            if (Objects.equals(now, opened)) {
                return;
            }
            closeDatabase();
            if (now != null) {
                database = open();
                opened = now;
            }
        } finally {
            writeLock.unlock();
        }
    }

    private Identity currentIdentity() {
        ReentrantReadWriteLock.ReadLock readLock = lock.readLock();
        readLock.lock();
        try {
            return opened;
        } finally {
            readLock.unlock();
        }
    }

    private Identity identity() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Identity(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new WarehouseUnavailable("cannot look at the warehouse " + file + ": " + e.getMessage());
        }
    }

    private DuckDBConnection open() {
        DuckDBConnection opened = null;
        try {
            opened = (DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
            try (Statement statement = opened.createStatement()) {
                statement.execute("attach '" + file.toString().replace("'", "''") + "' as " + WAREHOUSE
                        + " (read_only)");
                if (pseudonymiser != null) {
                    PseudonymisedCatalog.create(opened, WAREHOUSE, SqlConsole.OFFERED_SCHEMAS, pseudonymiser);
                }
                statement.execute("set enable_external_access = false");
                statement.execute("set lock_configuration = true");
            }
            return opened;
        } catch (SQLException e) {
            if (opened != null) {
                try {
                    opened.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw new WarehouseUnavailable("cannot open the warehouse " + file + ": " + oneLine(e.getMessage()));
        }
    }

    private void closeDatabase() {
        if (database == null) {
            return;
        }
        try {
            database.close();
        } catch (SQLException e) {
            // the file is no longer published; nothing reads this database any more
        }
        database = null;
        opened = null;
    }

    @Override
    public void close() {
        ReentrantReadWriteLock.WriteLock writeLock = lock.writeLock();
        writeLock.lock();
        try {
            closeDatabase();
        } finally {
            writeLock.unlock();
        }
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** No warehouse can be read now: none is published yet, or the published file cannot be opened. */
    static final class WarehouseUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WarehouseUnavailable(String message) {
            super(message);
        }
    }
}
