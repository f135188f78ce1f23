package org.olistdw.domain.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.olistdw.domain.shared.ProductId;

class ProductTest {

    private static final ProductId ID = new ProductId("1e9e8ef04dbcff4541ed26657ea517e5");
    private static final Category PERFUMARIA = new Category("perfumaria", "perfumery");
    private static final Category BELEZA_SAUDE = new Category("beleza_saude", "health_beauty");
    private static final ProductDimensions SMALL_BOX = new ProductDimensions(225, 16, 10, 14);
    private static final LocalDateTime AT = LocalDateTime.of(2018, 2, 1, 12, 0);

    @Test
    void a_rebuilt_product_keeps_what_the_source_gave() {
        Product product = Product.reconstitute(ID, PERFUMARIA, SMALL_BOX, 1, 40, 287);

        assertThat(product.id()).isEqualTo(ID);
        assertThat(product.category()).contains(PERFUMARIA);
        assertThat(product.dimensions()).contains(SMALL_BOX);
        assertThat(product.photos()).hasValue(1);
        assertThat(product.nameLength()).hasValue(40);
        assertThat(product.descriptionLength()).hasValue(287);
        assertThat(product.events()).isEmpty();
    }

    @Test
    void a_product_without_category_nor_listing_figures_has_them_all_empty() {
        Product product = Product.reconstitute(ID, null, null, null, null, null);

        assertThat(product.category()).isEmpty();
        assertThat(product.dimensions()).isEmpty();
        assertThat(product.photos()).isEmpty();
        assertThat(product.nameLength()).isEmpty();
        assertThat(product.descriptionLength()).isEmpty();
    }

    @Test
    void rejects_a_negative_photo_count_naming_it() {
        assertThatThrownBy(() -> Product.reconstitute(ID, PERFUMARIA, SMALL_BOX, -1, 40, 287))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("product photos must not be negative, was -1");
    }

    @Test
    void rejects_a_negative_description_length_naming_it() {
        assertThatThrownBy(() -> Product.reconstitute(ID, PERFUMARIA, SMALL_BOX, 1, 40, -287))
                .hasMessage("product description length must not be negative, was -287");
    }

    @Test
    void moving_to_another_category_records_from_and_to() {
        Product product = Product.reconstitute(ID, PERFUMARIA, SMALL_BOX, 1, 40, 287);

        product.changeCategory(BELEZA_SAUDE, AT);

        assertThat(product.category()).contains(BELEZA_SAUDE);
        assertThat(product.pullEvents())
                .containsExactly(new ProductRecategorised(ID, Optional.of(PERFUMARIA), BELEZA_SAUDE, AT));
        assertThat(product.events()).isEmpty();
    }

    @Test
    void an_uncategorised_product_is_recategorised_from_nothing() {
        Product product = Product.reconstitute(ID, null, SMALL_BOX, null, null, null);

        product.changeCategory(PERFUMARIA, AT);

        assertThat(product.events()).containsExactly(new ProductRecategorised(ID, Optional.empty(), PERFUMARIA, AT));
    }

    @Test
    void the_same_category_changes_nothing() {
        Product product = Product.reconstitute(ID, PERFUMARIA, SMALL_BOX, 1, 40, 287);

        product.changeCategory(Category.untranslated("perfumaria"), AT);

        assertThat(product.events()).isEmpty();
        assertThat(product.category().flatMap(Category::englishName)).contains("perfumery");
    }

    @Test
    void products_are_equal_by_id() {
        assertThat(Product.reconstitute(ID, PERFUMARIA, SMALL_BOX, 1, 40, 287))
                .isEqualTo(Product.reconstitute(ID, null, null, null, null, null));
        assertThat(new ProductRecategorised(ID, Optional.empty(), PERFUMARIA, AT).aggregateId())
                .isEqualTo("1e9e8ef04dbcff4541ed26657ea517e5");
    }
}
