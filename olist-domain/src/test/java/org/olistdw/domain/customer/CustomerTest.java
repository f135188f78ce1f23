package org.olistdw.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.CustomerUniqueId;
import org.olistdw.domain.shared.OrderId;

class CustomerTest {

    private static final CustomerUniqueId PERSON = new CustomerUniqueId("861eff4711a542e4b93843c6dd7febb0");
    private static final Address FRANCA = Address.of("14409", "franca", "SP");
    private static final Address CAMPINAS = Address.of("13056", "campinas", "SP");
    private static final LocalDateTime MAY_16 = LocalDateTime.of(2017, 5, 16, 15, 5, 35);
    private static final LocalDateTime JAN_12 = LocalDateTime.of(2018, 1, 12, 20, 48, 24);

    @Test
    void registering_records_the_person_and_their_address() {
        Customer customer = Customer.register(PERSON, FRANCA, MAY_16);

        assertThat(customer.id()).isEqualTo(PERSON);
        assertThat(customer.address()).contains(FRANCA);
        assertThat(customer.orders()).isEmpty();
        assertThat(customer.events()).containsExactly(new CustomerRegistered(PERSON, Optional.of(FRANCA), MAY_16));
    }

    @Test
    void a_person_whose_source_address_is_not_valid_registers_without_one() {
        Customer customer = Customer.register(PERSON, null, MAY_16);

        assertThat(customer.address()).isEmpty();
        assertThat(customer.events()).containsExactly(new CustomerRegistered(PERSON, Optional.empty(), MAY_16));
    }

    @Test
    void orders_keep_the_order_in_which_they_were_first_recorded() {
        Customer customer = Customer.reconstitute(PERSON, FRANCA, List.of());
        OrderId later = new OrderId("ffff0000000000000000000000000000");
        OrderId earlier = new OrderId("00000000000000000000000000000001");

        customer.recordOrder(later);
        customer.recordOrder(earlier);

        assertThat(customer.orders()).containsExactly(later, earlier);
        assertThat(customer.hasPlaced(earlier)).isTrue();
        assertThat(customer.hasPlaced(new OrderId("abc"))).isFalse();
    }

    @Test
    void an_order_cannot_be_recorded_twice_for_the_same_person() {
        OrderId order = new OrderId("e481f51cbdc54678b7cc49136f2d6af7");
        Customer customer = Customer.reconstitute(PERSON, FRANCA, List.of(order));

        assertThatThrownBy(() -> customer.recordOrder(order))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("order e481f51cbdc54678b7cc49136f2d6af7 is already recorded for customer "
                        + "861eff4711a542e4b93843c6dd7febb0");
        assertThat(customer.orders()).containsExactly(order);
    }

    @Test
    void a_stored_person_with_an_order_twice_cannot_be_rebuilt() {
        OrderId order = new OrderId("e481f51cbdc54678b7cc49136f2d6af7");

        assertThatThrownBy(() -> Customer.reconstitute(PERSON, FRANCA, List.of(order, order)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("order e481f51cbdc54678b7cc49136f2d6af7 is already recorded");
    }

    @Test
    void the_orders_cannot_be_changed_from_outside() {
        Customer customer = Customer.reconstitute(PERSON, FRANCA, List.of());

        assertThatThrownBy(() -> customer.orders().add(new OrderId("x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void moving_to_another_address_records_where_from_and_where_to() {
        Customer customer = Customer.reconstitute(PERSON, FRANCA, List.of());

        customer.moveTo(CAMPINAS, JAN_12);

        assertThat(customer.address()).contains(CAMPINAS);
        assertThat(customer.events()).containsExactly(new CustomerMoved(PERSON, Optional.of(FRANCA), CAMPINAS, JAN_12));
    }

    @Test
    void moving_to_the_current_address_changes_nothing() {
        Customer customer = Customer.reconstitute(PERSON, FRANCA, List.of());

        customer.moveTo(Address.of("14409", " franca ", "sp"), JAN_12);

        assertThat(customer.address()).contains(FRANCA);
        assertThat(customer.events()).isEmpty();
    }

    @Test
    void a_person_without_an_address_moves_from_nowhere() {
        Customer customer = Customer.reconstitute(PERSON, null, List.of());

        customer.moveTo(FRANCA, JAN_12);

        assertThat(customer.events()).containsExactly(new CustomerMoved(PERSON, Optional.empty(), FRANCA, JAN_12));
    }

    @Test
    void pulling_events_hands_them_over_once() {
        Customer customer = Customer.register(PERSON, FRANCA, MAY_16);
        customer.moveTo(CAMPINAS, JAN_12);

        List<?> pulled = customer.pullEvents();

        assertThat(pulled).hasSize(2).first().isInstanceOf(CustomerRegistered.class);
        assertThat(pulled.get(1)).isInstanceOf(CustomerMoved.class);
        assertThat(customer.events()).isEmpty();
        assertThat(customer.pullEvents()).isEmpty();
    }

    @Test
    void a_rebuilt_person_has_no_events() {
        Customer customer = Customer.reconstitute(PERSON, FRANCA, List.of(new OrderId("a"), new OrderId("b")));

        assertThat(customer.events()).isEmpty();
        assertThat(customer.orders()).hasSize(2);
    }

    @Test
    void events_name_the_person_as_their_aggregate() {
        CustomerMoved moved = new CustomerMoved(PERSON, Optional.of(FRANCA), CAMPINAS, JAN_12);

        assertThat(moved.aggregateId()).isEqualTo("861eff4711a542e4b93843c6dd7febb0");
        assertThat(moved.occurredAt()).isEqualTo(JAN_12);
    }

    @Test
    void a_move_to_the_same_address_is_not_an_event() {
        assertThatThrownBy(() -> new CustomerMoved(PERSON, Optional.of(FRANCA), FRANCA, JAN_12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("did not move");
    }

    @Test
    void two_customers_are_the_same_person_when_their_ids_match() {
        Customer one = Customer.reconstitute(PERSON, FRANCA, List.of());
        Customer other = Customer.reconstitute(PERSON, CAMPINAS, List.of(new OrderId("a")));

        assertThat(one).isEqualTo(other).hasSameHashCodeAs(other);
        assertThat(one).isNotEqualTo(Customer.reconstitute(new CustomerUniqueId("someone else"), FRANCA, List.of()));
    }
}
