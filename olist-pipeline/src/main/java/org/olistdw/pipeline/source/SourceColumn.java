package org.olistdw.pipeline.source;

import java.util.Objects;
import java.util.Optional;

/**
 * One column of a source file's contract.
 *
 * @param name     the column name exactly as in the file header
 * @param type     the type its text must have
 * @param required whether an empty value makes the row unreadable (keys are required)
 */
public record SourceColumn(String name, ColumnType type, boolean required) {

    public SourceColumn {
        Objects.requireNonNull(name, "column name");
        Objects.requireNonNull(type, "column type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }

    static SourceColumn required(String name, ColumnType type) {
        return new SourceColumn(name, type, true);
    }

    static SourceColumn optional(String name, ColumnType type) {
        return new SourceColumn(name, type, false);
    }

    /**
     * Checks one field of this column: it holds no forbidden {@linkplain ControlCharacters control character},
     * has a value when required, and its value is of the column's type.
     *
     * @return why the value cannot be read, naming the column and the value, or empty when it can
     */
    public Optional<String> problemWith(String value) {
        if (value == null || value.isEmpty()) {
            return required ? Optional.of(name + ": missing required value") : Optional.empty();
        }
        Optional<String> problem = ControlCharacters.problemWith(value).or(() -> type.problemWith(value));
        return problem.map(p -> name + ": " + p + ", was '" + abbreviate(value) + "'");
    }

    /** The value as evidence: at most 60 characters, control characters made visible. */
    private static String abbreviate(String value) {
        return ControlCharacters.visible(value.length() <= 60 ? value : value.substring(0, 57) + "...");
    }
}
