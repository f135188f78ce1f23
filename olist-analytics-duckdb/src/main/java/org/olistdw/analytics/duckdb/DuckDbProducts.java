package org.olistdw.analytics.duckdb;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import org.olistdw.domain.product.Category;
import org.olistdw.domain.product.Product;
import org.olistdw.domain.product.ProductDimensions;
import org.olistdw.domain.product.Products;
import org.olistdw.domain.shared.ProductId;

/**
 * Products of a warehouse: the current version of each product in {@code core.dim_product}, with its
 * category from {@code core.dim_category} (none for the unknown category, key -1).
 */
final class DuckDbProducts implements Products {

    private static final String CURRENT_PRODUCTS = """
            select
                products.product_id,
                products.category_key,
                categories.product_category_name,
                categories.product_category_name_english,
                categories.has_translation,
                products.product_photos_qty,
                products.product_name_length,
                products.product_description_length,
                products.product_weight_g,
                products.product_length_cm,
                products.product_height_cm,
                products.product_width_cm
            from core.dim_product as products
            left join core.dim_category as categories
                on products.category_key = categories.category_key
            where products.is_current
                and products.product_key <> -1
                %s
            order by products.product_id
            """;

    private final DuckDBConnection connection;

    DuckDbProducts(DuckDBConnection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        Objects.requireNonNull(id, "product id");
        try (Stream<Product> products = read("and products.product_id = ?", id.value())) {
            return products.findFirst();
        }
    }

    @Override
    public Stream<Product> streamAll() {
        return read("");
    }

    private Stream<Product> read(String filter, Object... parameters) {
        DuckDbCursor products = DuckDbCursor.open(connection, CURRENT_PRODUCTS.formatted(filter), parameters);
        return DuckDbStreams.of(List.of(products),
                () -> products.hasRow() ? products.next(ProductRow::read).toDomain() : null);
    }

    /** A current version of {@code core.dim_product} with its category. */
    private record ProductRow(String productId, long categoryKey, String categoryName, String englishName,
                              boolean translated, Integer photos, Integer nameLength, Integer descriptionLength,
                              BigDecimal weightGrams, BigDecimal lengthCm, BigDecimal heightCm,
                              BigDecimal widthCm) {

        static ProductRow read(ResultSet row) throws SQLException {
            return new ProductRow(row.getString("product_id"), row.getLong("category_key"),
                    row.getString("product_category_name"), row.getString("product_category_name_english"),
                    row.getBoolean("has_translation"), DuckDbCursor.integer(row, "product_photos_qty"),
                    DuckDbCursor.integer(row, "product_name_length"),
                    DuckDbCursor.integer(row, "product_description_length"),
                    DuckDbCursor.decimal(row, "product_weight_g"), DuckDbCursor.decimal(row, "product_length_cm"),
                    DuckDbCursor.decimal(row, "product_height_cm"), DuckDbCursor.decimal(row, "product_width_cm"));
        }

        Product toDomain() {
            return Product.reconstitute(new ProductId(productId), category(), dimensions(), countOrNull(photos),
                    countOrNull(nameLength), countOrNull(descriptionLength));
        }

        /** None for the unknown category; the English name only when the translation file gives one. */
        private Category category() {
            if (categoryKey == -1 || categoryName == null || categoryName.isBlank()) {
                return null;
            }
            return new Category(categoryName, translated && englishName != null && !englishName.isBlank()
                    ? englishName : null);
        }

        /** The four measures, or null when one is missing or not a whole, non-negative number. */
        private ProductDimensions dimensions() {
            Integer weight = wholeOrNull(weightGrams);
            Integer length = wholeOrNull(lengthCm);
            Integer height = wholeOrNull(heightCm);
            Integer width = wholeOrNull(widthCm);
            if (weight == null || length == null || height == null || width == null) {
                return null;
            }
            return new ProductDimensions(weight, length, height, width);
        }

        private static Integer wholeOrNull(BigDecimal measure) {
            if (measure == null || measure.signum() < 0) {
                return null;
            }
            try {
                return measure.intValueExact();
            } catch (ArithmeticException e) {
                return null;
            }
        }

        private static Integer countOrNull(Integer count) {
            return count == null || count < 0 ? null : count;
        }
    }
}
