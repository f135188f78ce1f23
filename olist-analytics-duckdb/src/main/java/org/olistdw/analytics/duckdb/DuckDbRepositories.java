package org.olistdw.analytics.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;
import org.olistdw.domain.customer.Customers;
import org.olistdw.domain.delivery.Deliveries;
import org.olistdw.domain.order.Orders;
import org.olistdw.domain.product.Products;
import org.olistdw.domain.seller.Sellers;

/**
 * The aggregates of a published warehouse, rebuilt from its core star schema: orders, customers, sellers,
 * products and deliveries, each behind its domain repository port. The entry point for JVM code that reads
 * a warehouse as domain objects rather than tables.
 *
 * <p>{@link #open(Path)} opens the published DuckDB file read-only, so a running pipeline, which writes a
 * build file of its own and then renames it over the published one, is never disturbed; a reader keeps the
 * warehouse it opened until it closes it. The repositories hold no state besides the connection: lookups
 * run a query each, and {@code streamAll()} streams hold cursors (connections duplicated from this one) until
 * the stream is closed. Every stream must be closed before the repositories are.
 *
 * <p>Reading errors surface as {@link IllegalStateException}s with DuckDB's reason on one line.
 */
public final class DuckDbRepositories implements AutoCloseable {

    private final DuckDBConnection connection;
    private final boolean ownsConnection;
    private final Orders orders;
    private final Customers customers;
    private final Sellers sellers;
    private final Products products;
    private final Deliveries deliveries;

    private DuckDbRepositories(DuckDBConnection connection, boolean ownsConnection) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.orders = new DuckDbOrders(connection);
        this.customers = new DuckDbCustomers(connection);
        this.sellers = new DuckDbSellers(connection);
        this.products = new DuckDbProducts(connection);
        this.deliveries = new DuckDbDeliveries(connection);
    }

    /**
     * The repositories of the warehouse published at {@code publishedWarehouseFile}, opened read-only.
     *
     * @throws IllegalStateException with a one-line reason when there is no such file or DuckDB cannot open it
     */
    public static DuckDbRepositories open(Path publishedWarehouseFile) {
        Objects.requireNonNull(publishedWarehouseFile, "publishedWarehouseFile");
        Path file = publishedWarehouseFile.toAbsolutePath().normalize();
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no published warehouse at " + file);
        }
        Properties readOnly = new Properties();
        readOnly.setProperty(DuckDBDriver.DUCKDB_ACCESS_MODE_PROPERTY, DuckDBDriver.DUCKDB_ACCESS_MODE_READ_ONLY);
        try {
            return new DuckDbRepositories((DuckDBConnection) new DuckDBDriver().connect("jdbc:duckdb:" + file, readOnly),
                    true);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the warehouse " + file + ": "
                    + RuleQueries.oneLine(e.getMessage()), e);
        }
    }

    /**
     * Repositories over a connection someone else owns, e.g. a build's before it is published: closing them
     * leaves the connection open.
     */
    static DuckDbRepositories over(DuckDBConnection connection) {
        return new DuckDbRepositories(Objects.requireNonNull(connection, "connection"), false);
    }

    /** The orders, each replayed through {@code Order.reconstitute} with the rule violations it carries. */
    public Orders orders() {
        return orders;
    }

    /** The people, at their current address, with their orders. */
    public Customers customers() {
        return customers;
    }

    /** The sellers, at their current address. */
    public Sellers sellers() {
        return sellers;
    }

    /** The products, as currently described, with their category. */
    public Products products() {
        return products;
    }

    /** The deliveries of every purchased order; those delivered are complete. */
    public Deliveries deliveries() {
        return deliveries;
    }

    /** The connection the repositories read, for tests to look at how it was opened. */
    DuckDBConnection connection() {
        return connection;
    }

    /** Closes the connection opened by {@link #open(Path)}; does nothing for repositories over another's connection. */
    @Override
    public void close() {
        if (!ownsConnection) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot close the warehouse: " + RuleQueries.oneLine(e.getMessage()), e);
        }
    }
}
