package org.olistdw.domain.product;

import java.util.Objects;
import java.util.Optional;

/**
 * A product category of the marketplace, identified by its Portuguese name (e.g. {@code beleza_saude})
 * and translated into English where the translation file has it (two real categories have no
 * translation).
 *
 * <p>Invariants: the Portuguese name is not blank; the English name, when present, is not blank. Both are
 * kept without surrounding blanks. Equality is by Portuguese name only: a translation does not change
 * which category it is.
 */
public final class Category {

    private final String name;
    private final String englishName;

    /**
     * A category.
     *
     * @param name        the Portuguese name, its identity
     * @param englishName the English name; null when there is no translation
     */
    public Category(String name, String englishName) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("category name must not be blank, was '" + name + "'");
        }
        if (englishName != null && englishName.isBlank()) {
            throw new IllegalArgumentException("category " + name.strip()
                    + ": English name must not be blank when given, was '" + englishName + "'");
        }
        this.name = name.strip();
        this.englishName = englishName == null ? null : englishName.strip();
    }

    /** A category with no English translation. */
    public static Category untranslated(String name) {
        return new Category(name, null);
    }

    /** The Portuguese name, the category's identity. */
    public String name() {
        return name;
    }

    /** The English name; empty when the category has no translation. */
    public Optional<String> englishName() {
        return Optional.ofNullable(englishName);
    }

    /** The English name when there is one, else the Portuguese name. */
    public String displayName() {
        return englishName == null ? name : englishName;
    }

    /** The same category translated as {@code english}. */
    public Category translatedAs(String english) {
        return new Category(name, Objects.requireNonNull(english, "English name"));
    }

    /** Same Portuguese name. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Category category && name.equals(category.name);
    }

    /** The hash of the identity, consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** For example {@code beleza_saude (health_beauty)}. */
    @Override
    public String toString() {
        return englishName == null ? name : name + " (" + englishName + ")";
    }
}
