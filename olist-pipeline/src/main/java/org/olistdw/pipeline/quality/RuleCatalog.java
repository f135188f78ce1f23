package org.olistdw.pipeline.quality;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.olistdw.domain.order.OrderRule;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

/**
 * Reads data quality rule definitions from JSON: the catalogue shipped with the project
 * ({@code sql/quality/rules.json}, on the class path as {@value #SHIPPED_RESOURCE}) or any file of the same
 * shape. The store is seeded from these definitions; people then edit thresholds and switch rules on and
 * off there.
 *
 * <p>The format is strict, so that a typo never silently changes what is checked:
 * <pre>{@code
 * {"rules": [
 *   {"name": "order_items_price_positive", "type": "validity", "kind": "expression",
 *    "target": "staging.stg_order_items", "parameters": {"expression": "price > 0"},
 *    "severity": "critical", "threshold": 0, "active": true,
 *    "description": "Every item has a price above zero."}
 * ]}
 * }</pre>
 * Every rule gives exactly the nine fields above: {@code type}, {@code kind} and {@code severity} as the
 * lower-case codes of {@link RuleType}, {@link RuleKind} and {@link Severity}; {@code parameters} an object
 * of text values, exactly those {@link RuleKind} documents for the kind; {@code threshold} a JSON number,
 * the tolerated failure rate in percent (0..100, at most two decimals); {@code active} a boolean;
 * {@code description} non-empty text. Names are unique within a file. Everything {@link QualityRule}
 * checks is checked too. Kind {@code order_rule} is not accepted: those rules are derived from the domain. A
 * rule of kind {@code sql} names its query by the file's name alone ({@code "query": "fact_orders_grain"} for
 * {@code sql/quality/checks/fact_orders_grain.sql}): lower snake case, no folder, no extension.
 *
 * <p>A definition that breaks any of this fails the whole load with an {@link IllegalArgumentException}
 * whose message is one line naming the source, the rule (by position, and by name when it has one) and
 * every problem found in it, e.g. {@code quality/rules.json: rule #3 orders_status_accepted: unknown field
 * 'colour'}.
 */
public final class RuleCatalog {

    /** The warehouse table where a run records the violations of the domain's order rules. */
    public static final String ORDER_VIOLATIONS = "domain.order_violations";

    /** Where the queries of rules of kind {@code sql} live, in the repository. */
    public static final String CHECK_QUERIES = "sql/quality/checks/";

    /** Where the shipped catalogue lives on the class path. */
    public static final String SHIPPED_RESOURCE = "quality/rules.json";

    private static final Pattern QUERY_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private static final List<String> FIELDS = List.of("name", "type", "kind", "target", "parameters", "severity",
            "threshold", "active", "description");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RuleCatalog() {
    }

    /**
     * The rules shipped with the project: those of the file, in file order, then those
     * {@linkplain #derivedFromDomain() derived from the domain's order rules}.
     *
     * @throws IllegalStateException when {@value #SHIPPED_RESOURCE} is not on the class path
     * @throws IllegalArgumentException when the shipped file is malformed (a build defect)
     */
    public static List<QualityRule> shipped() {
        List<QualityRule> written;
        try (InputStream json = RuleCatalog.class.getClassLoader().getResourceAsStream(SHIPPED_RESOURCE)) {
            if (json == null) {
                throw new IllegalStateException(SHIPPED_RESOURCE + " is not on the class path");
            }
            written = load(json, SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(SHIPPED_RESOURCE + ": cannot be read: " + e.getMessage(), e);
        }
        List<QualityRule> all = new ArrayList<>(written);
        for (QualityRule derived : derivedFromDomain()) {
            if (written.stream().anyMatch(rule -> rule.name().equals(derived.name()))) {
                throw new IllegalArgumentException(SHIPPED_RESOURCE + ": rule " + derived.name()
                        + " is one of the domain's order rules; it must not be written in the catalogue too");
            }
            all.add(derived);
        }
        return List.copyOf(all);
    }

    /**
     * The quality rule that measures {@code rule} on a warehouse build: of kind {@link RuleKind#ORDER_RULE} on
     * {@value #ORDER_VIOLATIONS}, with the rule's name, type, severity, tolerated failure rate and description,
     * active.
     */
    public static QualityRule qualityRuleOf(OrderRule rule) {
        return new QualityRule(rule.code(), rule.type(), RuleKind.ORDER_RULE, ORDER_VIOLATIONS,
                Map.of("rule", rule.code()), rule.severity(), rule.threshold(), true, rule.description());
    }

    /**
     * One quality rule per business rule of the {@code Order} aggregate ({@link #qualityRuleOf(OrderRule)}):
     * the rule is written once, in the domain, and measured from the violations the run's validation
     * recorded in {@value #ORDER_VIOLATIONS}.
     */
    public static List<QualityRule> derivedFromDomain() {
        return Arrays.stream(OrderRule.values()).map(RuleCatalog::qualityRuleOf).toList();
    }

    /**
     * The rules of one JSON document, in document order. The stream is read to its end and left open.
     *
     * @param json       a document {@code {"rules": [...]}} as described on this class
     * @param sourceName names the document in error messages, e.g. its file name
     * @return the rules, immutable
     * @throws IllegalArgumentException when the document is not valid JSON or a rule is malformed; the
     *                                  message is one line naming the source, the rule and the problem
     * @throws UncheckedIOException     when the stream cannot be read
     */
    public static List<QualityRule> load(InputStream json, String sourceName) {
        JsonNode root = parse(json, sourceName);
        if (root == null || root.isMissingNode()) {
            throw new IllegalArgumentException(sourceName + ": empty; expected a JSON object {\"rules\": [...]}");
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException(sourceName + ": expected a JSON object {\"rules\": [...]}, found "
                    + describe(root));
        }
        List<String> extra = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getKey().equals("rules")) {
                extra.add("'" + field.getKey() + "'");
            }
        }
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException(sourceName + ": unknown top-level field " + String.join(", ", extra)
                    + " (the document holds only \"rules\")");
        }
        JsonNode rules = root.get("rules");
        if (rules == null) {
            throw new IllegalArgumentException(sourceName + ": missing field 'rules' (expected {\"rules\": [...]})");
        }
        if (!rules.isArray()) {
            throw new IllegalArgumentException(sourceName + ": field 'rules' must be an array, found " + describe(rules));
        }
        List<QualityRule> loaded = new ArrayList<>(rules.size());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            int position = i + 1;
            QualityRule rule = rule(rules.get(i), position, sourceName);
            Integer first = positions.putIfAbsent(rule.name(), position);
            if (first != null) {
                throw problem(sourceName, label(position, rule.name()),
                        "duplicate name, already used by rule #" + first);
            }
            loaded.add(rule);
        }
        return List.copyOf(loaded);
    }

    private static JsonNode parse(InputStream json, String sourceName) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IllegalArgumentException(sourceName + ": not valid JSON" + where + ": "
                    + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new UncheckedIOException(sourceName + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static QualityRule rule(JsonNode node, int position, String source) {
        if (!node.isObject()) {
            throw problem(source, label(position, null), "must be a JSON object, found " + describe(node));
        }
        JsonNode nameNode = node.get("name");
        String label = label(position, nameNode != null && nameNode.isTextual() ? nameNode.textValue() : null);

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!FIELDS.contains(field.getKey())) {
                problems.add("unknown field '" + field.getKey() + "' (a rule has the fields " + String.join(", ", FIELDS)
                        + ")");
            }
        }
        for (String field : FIELDS) {
            if (!node.has(field)) {
                problems.add("missing field '" + field + "'");
            }
        }
        String name = text(node, "name", problems);
        RuleType type = code(text(node, "type", problems), RuleType::ofCode, problems);
        RuleKind kind = code(text(node, "kind", problems), RuleKind::ofCode, problems);
        String target = text(node, "target", problems);
        Map<String, String> parameters = parameters(node.get("parameters"), problems);
        Severity severity = code(text(node, "severity", problems), Severity::ofCode, problems);
        BigDecimal threshold = threshold(node.get("threshold"), problems);
        Boolean active = bool(node.get("active"), problems);
        String description = text(node, "description", problems);
        if (description != null && description.isBlank()) {
            problems.add("field 'description' must not be empty");
        }
        if (kind == RuleKind.ORDER_RULE) {
            problems.add("kind 'order_rule' is not written in a catalogue: one such rule is derived from each of the"
                    + " domain's order rules");
        }
        String query = kind == RuleKind.SQL && parameters != null ? parameters.get("query") : null;
        if (query != null && !query.isBlank() && !QUERY_NAME.matcher(query).matches()) {
            problems.add("parameter 'query' must name a file of " + CHECK_QUERIES + " by its name in lower snake case,"
                    + " without '.sql', was '" + query + "'");
        }
        if (!problems.isEmpty()) {
            throw problem(source, label, String.join("; ", problems));
        }
        try {
            return new QualityRule(name, type, kind, target, parameters, severity, threshold, active, description);
        } catch (IllegalArgumentException e) {
            // The record names the rule itself ("rule x (range): ..."); keep its words after our label.
            String message = oneLine(e.getMessage());
            String own = "rule " + name;
            if (message.startsWith(own + ":") || message.startsWith(own + " ")) {
                throw new IllegalArgumentException(source + ": " + label + message.substring(own.length()), e);
            }
            throw new IllegalArgumentException(source + ": " + label + ": " + message, e);
        }
    }

    private static String text(JsonNode rule, String field, List<String> problems) {
        JsonNode value = rule.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add("field '" + field + "' must be a string, found " + describe(value));
            return null;
        }
        return value.textValue();
    }

    private static <T> T code(String code, Function<String, T> ofCode, List<String> problems) {
        if (code == null) {
            return null;
        }
        try {
            return ofCode.apply(code);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static Map<String, String> parameters(JsonNode value, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problems.add("field 'parameters' must be an object, found " + describe(value));
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            if (entry.getValue().isTextual()) {
                parameters.put(entry.getKey(), entry.getValue().textValue());
            } else {
                problems.add("parameter '" + entry.getKey() + "' must be a string, found " + describe(entry.getValue()));
            }
        }
        return parameters;
    }

    private static BigDecimal threshold(JsonNode value, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add("field 'threshold' must be a number (percent), found " + describe(value));
            return null;
        }
        BigDecimal threshold = value.decimalValue();
        if (threshold.stripTrailingZeros().scale() > 2) {
            problems.add("threshold " + threshold.toPlainString() + " has more than two decimals");
            return null;
        }
        return threshold;
    }

    private static Boolean bool(JsonNode value, List<String> problems) {
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problems.add("field 'active' must be true or false, found " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    private static String label(int position, String name) {
        return name == null ? "rule #" + position : "rule #" + position + " " + name;
    }

    private static IllegalArgumentException problem(String source, String label, String problem) {
        return new IllegalArgumentException(source + ": " + label + ": " + problem);
    }

    private static String describe(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
