package org.olistdw.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReviewScoreTest {

    @Test
    void accepts_one_to_five_stars() {
        for (int stars = 1; stars <= 5; stars++) {
            assertThat(new ReviewScore(stars).value()).isEqualTo(stars);
        }
        assertThat(new ReviewScore(4)).isEqualTo(new ReviewScore(4)).hasToString("4");
    }

    @Test
    void rejects_review_score_above_five() {
        assertThatThrownBy(() -> new ReviewScore(7))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("review score must be 1..5, was 7");
        assertThatThrownBy(() -> new ReviewScore(6)).hasMessage("review score must be 1..5, was 6");
    }

    @Test
    void rejects_review_score_below_one() {
        assertThatThrownBy(() -> new ReviewScore(0)).hasMessage("review score must be 1..5, was 0");
        assertThatThrownBy(() -> new ReviewScore(-3)).hasMessage("review score must be 1..5, was -3");
    }
}
