package org.olistdw.analytics.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.customer.Customer;
import org.olistdw.domain.customer.Customers;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.OrderId;

/**
 * People of a warehouse: the current version of each person in {@code core.dim_customer} (their address),
 * with the orders of {@code core.fact_orders} placed under any of their versions, by purchase time then id.
 * Two cursors sorted by person are merged, so that streaming every person holds one at a time.
 */
final class DuckDbCustomers implements Customers {

    private static final String CURRENT_PEOPLE = """
            select
                customer_unique_id,
                customer_zip_code_prefix,
                customer_city,
                customer_state
            from core.dim_customer
            where is_current
                and customer_key <> -1
                %s
            order by customer_unique_id
            """;

    private static final String ORDERS_OF_PEOPLE = """
            select
                customers.customer_unique_id,
                orders.order_id
            from core.fact_orders as orders
            join core.dim_customer as customers
                on orders.customer_key = customers.customer_key
            where orders.customer_key <> -1
                %s
            order by customers.customer_unique_id, orders.order_purchase_timestamp, orders.order_id
            """;

    private final DuckDBConnection connection;

    DuckDbCustomers(DuckDBConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Optional<Customer> findById(CustomerUniqueId id) {
        Objects.requireNonNull(id, "customer unique id");
        try (Stream<Customer> people = read("and customer_unique_id = ?", "and customers.customer_unique_id = ?",
                id.value())) {
            return people.findFirst();
        }
    }

    @Override
    public Stream<Customer> streamAll() {
        return read("", "");
    }

    private Stream<Customer> read(String peopleFilter, String ordersFilter, Object... parameters) {
        List<DuckDbCursor> cursors = DuckDbStreams.openAll(connection,
                List.of(CURRENT_PEOPLE.formatted(peopleFilter), ORDERS_OF_PEOPLE.formatted(ordersFilter)),
                parameters);
        DuckDbCursor people = cursors.get(0);
        DuckDbCursor orders = cursors.get(1);
        return DuckDbStreams.of(cursors, () -> {
            if (!people.hasRow()) {
                return null;
            }
            PersonRow person = people.next(PersonRow::read);
            return person.toDomain(orders.take(person.customerUniqueId(), row -> new OrderId(row.getString(2))));
        });
    }

    /** The current version of a person in {@code core.dim_customer}. */
    private record PersonRow(String customerUniqueId, String zipCodePrefix, String city, String state) {

        static PersonRow read(ResultSet row) throws SQLException {
            return new PersonRow(row.getString("customer_unique_id"), row.getString("customer_zip_code_prefix"),
                    row.getString("customer_city"), row.getString("customer_state"));
        }

        Customer toDomain(List<OrderId> orders) {
            return Customer.reconstitute(new CustomerUniqueId(customerUniqueId),
                    DuckDbAddresses.addressOrNull(zipCodePrefix, city, state), orders);
        }
    }
}
