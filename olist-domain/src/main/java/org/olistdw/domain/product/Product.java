package org.olistdw.domain.product;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.olistdw.domain.shared.AggregateRoot;
import org.olistdw.domain.shared.ProductId;

/**
 * A product of the catalogue: its category, its packaged measures and how its listing is presented.
 *
 * <p>Invariants: the identity never changes; every part the source may lack is optional — the category
 * (610 real products have none), the {@link ProductDimensions} (absent when the source lacks any of
 * weight, length, height or width) and the listing figures (photos, name length, description length),
 * each 0 or more when present.
 *
 * <p>Changes record events ({@link ProductRecategorised}) that the caller collects with
 * {@link #pullEvents()}. Equality is by identity.
 */
public final class Product extends AggregateRoot {

    private final ProductId id;
    private Category category;
    private final ProductDimensions dimensions;
    private final Integer photos;
    private final Integer nameLength;
    private final Integer descriptionLength;

    private Product(ProductId id, Category category, ProductDimensions dimensions, Integer photos,
                    Integer nameLength, Integer descriptionLength) {
        this.id = Objects.requireNonNull(id, "product id");
        this.category = category;
        this.dimensions = dimensions;
        this.photos = requireNotNegative("photos", photos);
        this.nameLength = requireNotNegative("name length", nameLength);
        this.descriptionLength = requireNotNegative("description length", descriptionLength);
    }

    private static Integer requireNotNegative(String figure, Integer value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException("product " + figure + " must not be negative, was " + value);
        }
        return value;
    }

    /**
     * A product rebuilt from a store or a source row, with no events. Every argument but the id may be
     * null when the source lacks it.
     *
     * @param id                the product
     * @param category          its category; null when it has none
     * @param dimensions        its packaged measures; null when any is missing
     * @param photos            {@code product_photos_qty}, 0 or more; null when missing
     * @param nameLength        {@code product_name_lenght} (characters), 0 or more; null when missing
     * @param descriptionLength {@code product_description_lenght} (characters), 0 or more; null when missing
     * @throws IllegalArgumentException naming the figure when a count or length is negative
     */
    public static Product reconstitute(ProductId id, Category category, ProductDimensions dimensions, Integer photos,
                                       Integer nameLength, Integer descriptionLength) {
        return new Product(id, category, dimensions, photos, nameLength, descriptionLength);
    }

    /** The product's identity. */
    public ProductId id() {
        return id;
    }

    /** Its category; empty when it has none. */
    public Optional<Category> category() {
        return Optional.ofNullable(category);
    }

    /** Its packaged measures; empty when the source lacks any of them. */
    public Optional<ProductDimensions> dimensions() {
        return Optional.ofNullable(dimensions);
    }

    /** The number of photos of its listing; empty when unknown. */
    public OptionalInt photos() {
        return photos == null ? OptionalInt.empty() : OptionalInt.of(photos);
    }

    /** The length of its name in characters; empty when unknown. */
    public OptionalInt nameLength() {
        return nameLength == null ? OptionalInt.empty() : OptionalInt.of(nameLength);
    }

    /** The length of its description in characters; empty when unknown. */
    public OptionalInt descriptionLength() {
        return descriptionLength == null ? OptionalInt.empty() : OptionalInt.of(descriptionLength);
    }

    /**
     * The product now belongs to {@code newCategory}. Records {@link ProductRecategorised} only when the
     * category differs (by Portuguese name) from the current one; the same category changes nothing,
     * whatever its translation.
     */
    public void changeCategory(Category newCategory, LocalDateTime at) {
        Objects.requireNonNull(newCategory, "new category");
        Objects.requireNonNull(at, "recategorised at");
        if (newCategory.equals(category)) {
            return;
        }
        Optional<Category> previous = Optional.ofNullable(category);
        category = newCategory;
        record(new ProductRecategorised(id, previous, newCategory, at));
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** For example {@code Product[1e9e8ef04dbcff4541ed26657ea517e5, perfumaria]}. */
    @Override
    public String toString() {
        return "Product[" + id + ", " + (category == null ? "no category" : category.name()) + "]";
    }
}
