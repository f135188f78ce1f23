package org.olistdw.domain.order;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where an order stands in the marketplace's lifecycle ({@code order_status}).
 *
 * <p>The transitions the marketplace allows:
 * <pre>
 * created    → approved | canceled | unavailable
 * approved   → invoiced | processing | canceled | unavailable
 * processing → invoiced | canceled | unavailable
 * invoiced   → shipped | canceled | unavailable
 * shipped    → delivered | canceled
 * delivered, canceled, unavailable: terminal, nothing follows
 * </pre>
 * The transitions form no cycle: every path along {@link #allowedNext()} ends in a terminal status without
 * visiting a status twice.
 */
public enum OrderStatus {
    /** Placed by the customer, payment not yet approved. */
    CREATED("created"),
    /** Payment approved. */
    APPROVED("approved"),
    /** Invoice issued; the order can be handed to the carrier. */
    INVOICED("invoiced"),
    /** Being prepared by the seller. */
    PROCESSING("processing"),
    /** Handed to the carrier. */
    SHIPPED("shipped"),
    /** Reached the customer. */
    DELIVERED("delivered"),
    /** Canceled before it reached the customer. */
    CANCELED("canceled"),
    /** Could not be fulfilled: the products were not available. */
    UNAVAILABLE("unavailable");

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = new EnumMap<>(OrderStatus.class);

    static {
        NEXT.put(CREATED, EnumSet.of(APPROVED, CANCELED, UNAVAILABLE));
        NEXT.put(APPROVED, EnumSet.of(INVOICED, PROCESSING, CANCELED, UNAVAILABLE));
        NEXT.put(PROCESSING, EnumSet.of(INVOICED, CANCELED, UNAVAILABLE));
        NEXT.put(INVOICED, EnumSet.of(SHIPPED, CANCELED, UNAVAILABLE));
        NEXT.put(SHIPPED, EnumSet.of(DELIVERED, CANCELED));
        NEXT.put(DELIVERED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(CANCELED, EnumSet.noneOf(OrderStatus.class));
        NEXT.put(UNAVAILABLE, EnumSet.noneOf(OrderStatus.class));
        NEXT.replaceAll((status, next) -> Collections.unmodifiableSet(next));
    }

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    /** The status as the source writes it, lower case, e.g. {@code canceled}. */
    public String code() {
        return code;
    }

    /** The statuses an order in this status may move to, in declaration order; empty when terminal. Unmodifiable. */
    public Set<OrderStatus> allowedNext() {
        return NEXT.get(this);
    }

    /** Whether an order in this status may move to {@code next}; a status never moves to itself. */
    public boolean canTransitionTo(OrderStatus next) {
        return allowedNext().contains(next);
    }

    /** Whether nothing may follow this status: delivered, canceled and unavailable. */
    public boolean isTerminal() {
        return allowedNext().isEmpty();
    }

    /**
     * The status whose {@link #code()} is {@code code}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException naming the value and listing the eight accepted codes
     */
    public static OrderStatus ofCode(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException(
                "order status must be one of " + acceptedCodes() + ", was " + quoted(code)));
    }

    /** The status for {@code code} as {@link #ofCode} reads it, empty when there is none: {@link OrderRule#STATUS_ACCEPTED}. */
    static Optional<OrderStatus> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.code.equals(wanted)).findFirst();
    }

    /** The accepted codes in declaration order, e.g. {@code created, approved, ...}. */
    static String acceptedCodes() {
        return Arrays.stream(values()).map(OrderStatus::code).collect(Collectors.joining(", "));
    }

    private static String quoted(String code) {
        return code == null ? "null" : "'" + code + "'";
    }
}
