package org.olistdw.serving;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.olistdw.domain.shared.BrazilianState;

/**
 * The filters of one request, validated: a period of whole months, a state, a category. Their values reach
 * SQL only as bound parameters.
 */
record Filters(Optional<YearMonth> from, Optional<YearMonth> to, Optional<BrazilianState> state,
               Optional<String> category) {

    static final Filters NONE = new Filters(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * The filters of {@code parameters} for {@code dashboard}.
     *
     * @param knownCategory tells whether a category exists in the warehouse
     * @throws InvalidFilter naming the parameter and why, for a parameter the dashboard has no filter for, a
     *                       repeated one, a month that is not {@code yyyy-MM}, a period that ends before it
     *                       starts, a state that is not one of the 27 codes or a category the warehouse lacks
     */
    static Filters parse(Dashboard dashboard, Map<String, List<String>> parameters,
                         java.util.function.Predicate<String> knownCategory) {
        Set<String> accepted = dashboard.filters().stream().map(Dashboard.Filter::parameter)
                .collect(Collectors.toSet());
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!accepted.contains(name)) {
                throw new InvalidFilter("the " + dashboard.slug() + " dashboard has no filter '" + name
                        + "' (its filters: " + String.join(", ", dashboard.filters().stream()
                        .map(Dashboard.Filter::parameter).toList()) + ")");
            }
            if (parameter.getValue().size() > 1) {
                throw new InvalidFilter("filter '" + name + "' given " + parameter.getValue().size() + " times");
            }
            String value = parameter.getValue().isEmpty() ? "" : parameter.getValue().get(0).strip();
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
        Optional<YearMonth> from = month(values.get(Dashboard.Filter.FROM.parameter()), "from");
        Optional<YearMonth> to = month(values.get(Dashboard.Filter.TO.parameter()), "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidFilter("the period ends (to " + to.get() + ") before it starts (from " + from.get() + ")");
        }
        Optional<BrazilianState> state = Optional.ofNullable(values.get(Dashboard.Filter.STATE.parameter()))
                .map(Filters::state);
        Optional<String> category = Optional.ofNullable(values.get(Dashboard.Filter.CATEGORY.parameter()));
        if (category.isPresent() && !knownCategory.test(category.get())) {
            throw new InvalidFilter("unknown category '" + category.get() + "': no such product category in the warehouse");
        }
        return new Filters(from, to, state, category);
    }

    private static Optional<YearMonth> month(String value, String name) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(value));
        } catch (DateTimeParseException e) {
            throw new InvalidFilter("filter '" + name + "' must be a month as yyyy-MM, was '" + value + "'");
        }
    }

    private static BrazilianState state(String code) {
        try {
            return BrazilianState.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidFilter("unknown state '" + code + "': a state must be one of the 27 Brazilian codes ("
                    + String.join(", ", java.util.Arrays.stream(BrazilianState.values()).map(BrazilianState::code)
                    .toList()) + ")");
        }
    }

    /** The first day of the period's first month, as bound to SQL. */
    Optional<LocalDate> fromDay() {
        return from.map(month -> month.atDay(1));
    }

    /** The first day of the month after the period, as bound to SQL (exclusive end). */
    Optional<LocalDate> endDayExclusive() {
        return to.map(month -> month.plusMonths(1).atDay(1));
    }

    /** The filters as query parameters, in the order of the dashboard's form, for links and the JSON. */
    Map<String, String> asParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        from.ifPresent(month -> parameters.put("from", month.toString()));
        to.ifPresent(month -> parameters.put("to", month.toString()));
        state.ifPresent(code -> parameters.put("state", code.code()));
        category.ifPresent(name -> parameters.put("category", name));
        return parameters;
    }

    /** A filter that cannot be applied, answered with 400 and its reason. */
    static final class InvalidFilter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidFilter(String message) {
            super(message);
        }
    }

    /** The SQL conditions and their bound values for one query, built from constant fragments only. */
    static final class Where {
        private final List<String> conditions = new ArrayList<>();
        private final List<Object> values = new ArrayList<>();

        /** Adds a condition without a value, a constant of the query. */
        Where always(String condition) {
            conditions.add(condition);
            return this;
        }

        /** Adds {@code condition}, whose single {@code ?} takes {@code value}, when the value is present. */
        Where and(String condition, Optional<?> value) {
            value.ifPresent(present -> {
                conditions.add(condition);
                values.add(present instanceof BrazilianState state ? state.code() : present.toString());
            });
            return this;
        }

        /**
         * Keeps the rows whose {@code column} (a date) falls in the filters' period, from its first day to the day
         * after its last, each bound when given.
         */
        Where inPeriod(String column, Filters filters) {
            return and(column + " >= cast(? as date)", filters.fromDay())
                    .and(column + " < cast(? as date)", filters.endDayExclusive());
        }

        /** {@code where a and b ...}, or nothing when no condition applies. */
        String sql() {
            return conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        }

        List<Object> values() {
            return values;
        }
    }
}
