package org.olistdw.analytics.duckdb;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A layer of the warehouse: a folder of SQL models under the model root, the schema their relations live in
 * and whether they are tables or views. Layers only say where a model goes and what it becomes; the build
 * graph orders models by what they read.
 *
 * <p>Staging models are views: each is a typed reading of one raw table, read by one or two models, so storing
 * it would write every source row a second time; its readers compute it as they read it. Every other layer
 * is stored as tables.
 */
enum Layer {
    STAGING("staging", "staging", true),
    INTERMEDIATE("intermediate", "intermediate", false),
    CORE("core", "core", false),
    MARTS("marts", "mart", false);

    private final String folder;
    private final String schema;
    private final boolean views;

    Layer(String folder, String schema, boolean views) {
        this.folder = folder;
        this.schema = schema;
        this.views = views;
    }

    /** The folder under the model root holding this layer's models. */
    String folder() {
        return folder;
    }

    /** The warehouse schema this layer's tables live in. */
    String schema() {
        return schema;
    }

    /** Whether this layer's models are views ({@code true}) or tables. */
    boolean views() {
        return views;
    }

    /** The layer whose folder has this name, if any. */
    static Optional<Layer> ofFolder(String folder) {
        return Arrays.stream(values()).filter(l -> l.folder.equals(folder.toLowerCase(Locale.ROOT))).findFirst();
    }
}
