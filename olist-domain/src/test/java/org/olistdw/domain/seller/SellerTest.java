package org.olistdw.domain.seller;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.SellerId;

class SellerTest {

    private static final SellerId SELLER = new SellerId("3442f8959a84dea7ee197c632cb2df15");
    private static final Address CAMPINAS = Address.of("13023", "campinas", "SP");
    private static final Address CURITIBA = Address.of("80045", "curitiba", "PR");
    private static final LocalDateTime JOINED = LocalDateTime.of(2017, 2, 1, 9, 0);
    private static final LocalDateTime MOVED = LocalDateTime.of(2018, 4, 20, 10, 30);

    @Test
    void registering_records_the_seller_and_where_they_ship_from() {
        Seller seller = Seller.register(SELLER, CAMPINAS, JOINED);

        assertThat(seller.id()).isEqualTo(SELLER);
        assertThat(seller.address()).contains(CAMPINAS);
        assertThat(seller.events()).containsExactly(new SellerRegistered(SELLER, Optional.of(CAMPINAS), JOINED));
    }

    @Test
    void a_seller_with_a_dirty_source_address_registers_without_one() {
        Seller seller = Seller.register(SELLER, null, JOINED);

        assertThat(seller.address()).isEmpty();
        assertThat(seller.events()).containsExactly(new SellerRegistered(SELLER, Optional.empty(), JOINED));
    }

    @Test
    void moving_records_where_from_and_where_to() {
        Seller seller = Seller.reconstitute(SELLER, CAMPINAS);

        seller.moveTo(CURITIBA, MOVED);

        assertThat(seller.address()).contains(CURITIBA);
        assertThat(seller.pullEvents()).containsExactly(new SellerMoved(SELLER, Optional.of(CAMPINAS), CURITIBA, MOVED));
        assertThat(seller.events()).isEmpty();
    }

    @Test
    void moving_to_the_current_address_records_nothing() {
        Seller seller = Seller.reconstitute(SELLER, CAMPINAS);

        seller.moveTo(Address.of("13023", "campinas", "SP"), MOVED);

        assertThat(seller.events()).isEmpty();
    }

    @Test
    void a_rebuilt_seller_has_no_events_and_equals_any_seller_with_its_id() {
        Seller rebuilt = Seller.reconstitute(SELLER, null);

        assertThat(rebuilt.events()).isEmpty();
        assertThat(rebuilt).isEqualTo(Seller.reconstitute(SELLER, CURITIBA))
                .hasSameHashCodeAs(Seller.reconstitute(SELLER, CURITIBA));
        assertThat(new SellerMoved(SELLER, Optional.empty(), CURITIBA, MOVED).aggregateId())
                .isEqualTo("3442f8959a84dea7ee197c632cb2df15");
    }
}
