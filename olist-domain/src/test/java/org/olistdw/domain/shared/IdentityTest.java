package org.olistdw.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentityTest {

    @Test
    void an_identity_is_its_text() {
        assertThat(new OrderId("e481f51cbdc54678b7cc49136f2d6af7")).hasToString("e481f51cbdc54678b7cc49136f2d6af7");
        assertThat(new CustomerUniqueId("u1")).isEqualTo(new CustomerUniqueId("u1")).hasToString("u1");
        assertThat(new SellerId("s1").value()).isEqualTo("s1");
        assertThat(new ProductId("p1")).isNotEqualTo(new ProductId("p2"));
    }

    @Test
    void rejects_blank_identities() {
        assertThatThrownBy(() -> new OrderId(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("order id must not be blank");
        assertThatThrownBy(() -> new CustomerUniqueId("")).hasMessage("customer unique id must not be blank");
        assertThatThrownBy(() -> new SellerId("\t")).hasMessage("seller id must not be blank");
        assertThatThrownBy(() -> new ProductId("")).hasMessage("product id must not be blank");
    }

    @Test
    void rejects_missing_identities() {
        assertThatThrownBy(() -> new OrderId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CustomerUniqueId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SellerId(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ProductId(null)).isInstanceOf(NullPointerException.class);
    }
}
