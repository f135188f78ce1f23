package org.olistdw.analytics.duckdb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A layer of the warehouse: a folder of SQL models under the model root and the schema their tables live in.
 * Layers only say where a model's table goes; the build graph orders models by what they read.
 */
enum Layer {
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

    /** The folder under the model root holding this layer's models. */
    String folder() {
        return folder;
    }

    /** The warehouse schema this layer's tables live in. */
    String schema() {
        return schema;
    }

    /** The layer whose folder has this name, if any. */
    static Optional<Layer> ofFolder(String folder) {
        return Arrays.stream(values()).filter(l -> l.folder.equals(folder.toLowerCase(Locale.ROOT))).findFirst();
    }
}
