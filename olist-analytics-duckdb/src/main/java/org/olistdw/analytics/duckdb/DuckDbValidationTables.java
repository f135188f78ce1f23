package org.olistdw.analytics.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.order.Order;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.order.RuleViolation;
import org.olistdw.pipeline.build.OrderValidation;
import org.olistdw.pipeline.build.ValidationTables;
import org.olistdw.pipeline.build.ValidationTables.Part;

/**
 * The orders of a build, read by cursors of their own from the core star schema ({@link DuckDbOrders}), and
 * {@code domain.order_violations}, written on a session of its own.
 */
final class DuckDbValidationTables implements ValidationTables {

    private final DuckDbBuild build;
    private Set<String> tablesRead;

    DuckDbValidationTables(DuckDbBuild build) {
        this.build = build;
    }

    @Override
    public synchronized Set<String> tablesRead() {
        if (tablesRead == null) {
            try (DuckDBConnection parser = build.session()) {
                tablesRead = Set.copyOf(DuckDbOrders.tablesRead(parser));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close the parser's session: " + e.getMessage(), e);
            }
        }
        return tablesRead;
    }

    @Override
    public String tableWritten() {
        return DomainTables.qualified(DomainTables.ORDER_VIOLATIONS);
    }

    @Override
    public Stream<Order> orders(Part part) {
        build.requireOpen();
        return new DuckDbOrders(build.connection()).streamPart(part.index(), part.count());
    }

    @Override
    public long recordViolations(Stream<RuleViolation> violations) {
        try (DuckDBConnection session = build.session()) {
            return DomainTables.writeViolations(session, violations);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the order violations: " + e.getMessage(), e);
        }
    }

    @Override
    public Stream<Order> affectedOrders(Part part) {
        build.requireOpen();
        return new DuckDbOrders(build.connection()).streamAffected(part.index(), part.count());
    }

    /**
     * {@inheritDoc}
     *
     * <p>The published warehouse is attached read-only for the copy, on a session of its own, and detached after.
     */
    @Override
    public long recordViolationsOfAffected(Stream<RuleViolation> violations) {
        String table = DomainTables.qualified(DomainTables.ORDER_VIOLATIONS);
        String kept = "insert into " + table + " select * from " + RawLayout.quote(PUBLISHED) + "." + table
                + " where order_id in (select order_id from core.fact_orders)"
                + " and order_id not in (select order_id from " + KeyComparison.affectedOrders()
                + " where not lines_only)";
        try (DuckDBConnection session = build.session()) {
            try (Statement statement = session.createStatement()) {
                statement.execute("attach " + RawLayout.literal(build.publishedFile().toAbsolutePath().toString())
                        + " as " + RawLayout.quote(PUBLISHED) + " (read_only)");
            }
            try {
                return DomainTables.writeViolations(session, violations, kept);
            } finally {
                try (Statement statement = session.createStatement()) {
                    statement.execute("detach " + RawLayout.quote(PUBLISHED));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the order violations: " + e.getMessage(), e);
        }
    }

    @Override
    public OrderValidation recorded() {
        try (DuckDBConnection session = build.session(); Statement statement = session.createStatement()) {
            long orders = DuckDbBuild.rowCount(session, "core.fact_orders");
            Map<OrderRule, Long> byRule = new EnumMap<>(OrderRule.class);
            long violations = 0;
            try (ResultSet rows = statement.executeQuery("select rule, count(*) from "
                    + DomainTables.qualified(DomainTables.ORDER_VIOLATIONS) + " group by rule")) {
                while (rows.next()) {
                    byRule.put(OrderRule.ofCode(rows.getString(1)), rows.getLong(2));
                    violations += rows.getLong(2);
                }
            }
            return new OrderValidation(orders, violations, byRule);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the order violations: " + e.getMessage(), e);
        }
    }

    /** The name under which the published warehouse is attached to carry its violations over. */
    private static final String PUBLISHED = "published_violations";
}
