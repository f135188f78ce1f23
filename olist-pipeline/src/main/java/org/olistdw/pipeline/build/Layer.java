package org.olistdw.pipeline.build;

import java.util.Arrays;
import java.util.Locale;

/**
 * A layer of the warehouse. Each layer is a folder of SQL models under {@code sql/duckdb/} and a schema
 * in the warehouse; models are built layer by layer in dependency order.
 */
public enum Layer {
    STAGING("staging", "staging"),
    INTERMEDIATE("intermediate", "intermediate"),
    CORE("core", "core"),
    MARTS("marts", "mart");

    private final String folder;
    private final String schema;

    Layer(String folder, String schema) {
        this.folder = folder;
        this.schema = schema;
    }

    /** The folder under {@code sql/duckdb/} holding this layer's models. */
    public String folder() {
        return folder;
    }

    /** The warehouse schema this layer's tables live in. */
    public String schema() {
        return schema;
    }

    /** The layer whose folder has this name. */
    public static Layer ofFolder(String folder) {
        return Arrays.stream(values())
                .filter(l -> l.folder.equals(folder.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no layer has folder '" + folder + "'"));
    }
}
