package org.olistdw.domain.shared;

/** The five IBGE macro-regions of Brazil. */
public enum Region {
    NORTE("Norte"),
    NORDESTE("Nordeste"),
    CENTRO_OESTE("Centro-Oeste"),
    SUDESTE("Sudeste"),
    SUL("Sul");

    private final String label;

    Region(String label) {
        this.label = label;
    }

    /** The region's name as written in the warehouse, e.g. {@code Centro-Oeste}. */
    public String label() {
        return label;
    }
}
