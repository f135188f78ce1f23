package org.olistdw.analytics.duckdb;

import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.order.Orders;
import org.olistdw.domain.order.RuleViolation;
import org.olistdw.pipeline.build.ValidationTables;

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
    public Orders orders() {
        build.requireOpen();
        return new DuckDbOrders(build.connection());
    }

    @Override
    public long recordViolations(Stream<RuleViolation> violations) {
        try (DuckDBConnection session = build.session()) {
            return DomainTables.writeViolations(session, violations);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the order violations: " + e.getMessage(), e);
        }
    }
}
