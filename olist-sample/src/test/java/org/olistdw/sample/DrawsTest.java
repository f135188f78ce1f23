package org.olistdw.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DrawsTest {

    @Test
    void picks_by_cumulative_share() {
        double[] cumulative = Draws.cumulative(1, 2, 1);
        assertThat(cumulative).containsExactly(0.25, 0.75, 1.0);
        assertThat(Draws.pick(cumulative, 0.0)).isZero();
        assertThat(Draws.pick(cumulative, 0.2499)).isZero();
        assertThat(Draws.pick(cumulative, 0.25)).isEqualTo(1);
        assertThat(Draws.pick(cumulative, 0.9999)).isEqualTo(2);
    }

    @Test
    void never_picks_a_zero_weight_even_at_the_ends() {
        double[] cumulative = Draws.cumulative(0, 3, 0, 7, 0, 0);
        for (double u : new double[] {0.0, 0.1, 0.2999, 0.3, 0.5, 0.999_999_999_999}) {
            assertThat(Draws.pick(cumulative, u)).isIn(1, 3);
        }
    }
}
