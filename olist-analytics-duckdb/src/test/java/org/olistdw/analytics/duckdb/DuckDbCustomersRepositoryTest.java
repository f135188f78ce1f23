package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.customer.Customer;
import org.olistdw.domain.customer.Customers;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.OrderId;

/**
 * {@link DuckDbCustomers} over the warehouse built from the hand-made star fixture (FIXTURE.md): 27 people
 * p01..p27 behind 30 customer ids; p01 placed o01 (c01, sao paulo), o10 (c10, sao paulo) and o19 (c19, rio de
 * janeiro), p06 placed o06 and o15 (campinas both times), everyone else one order. A person's address is the
 * one given with their latest order.
 */
class DuckDbCustomersRepositoryTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;
    private static Customers customers;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
        customers = DuckDbRepositories.over(build.connection()).customers();
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    @Test
    void the_person_who_moved_is_at_the_address_of_their_latest_order_with_all_their_orders_by_purchase() {
        Customer person = customers.findById(new CustomerUniqueId("p01")).orElseThrow();

        assertThat(person.id()).isEqualTo(new CustomerUniqueId("p01"));
        // c19,p01,20040,rio de janeiro,RJ: the customer id of o19, p01's latest order (2018-02-14)
        assertThat(person.address()).contains(Address.of("20040", "rio de janeiro", "RJ"));
        assertThat(person.orders()).containsExactly(new OrderId("o01"), new OrderId("o10"), new OrderId("o19"));
    }

    @Test
    void a_person_with_two_orders_at_one_address() {
        Customer person = customers.findById(new CustomerUniqueId("p06")).orElseThrow();

        assertThat(person.address()).contains(Address.of("13083", "campinas", "SP"));
        assertThat(person.orders()).containsExactly(new OrderId("o06"), new OrderId("o15"));
    }

    @Test
    void a_zip_prefix_unknown_to_the_geolocation_file_still_makes_an_address() {
        // c08,p08,57020,maceio,AL: 57020 has no geolocation point, the address is valid all the same
        Customer person = customers.findById(new CustomerUniqueId("p08")).orElseThrow();

        assertThat(person.address()).contains(Address.of("57020", "maceio", "AL"));
        assertThat(person.orders()).containsExactly(new OrderId("o08"));
    }

    @Test
    void a_person_whose_only_order_was_canceled_still_has_it() {
        assertThat(customers.findById(new CustomerUniqueId("p15")).orElseThrow().orders())
                .containsExactly(new OrderId("o17"));
    }

    @Test
    void unknown_people_and_the_unknown_member_find_nothing() {
        assertThat(customers.findById(new CustomerUniqueId("p99"))).isEmpty();
        assertThat(customers.findById(new CustomerUniqueId("unknown"))).isEmpty();
    }

    @Test
    void streaming_gives_every_person_once_by_id_with_every_order_once() {
        List<Customer> streamed;
        try (Stream<Customer> all = customers.streamAll()) {
            streamed = all.toList();
        }

        assertThat(streamed).extracting(person -> person.id().value())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 27).mapToObj(n -> String.format("p%02d", n))
                        .toList());
        assertThat(streamed.stream().flatMap(person -> person.orders().stream()).map(OrderId::value).sorted())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 30).mapToObj(n -> String.format("o%02d", n))
                        .toList());
        for (Customer person : streamed) {
            Customer found = customers.findById(person.id()).orElseThrow();
            assertThat(person.address()).isEqualTo(found.address());
            assertThat(person.orders()).containsExactlyElementsOf(found.orders());
        }
        // c11 is p10's only customer id, and o11 its only order
        assertThat(streamed.get(9).orders()).containsExactly(new OrderId("o11"));
    }

    @Test
    void stored_values_that_make_no_valid_address_give_none() {
        assertThat(DuckDbAddresses.addressOrNull("01037", "sao paulo", "unknown")).isNull();
        assertThat(DuckDbAddresses.addressOrNull("1037", "sao paulo", "SP")).isNull();
        assertThat(DuckDbAddresses.addressOrNull("01037", " ", "SP")).isNull();
        assertThat(DuckDbAddresses.addressOrNull("01037", null, "SP")).isNull();
        assertThat(DuckDbAddresses.addressOrNull("01037", "sao paulo", "sp"))
                .isEqualTo(Address.of("01037", "sao paulo", "SP"));
    }
}
