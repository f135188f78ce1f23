package org.olistdw.pipeline.build;

import java.util.Objects;
import java.util.Set;

/**
 * A SQL model: one select whose result becomes the table {@code qualifiedName}.
 *
 * @param qualifiedName the table it writes, {@code schema.name}, e.g. {@code core.dim_customer}
 * @param reads         qualified names ({@code schema.table}) of the tables its SQL reads, sources included
 * @param source        where its SQL comes from, e.g. {@code sql/duckdb/core/dim_customer.sql}, to name it in errors
 */
public record Model(String qualifiedName, Set<String> reads, String source) {

    public Model {
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        Objects.requireNonNull(source, "source");
        reads = Set.copyOf(reads);
        if (!qualifiedName.matches("[a-z_][a-z0-9_]*\\.[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("a model's table must be schema.name in lower snake case, was '"
                    + qualifiedName + "'");
        }
    }

    /** The table's name without its schema, which is also the model's file name. */
    public String name() {
        return qualifiedName.substring(qualifiedName.indexOf('.') + 1);
    }

    /** The schema its table lives in. */
    public String schema() {
        return qualifiedName.substring(0, qualifiedName.indexOf('.'));
    }
}
