package org.olistdw.domain.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CategoryTest {

    @Test
    void a_category_is_the_same_whatever_its_translation() {
        Category translated = new Category("beleza_saude", "health_beauty");
        Category untranslated = Category.untranslated("beleza_saude");

        assertThat(translated).isEqualTo(untranslated).hasSameHashCodeAs(untranslated);
        assertThat(translated).isNotEqualTo(Category.untranslated("perfumaria"));
    }

    @Test
    void a_category_without_translation_shows_its_portuguese_name() {
        Category pcGamer = Category.untranslated("pc_gamer");

        assertThat(pcGamer.englishName()).isEmpty();
        assertThat(pcGamer.displayName()).isEqualTo("pc_gamer");
        assertThat(pcGamer.translatedAs("pc_gaming").displayName()).isEqualTo("pc_gaming");
    }

    @Test
    void names_are_kept_without_surrounding_blanks() {
        Category category = new Category(" perfumaria ", " perfumery");

        assertThat(category.name()).isEqualTo("perfumaria");
        assertThat(category.englishName()).contains("perfumery");
        assertThat(category).hasToString("perfumaria (perfumery)");
    }

    @Test
    void rejects_a_blank_name() {
        assertThatThrownBy(() -> Category.untranslated(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category name must not be blank, was ' '");
    }

    @Test
    void rejects_a_blank_translation() {
        assertThatThrownBy(() -> new Category("perfumaria", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("category perfumaria: English name must not be blank when given, was ''");
    }
}
