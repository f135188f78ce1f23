package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.olistdw.domain.seller.Seller;
import org.olistdw.domain.seller.Sellers;
import org.olistdw.domain.shared.Address;
import org.olistdw.domain.shared.SellerId;

/**
 * {@link DuckDbSellers} over the warehouse built from the hand-made star fixture: the six lines of
 * {@code olist_sellers_dataset.csv}, each seller's only (current) version.
 */
class DuckDbSellersRepositoryTest {

    @TempDir
    static Path directory;

    private static DuckDbBuild build;
    private static Sellers sellers;

    @BeforeAll
    static void buildTheWarehouseFromTheStarFixture() {
        build = Builds.newBuild(Builds.warehouse(directory, DuckDbSettings.DEFAULT_MODEL_ROOT), 1);
        Builds.loadAndBuildAll(build, Builds.starFixture());
        sellers = DuckDbRepositories.over(build.connection()).sellers();
    }

    @AfterAll
    static void discardTheBuild() {
        if (build != null) {
            build.close();
        }
    }

    @Test
    void a_seller_comes_back_at_its_address_with_the_leading_zero_of_its_zip_prefix() {
        // s01,01037,sao paulo,SP
        Seller seller = sellers.findById(new SellerId("s01")).orElseThrow();

        assertThat(seller.id()).isEqualTo(new SellerId("s01"));
        assertThat(seller.address()).contains(Address.of("01037", "sao paulo", "SP"));
        assertThat(seller.events()).isEmpty();
    }

    @Test
    void unknown_sellers_find_nothing() {
        assertThat(sellers.findById(new SellerId("s99"))).isEmpty();
        assertThat(sellers.findById(new SellerId("unknown"))).isEmpty();
    }

    @Test
    void streaming_gives_every_seller_once_by_id() {
        try (Stream<Seller> all = sellers.streamAll()) {
            assertThat(all).extracting(seller -> seller.id().value(), Seller::address).containsExactly(
                    tuple("s01", Optional.of(Address.of("01037", "sao paulo", "SP"))),
                    tuple("s02", Optional.of(Address.of("13083", "campinas", "SP"))),
                    tuple("s03", Optional.of(Address.of("20040", "rio de janeiro", "RJ"))),
                    tuple("s04", Optional.of(Address.of("80010", "curitiba", "PR"))),
                    tuple("s05", Optional.of(Address.of("30130", "belo horizonte", "MG"))),
                    // 88015 is missing from the geolocation file; the address is valid all the same
                    tuple("s06", Optional.of(Address.of("88015", "florianopolis", "SC"))));
        }
    }
}
