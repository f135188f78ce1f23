package org.olistdw.analytics.duckdb;

import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.customer.CustomerActivity;
import org.olistdw.domain.customer.CustomerSegment;
import org.olistdw.pipeline.build.SegmentationTables;

/**
 * The people of a build with a counted order, read by a cursor of its own from the intermediate customer
 * metrics, and {@code domain.customer_segments}, written on a session of its own.
 */
final class DuckDbSegmentationTables implements SegmentationTables {

    private final DuckDbBuild build;
    private Set<String> tablesRead;

    DuckDbSegmentationTables(DuckDbBuild build) {
        this.build = build;
    }

    @Override
    public synchronized Set<String> tablesRead() {
        if (tablesRead == null) {
            try (DuckDBConnection parser = build.session()) {
                tablesRead = Set.copyOf(DomainTables.customerActivityReads(parser));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot close the parser's session: " + e.getMessage(), e);
            }
        }
        return tablesRead;
    }

    @Override
    public String tableWritten() {
        return DomainTables.qualified(DomainTables.CUSTOMER_SEGMENTS);
    }

    @Override
    public Stream<CustomerActivity> customerActivity() {
        build.requireOpen();
        return DomainTables.customerActivity(build.connection());
    }

    @Override
    public long recordSegments(Stream<CustomerSegment> segments) {
        try (DuckDBConnection session = build.session()) {
            return DomainTables.writeSegments(session, segments);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the customer segments: " + e.getMessage(), e);
        }
    }
}
