package org.olistdw.domain.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One data quality rule: what it checks (a kind with its parameters, on a target table), why (its type
 * and description), and what a failure means (severity, and the failure rate in percent it tolerates).
 *
 * @param name        unique, lower snake case, e.g. {@code order_items_price_positive}
 * @param type        the quality dimension measured
 * @param kind        the built-in check
 * @param target      the checked table, {@code schema.table}
 * @param parameters  the kind's parameters (see {@link RuleKind}); unknown or missing ones are rejected
 * @param severity    what a failure means
 * @param threshold   the highest failure rate, in percent of the target's rows, that still passes (0..100)
 * @param active      whether runs check it
 * @param description what the rule protects, for people reading the results
 */
public record QualityRule(String name, RuleType type, RuleKind kind, String target, Map<String, String> parameters,
                          Severity severity, BigDecimal threshold, boolean active, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{2,99}");
    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");

    public QualityRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(threshold, "threshold");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("rule name '" + name + "' must be lower snake case, 3 to 100 characters");
        }
        if (!TABLE.matcher(target).matches()) {
            throw new IllegalArgumentException("rule " + name + ": target '" + target + "' must be schema.table");
        }
        if (threshold.signum() < 0 || threshold.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("rule " + name + ": threshold " + threshold.toPlainString()
                    + " must be a percentage between 0 and 100");
        }
        parameters = Map.copyOf(new TreeMap<>(Objects.requireNonNull(parameters, "parameters")));
        List<String> problems = new ArrayList<>();
        for (String required : kind.requiredParameters()) {
            String value = parameters.get(required);
            if (value == null || value.isBlank()) {
                problems.add("missing parameter '" + required + "'");
            }
        }
        for (String given : parameters.keySet()) {
            if (!kind.requiredParameters().contains(given) && !kind.optionalParameters().contains(given)) {
                problems.add("unknown parameter '" + given + "'");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("rule " + name + " (" + kind.code() + "): " + String.join(", ", problems)
                    + "; " + kind.code() + " takes " + kind.requiredParameters() + " and optionally "
                    + kind.optionalParameters());
        }
        description = description == null ? "" : description;
    }

    /** A parameter, or null when the rule does not give it. */
    public String parameter(String key) {
        return parameters.get(key);
    }

    /** This rule switched on or off. */
    public QualityRule withActive(boolean isActive) {
        return new QualityRule(name, type, kind, target, parameters, severity, threshold, isActive, description);
    }

    /** This rule with another tolerated failure rate. */
    public QualityRule withThreshold(BigDecimal percent) {
        return new QualityRule(name, type, kind, target, parameters, severity, percent, active, description);
    }
}
