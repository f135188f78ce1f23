package org.olistdw.analytics.duckdb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.seller.Seller;
import org.olistdw.domain.seller.Sellers;
import org.olistdw.domain.shared.SellerId;

/** Sellers of a warehouse: the current version of each seller in {@code core.dim_seller}. */
final class DuckDbSellers implements Sellers {

    private static final String CURRENT_SELLERS = """
            select
                seller_id,
                seller_zip_code_prefix,
                seller_city,
                seller_state
            from core.dim_seller
            where is_current
                and seller_key <> -1
                %s
            order by seller_id
            """;

    private final DuckDBConnection connection;

    DuckDbSellers(DuckDBConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Optional<Seller> findById(SellerId id) {
        Objects.requireNonNull(id, "seller id");
        try (Stream<Seller> sellers = read("and seller_id = ?", id.value())) {
            return sellers.findFirst();
        }
    }

    @Override
    public Stream<Seller> streamAll() {
        return read("");
    }

    private Stream<Seller> read(String filter, Object... parameters) {
        DuckDbCursor sellers = DuckDbCursor.open(connection, CURRENT_SELLERS.formatted(filter), parameters);
        return DuckDbStreams.of(List.of(sellers),
                () -> sellers.hasRow() ? sellers.next(SellerRow::read).toDomain() : null);
    }

    /** A current version of {@code core.dim_seller}. */
    private record SellerRow(String sellerId, String zipCodePrefix, String city, String state) {

        static SellerRow read(ResultSet row) throws SQLException {
            return new SellerRow(row.getString("seller_id"), row.getString("seller_zip_code_prefix"),
                    row.getString("seller_city"), row.getString("seller_state"));
        }

        Seller toDomain() {
            return Seller.reconstitute(new SellerId(sellerId), DuckDbAddresses.addressOrNull(zipCodePrefix, city, state));
        }
    }
}
