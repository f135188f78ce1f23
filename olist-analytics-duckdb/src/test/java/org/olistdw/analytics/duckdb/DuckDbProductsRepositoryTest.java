package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.product.Category;
import org.olistdw.domain.product.Product;
import org.olistdw.domain.product.ProductDimensions;
import org.olistdw.domain.product.Products;
import org.olistdw.domain.shared.ProductId;

/**
 * {@link DuckDbProducts} over the warehouse built from the hand-made star fixture: the twelve lines of
 * {@code olist_products_dataset.csv} (name and description lengths, photos, weight, length, height, width)
 * with the categories of {@code product_category_name_translation.csv}, which has no line for pc_gamer.
 */
class DuckDbProductsRepositoryTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;
    private static Products products;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
        products = DuckDbRepositories.over(build.connection()).products();
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    @Test
    void a_product_comes_back_with_its_translated_category_measures_and_listing() {
        // pr01,beleza_saude,40,300,2,500,20,10,15 and beleza_saude,health_beauty
        Product product = products.findById(new ProductId("pr01")).orElseThrow();

        assertThat(product.id()).isEqualTo(new ProductId("pr01"));
        assertThat(product.category()).contains(new Category("beleza_saude", "health_beauty"));
        assertThat(product.category().flatMap(Category::englishName)).contains("health_beauty");
        assertThat(product.dimensions()).contains(new ProductDimensions(500, 20, 10, 15));
        assertThat(product.nameLength()).hasValue(40);
        assertThat(product.descriptionLength()).hasValue(300);
        assertThat(product.photos()).hasValue(2);
    }

    @Test
    void a_product_without_category_has_none_and_no_listing_figures() {
        // pr10,,,,,700,20,10,20
        Product product = products.findById(new ProductId("pr10")).orElseThrow();

        assertThat(product.category()).isEmpty();
        assertThat(product.nameLength()).isEqualTo(OptionalInt.empty());
        assertThat(product.descriptionLength()).isEqualTo(OptionalInt.empty());
        assertThat(product.photos()).isEqualTo(OptionalInt.empty());
        assertThat(product.dimensions()).contains(new ProductDimensions(700, 20, 10, 20));
    }

    @Test
    void an_untranslated_category_has_no_english_name() {
        // pr09,pc_gamer,...: pc_gamer is not in the translation file
        Product product = products.findById(new ProductId("pr09")).orElseThrow();

        assertThat(product.category()).contains(Category.untranslated("pc_gamer"));
        assertThat(product.category().flatMap(Category::englishName)).isEmpty();
        assertThat(product.dimensions()).contains(new ProductDimensions(10000, 50, 50, 25));
    }

    @Test
    void a_product_without_weight_and_dimensions_has_no_measures() {
        // pr11,telefonia,48,900,3,,,,
        Product product = products.findById(new ProductId("pr11")).orElseThrow();

        assertThat(product.category().flatMap(Category::englishName)).contains("telephony");
        assertThat(product.dimensions()).isEmpty();
        assertThat(product.photos()).hasValue(3);
    }

    @Test
    void unknown_products_find_nothing() {
        assertThat(products.findById(new ProductId("pr99"))).isEmpty();
        assertThat(products.findById(new ProductId("unknown"))).isEmpty();
    }

    @Test
    void streaming_gives_every_product_once_by_id() {
        List<Product> streamed;
        try (Stream<Product> all = products.streamAll()) {
            streamed = all.toList();
        }

        assertThat(streamed).extracting(product -> product.id().value())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 12).mapToObj(n -> String.format("pr%02d", n))
                        .toList());
        // two products of beleza_saude (pr01, pr12), none without category but pr10
        assertThat(streamed).filteredOn(product -> product.category().isEmpty())
                .extracting(product -> product.id().value()).containsExactly("pr10");
        assertThat(streamed).filteredOn(product -> product.category().map(Category::name).orElse("")
                .equals("beleza_saude")).extracting(product -> product.id().value()).containsExactly("pr01", "pr12");
    }
}
