package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.delivery.LatenessRule;
import org.olistdw.domain.order.OrderStatus;
import org.olistdw.domain.order.RevenueRule;

/**
 * The macros {@code counts_as_revenue} and {@code is_late}, generated from the domain's rules, say what the
 * domain says on every case: each is evaluated by DuckDB over a table of cases, as the models apply it to
 * their rows, and compared with the domain's answer in Java, an unknown answer being SQL's null. The
 * expected values written out below are the warehouse's semantics before the rules were generated (revenue:
 * {@code order_status not in ('canceled', 'unavailable') and item_count > 0}; lateness:
 * {@code cast(delivered as date) > cast(estimated as date)}), so the generated SQL keeps them.
 */
class RuleMacrosTest {

    private Connection duckdb;

    @BeforeEach
    void installTheMacrosOnAnEmptyDatabase() throws SQLException {
        duckdb = DriverManager.getConnection("jdbc:duckdb:");
        DuckDbMacros.install(duckdb, DuckDbSettings.DEFAULT_MODEL_ROOT);
    }

    @AfterEach
    void close() throws SQLException {
        duckdb.close();
    }

    @Test
    void counts_as_revenue_agrees_with_the_domain_on_every_status_unknown_and_missing_ones_and_zero_to_two_items()
            throws SQLException {
        List<String> codes = new ArrayList<>();
        Arrays.stream(OrderStatus.values()).map(OrderStatus::code).forEach(codes::add);
        codes.add("lost"); // none of the eight: broken data, reported by the rule orders_status_accepted
        codes.add(null);
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("create table cases (order_status varchar, item_count bigint)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("insert into cases values (?, ?)")) {
            for (String code : codes) {
                for (long items = 0; items <= 2; items++) {
                    if (code == null) {
                        insert.setNull(1, Types.VARCHAR);
                    } else {
                        insert.setString(1, code);
                    }
                    insert.setLong(2, items);
                    insert.executeUpdate();
                }
            }
        }

        Map<String, Boolean> inDuckDb = new LinkedHashMap<>();
        Map<String, Boolean> inTheDomain = new LinkedHashMap<>();
        for (List<Object> row : Builds.query(duckdb, "select order_status, item_count,"
                + " counts_as_revenue(order_status, item_count) from cases order by all")) {
            String code = (String) row.get(0);
            long items = (Long) row.get(1);
            String key = code + " x " + items;
            inDuckDb.put(key, (Boolean) row.get(2));
            inTheDomain.put(key, RevenueRule.countsAsRevenue(code, items).orElse(null));
        }

        assertThat(inDuckDb).hasSize(30).isEqualTo(inTheDomain);
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (String code : codes) {
            boolean excluded = "canceled".equals(code) || "unavailable".equals(code);
            expected.put(code + " x 0", false);
            expected.put(code + " x 1", code == null ? null : !excluded);
            expected.put(code + " x 2", code == null ? null : !excluded);
        }
        assertThat(inDuckDb).isEqualTo(expected);
    }

    @Test
    void is_late_agrees_with_the_domain_around_midnight_on_equal_days_and_with_missing_dates() throws SQLException {
        LocalDateTime estimated = LocalDateTime.of(2018, 3, 10, 0, 0);
        LocalDateTime lastSecondOfTheDay = LocalDateTime.of(2018, 3, 10, 23, 59, 59);
        LocalDateTime midnightAfter = LocalDateTime.of(2018, 3, 11, 0, 0);
        List<Case> cases = List.of(
                new Case("same instant", estimated, estimated, false),
                new Case("the estimated day, last second", lastSecondOfTheDay, estimated, false),
                new Case("estimate late in the day, delivered that morning", LocalDateTime.of(2018, 3, 10, 0, 1),
                        lastSecondOfTheDay, false),
                new Case("one second later, past midnight", midnightAfter, lastSecondOfTheDay, true),
                new Case("midnight after the estimated day", midnightAfter, estimated, true),
                new Case("the day before, a minute to midnight", LocalDateTime.of(2018, 3, 9, 23, 59), estimated, false),
                new Case("a month late", LocalDateTime.of(2018, 4, 10, 12, 0), estimated, true),
                new Case("not delivered", null, estimated, null),
                new Case("no estimate", midnightAfter, null, null),
                new Case("neither", null, null, null));
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("create table cases (id integer, delivered_at timestamp, estimated_at timestamp)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("insert into cases values (?, ?, ?)")) {
            for (int i = 0; i < cases.size(); i++) {
                insert.setInt(1, i);
                setTimestamp(insert, 2, cases.get(i).deliveredAt());
                setTimestamp(insert, 3, cases.get(i).estimatedAt());
                insert.executeUpdate();
            }
        }

        List<List<Object>> rows = Builds.query(duckdb,
                "select id, is_late(delivered_at, estimated_at) from cases order by id");

        assertThat(rows).hasSize(cases.size());
        for (List<Object> row : rows) {
            Case each = cases.get((Integer) row.get(0));
            Optional<Boolean> domain = LatenessRule.isLate(each.deliveredAt(), each.estimatedAt());
            assertThat((Boolean) row.get(1)).as("%s in DuckDB against the domain", each.name())
                    .isEqualTo(domain.orElse(null));
            assertThat((Boolean) row.get(1)).as("%s", each.name()).isEqualTo(each.late());
        }
    }

    @Test
    void the_generated_sql_states_the_domains_statuses_items_and_grace() {
        assertThat(RuleMacros.countsAsRevenue()).isEqualTo("create or replace macro counts_as_revenue(order_status,"
                + " item_count) as\n    order_status not in ('canceled', 'unavailable') and item_count >= 1");
        assertThat(RuleMacros.isLate()).isEqualTo("create or replace macro is_late(delivered_at, estimated_at) as\n"
                + "    cast(delivered_at as date) > cast(estimated_at as date)");
    }

    private record Case(String name, LocalDateTime deliveredAt, LocalDateTime estimatedAt, Boolean late) {
    }

    private static void setTimestamp(PreparedStatement statement, int index, LocalDateTime time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setTimestamp(index, Timestamp.valueOf(time));
        }
    }
}
