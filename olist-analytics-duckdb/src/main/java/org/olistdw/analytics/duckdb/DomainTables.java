package org.olistdw.analytics.duckdb;

import static org.olistdw.analytics.duckdb.RawLayout.literal;
import static org.olistdw.analytics.duckdb.RawLayout.quote;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.customer.CustomerActivity;
import org.olistdw.domain.customer.CustomerSegment;
import org.olistdw.domain.order.RuleViolation;
import org.olistdw.domain.shared.BrazilianState;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.Money;

/**
 * The {@code domain} schema of a build: tables written from the domain model rather than by SQL models.
 *
 * <ul>
 *   <li>{@code domain.brazilian_states}: the 27 federative units with name and IBGE region, written from
 *       {@link BrazilianState} when the build starts, so the list exists once, in the domain.</li>
 *   <li>{@code domain.order_violations}: one row per business rule an order's history breaks, found by
 *       reconstituting every order as an aggregate.</li>
 *   <li>{@code domain.customer_segments}: one row per person with a counted order: RFM scores and
 *       segment from the domain's segmentation.</li>
 * </ul>
 * Models may read these tables: the first is there when the build starts, the others once the steps that
 * write them ran (the build graph sees to it).
 */
final class DomainTables {

    static final String SCHEMA = "domain";
    static final String BRAZILIAN_STATES = "brazilian_states";
    static final String ORDER_VIOLATIONS = "order_violations";
    static final String CUSTOMER_SEGMENTS = "customer_segments";

    /**
     * Where the people to segment are read from; the dates as days since 1970-01-01, which the driver reads
     * without the calendar conversions of a {@code DATE}, and the id as bytes ({@link DuckDbCursor#text}).
     */
    private static final String CUSTOMER_ACTIVITY = """
            select
                encode(customer_unique_id) as customer_unique_id,
                first_order_date - date '1970-01-01' as first_order_day,
                last_order_date - date '1970-01-01' as last_order_day,
                orders,
                revenue
            from intermediate.int_customer_metrics
            where orders > 0
            order by customer_unique_id""";

    private DomainTables() {
    }

    /** The statements that create the tables of the schema (which must exist), with the states filled. */
    static List<String> createStatements() {
        List<String> statements = new ArrayList<>();
        statements.add("create table " + table(BRAZILIAN_STATES)
                + " (state_code varchar not null, state_name varchar not null, region varchar not null)");
        StringBuilder states = new StringBuilder("insert into " + table(BRAZILIAN_STATES) + " values ");
        BrazilianState[] all = BrazilianState.values();
        for (int i = 0; i < all.length; i++) {
            states.append(i == 0 ? "" : ", ").append('(').append(literal(all[i].code())).append(", ")
                    .append(literal(all[i].stateName())).append(", ").append(literal(all[i].region().label()))
                    .append(')');
        }
        statements.add(states.toString());
        statements.add("create table " + table(ORDER_VIOLATIONS) + " (rule varchar not null, order_id varchar not null,"
                + " severity varchar not null, detail varchar not null)");
        statements.add("create table " + table(CUSTOMER_SEGMENTS) + " (customer_unique_id varchar not null,"
                + " reference_date date not null, recency_days bigint not null, recency_score integer not null,"
                + " frequency_score integer not null, monetary_score integer not null, rfm_score varchar not null,"
                + " rfm_segment varchar not null)");
        return statements;
    }

    /** The qualified names models may read, {@code domain.<table>}. */
    static Set<String> tableNames() {
        return new TreeSet<>(Set.of(qualified(BRAZILIAN_STATES), qualified(ORDER_VIOLATIONS),
                qualified(CUSTOMER_SEGMENTS)));
    }

    /** The tables filled when the build starts, {@code domain.<table>}: the states. */
    static Set<String> seededTableNames() {
        return Set.of(qualified(BRAZILIAN_STATES));
    }

    /** {@code domain.<name>}. */
    static String qualified(String name) {
        return SCHEMA + "." + name;
    }

    /** The tables {@link #customerActivity} reads, found by DuckDB's parser in its query. */
    static Set<String> customerActivityReads(Connection parser) {
        return SqlReferences.of(parser, CUSTOMER_ACTIVITY);
    }

    static String table(String name) {
        return quote(SCHEMA) + "." + quote(name);
    }

    /** Replaces the recorded violations with {@code violations}; returns how many were written. */
    static long writeViolations(DuckDBConnection connection, Stream<RuleViolation> violations) throws SQLException {
        return writeViolations(connection, violations, null);
    }

    /**
     * Replaces the recorded violations with those that {@code kept} (an {@code insert} into
     * {@code domain.order_violations}, or null) inserts and {@code violations}, in one transaction; returns how
     * many rows the table holds then.
     */
    static long writeViolations(DuckDBConnection connection, Stream<RuleViolation> violations, String kept)
            throws SQLException {
        return replaceRows(connection, ORDER_VIOLATIONS, kept, violations, (appender, violation) -> appender
                .append(violation.rule().code())
                .append(violation.orderId().value())
                .append(violation.rule().severity().code())
                .append(violation.detail()));
    }

    /** Replaces the recorded segments with {@code segments}; returns how many were written. */
    static long writeSegments(DuckDBConnection connection, Stream<CustomerSegment> segments) throws SQLException {
        return replaceRows(connection, CUSTOMER_SEGMENTS, null, segments, (appender, segment) -> appender
                .append(segment.person().value())
                .append(segment.referenceDate())
                .append(segment.recencyDays())
                .append(segment.recencyScore())
                .append(segment.frequencyScore())
                .append(segment.monetaryScore())
                .append(segment.rfmScore())
                .append(segment.segment().code()));
    }

    /** Appends the columns of one value to the appender's current row, in table order. */
    @FunctionalInterface
    private interface Columns<T> {
        void append(DuckDBAppender appender, T value) throws SQLException;
    }

    /**
     * Empties {@code domain.<name>}, runs {@code kept} (an insert into it, or null), then appends one row per value,
     * in one transaction: readers see the old rows or all the new ones, and the table is committed once. Closes
     * {@code values}.
     *
     * @return the rows inserted and appended
     */
    private static <T> long replaceRows(DuckDBConnection connection, String name, String kept, Stream<T> values,
                                        Columns<T> columns) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("delete from " + table(name));
            }
            long written = 0;
            if (kept != null) {
                try (Statement statement = connection.createStatement()) {
                    written += statement.executeUpdate(kept);
                }
            }
            try (DuckDBAppender appender = connection.createAppender(SCHEMA, name); Stream<T> all = values) {
                Iterator<T> it = all.iterator();
                while (it.hasNext()) {
                    T value = it.next();
                    appender.beginRow();
                    columns.append(appender, value);
                    appender.endRow();
                    written++;
                }
            }
            connection.commit();
            return written;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Every person with a counted order, streamed by a cursor of its own (so that the build's connection stays
     * free for writing); closing the stream closes the cursor.
     */
    static Stream<CustomerActivity> customerActivity(DuckDBConnection connection) {
        DuckDbCursor people = DuckDbCursor.open(connection, CUSTOMER_ACTIVITY);
        return DuckDbStreams.of(List.of(people), () -> people.hasRow() ? people.next(DomainTables::activity) : null);
    }

    private static CustomerActivity activity(ResultSet row) throws SQLException {
        return new CustomerActivity(new CustomerUniqueId(DuckDbCursor.text(row, 1)), day(row, 2), day(row, 3),
                row.getLong(4), Money.brl(row.getBigDecimal(5)));
    }

    /** The date of a column of days since 1970-01-01, null when null. */
    private static LocalDate day(ResultSet row, int position) throws SQLException {
        long day = row.getLong(position);
        return row.wasNull() ? null : LocalDate.ofEpochDay(day);
    }
}
