package org.olistdw.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void an_amount_always_has_two_decimals() {
        assertThat(Money.brl("199.0").amount()).isEqualTo(new BigDecimal("199.00"));
        assertThat(Money.brl("7").amount()).isEqualTo(new BigDecimal("7.00"));
        assertThat(Money.brl("1.500").amount()).isEqualTo(new BigDecimal("1.50"));
        assertThat(Money.brl(new BigDecimal("1E+2")).amount()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void amounts_written_differently_are_equal() {
        assertThat(Money.brl("1.5")).isEqualTo(Money.brl("1.50")).hasSameHashCodeAs(Money.brl("1.50"));
        assertThat(Money.brlCents(12990)).isEqualTo(Money.brl("129.90"));
    }

    @Test
    void rejects_an_amount_with_more_than_two_decimals() {
        assertThatThrownBy(() -> Money.brl("1.005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("money must have at most 2 decimal places, was 1.005 BRL");
    }

    @Test
    void rejects_a_missing_amount_or_currency() {
        assertThatThrownBy(() -> Money.brl((String) null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void adds_and_subtracts_exactly() {
        assertThat(Money.brl("10.10").plus(Money.brl("0.95"))).isEqualTo(Money.brl("11.05"));
        assertThat(Money.brl("10.10").minus(Money.brl("0.95"))).isEqualTo(Money.brl("9.15"));
        assertThat(Money.brl("0.10").plus(Money.brl("0.20"))).isEqualTo(Money.brl("0.30"));
    }

    @Test
    void a_difference_may_be_negative() {
        Money difference = Money.brl("1.00").minus(Money.brl("2.50"));
        assertThat(difference).isEqualTo(Money.brl("-1.50"));
        assertThat(difference.isNegative()).isTrue();
        assertThat(difference.isZero()).isFalse();
        assertThat(difference.isPositive()).isFalse();
    }

    @Test
    void multiplies_by_a_whole_number() {
        assertThat(Money.brl("19.99").times(3)).isEqualTo(Money.brl("59.97"));
        assertThat(Money.brl("19.99").times(0)).isEqualTo(Money.ZERO_BRL);
    }

    @Test
    void distance_is_the_absolute_difference_either_way() {
        assertThat(Money.brl("3.00").distanceTo(Money.brl("5.50"))).isEqualTo(Money.brl("2.50"));
        assertThat(Money.brl("5.50").distanceTo(Money.brl("3.00"))).isEqualTo(Money.brl("2.50"));
    }

    @Test
    void compares_by_amount() {
        assertThat(Money.brl("2.00")).isGreaterThan(Money.brl("1.99"));
        assertThat(Money.brl("2.0").compareTo(Money.brl("2.00"))).isZero();
    }

    @Test
    void zero_is_neither_positive_nor_negative() {
        assertThat(Money.ZERO_BRL.isZero()).isTrue();
        assertThat(Money.brl("-0.00").isZero()).isTrue();
        assertThat(Money.zero(USD).isPositive()).isFalse();
        assertThat(Money.zero(USD).isNegative()).isFalse();
    }

    @Test
    void counts_cents_exactly() {
        assertThat(Money.brl("129.90").cents()).isEqualTo(12990);
        assertThat(Money.brl("-0.01").cents()).isEqualTo(-1);
    }

    @Test
    void prints_currency_and_amount() {
        assertThat(Money.brl("129.9")).hasToString("BRL 129.90");
    }

    @Test
    void refuses_to_mix_currencies() {
        Money dollar = new Money(new BigDecimal("1.00"), USD);
        assertThatThrownBy(() -> Money.brl("1.00").plus(dollar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add USD 1.00 and BRL 1.00: money in different currencies does not mix");
        assertThatThrownBy(() -> Money.brl("1.00").minus(dollar)).hasMessageStartingWith("cannot subtract USD 1.00");
        assertThatThrownBy(() -> Money.brl("1.00").compareTo(dollar)).hasMessageStartingWith("cannot compare USD 1.00");
        assertThatThrownBy(() -> Money.brl("1.00").distanceTo(dollar)).hasMessageStartingWith("cannot compare");
    }

    @Test
    void arithmetic_laws_hold_for_thousands_of_random_amounts() {
        Random random = new Random(20_171_002L);
        List<Currency> currencies = List.of(Money.BRL, USD, EUR);
        for (int i = 0; i < 5_000; i++) {
            long aCents = random.nextLong() % 10_000_000_000L;
            long bCents = random.nextLong() % 10_000_000_000L;
            long cCents = random.nextInt(2_000_001) - 1_000_000;
            Money a = Money.brlCents(aCents);
            Money b = Money.brlCents(bCents);
            Money c = Money.brlCents(cCents);

            assertThat(a.plus(b)).isEqualTo(b.plus(a));
            assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
            assertThat(a.minus(b).plus(b)).isEqualTo(a);
            assertThat(a.cents()).isEqualTo(aCents);
            assertThat(Money.brl(a.amount().toPlainString())).isEqualTo(a);
            assertThat(a.plus(b).cents()).isEqualTo(aCents + bCents);
            assertThat(a.distanceTo(b)).isEqualTo(b.distanceTo(a));
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Long.signum(aCents - bCents));

            Currency first = currencies.get(random.nextInt(currencies.size()));
            Currency second = currencies.get(random.nextInt(currencies.size()));
            Money x = new Money(BigDecimal.valueOf(aCents, 2), first);
            Money y = new Money(BigDecimal.valueOf(bCents, 2), second);
            if (first.equals(second)) {
                assertThat(x.plus(y).currency()).isEqualTo(first);
                assertThat(x.minus(y).currency()).isEqualTo(first);
            } else {
                assertThatThrownBy(() -> x.plus(y)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> x.minus(y)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> x.compareTo(y)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> x.distanceTo(y)).isInstanceOf(IllegalArgumentException.class);
            }
        }
    }
}
