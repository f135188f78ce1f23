package org.olistdw.pipeline.build;

import java.util.Objects;
import java.util.Set;

/**
 * A SQL model: one select whose result becomes the table {@code schema.name}.
 *
 * @param name      the model's name, which is its file name without {@code .sql} and its table name
 * @param layer     the layer (folder and schema) it belongs to
 * @param dependsOn qualified names ({@code schema.table}) of the tables its SQL reads, raw sources included
 */
public record Model(String name, Layer layer, Set<String> dependsOn) {
    public Model {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layer, "layer");
        dependsOn = Set.copyOf(dependsOn);
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("model name must be lower snake case, was '" + name + "'");
        }
    }

    /** {@code schema.name}, e.g. {@code core.dim_customer}. */
    public String qualifiedName() {
        return layer.schema() + "." + name;
    }
}
