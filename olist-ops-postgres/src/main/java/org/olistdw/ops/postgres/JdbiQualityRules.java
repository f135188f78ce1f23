package org.olistdw.ops.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.olistdw.domain.quality.QualityRule;
import org.olistdw.domain.quality.QualityRules;
import org.olistdw.domain.quality.RuleKind;
import org.olistdw.domain.quality.RuleType;
import org.olistdw.domain.quality.Severity;

/**
 * {@link QualityRules} in {@code data_quality.quality_rules}, through a JDBI SQL object. Every call runs in
 * its own transaction (or in autocommit) and has committed when it returns.
 *
 * <p>{@code is_blocking} is written as {@link Severity#blocksPublishing()} of the rule's severity. Thresholds
 * are stored as {@code numeric(5, 2)} and read back with two decimal places (compare them with
 * {@link BigDecimal#compareTo}); a threshold with more decimal places, or a target longer than the column,
 * is rejected before the store is touched rather than rounded or cut. PostgreSQL text and jsonb cannot hold
 * the NUL character; in a description or a parameter it is replaced by U+FFFD. Rows without a
 * {@code rule_kind} (written before migration V4, or by hand with only {@code sql_check}) are not rules of
 * this port: they are neither listed nor found, and seeding a definition of the same name gives one a kind.
 */
final class JdbiQualityRules implements QualityRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Decimal places of {@code threshold_value numeric(5, 2)}. */
    private static final int THRESHOLD_SCALE = 2;
    /** Length of {@code target_table varchar(200)}. */
    private static final int TARGET_LENGTH = 200;

    private final Dao dao;

    JdbiQualityRules(Jdbi jdbi) {
        Objects.requireNonNull(jdbi, "jdbi");
        this.dao = jdbi.installPlugin(new SqlObjectPlugin()).onDemand(Dao.class);
    }

    @Override
    public int seed(List<QualityRule> definitions) {
        Objects.requireNonNull(definitions, "definitions");
        Set<String> names = new HashSet<>();
        for (QualityRule rule : definitions) {
            Objects.requireNonNull(rule, "a quality rule definition is null");
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("quality rule " + rule.name() + " is defined more than once");
            }
            requireStorableThreshold(rule.name(), rule.threshold());
            if (rule.target().length() > TARGET_LENGTH) {
                throw new IllegalArgumentException("quality rule " + rule.name() + ": target is longer than "
                        + TARGET_LENGTH + " characters");
            }
        }
        if (definitions.isEmpty()) {
            return 0;
        }
        return dao.seed(catalogueJson(definitions.stream().map(RuleRow::of).toList()));
    }

    @Override
    public List<QualityRule> all() {
        return dao.all();
    }

    @Override
    public Optional<QualityRule> find(String name) {
        Objects.requireNonNull(name, "name");
        return dao.find(name);
    }

    @Override
    public QualityRule setActive(String name, boolean active) {
        Objects.requireNonNull(name, "name");
        return dao.setActive(name, active).orElseThrow(() -> absent(name));
    }

    @Override
    public QualityRule setThreshold(String name, BigDecimal percent) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(percent, "percent");
        requireStorableThreshold(name, percent);
        return dao.setThreshold(name, percent).orElseThrow(() -> absent(name));
    }

    private IllegalArgumentException absent(String name) {
        return new IllegalArgumentException(dao.existsWithoutKind(name)
                ? "quality rule " + name + " has no kind (it predates its definition file); seed its definition first"
                : "there is no quality rule " + name);
    }

    /** A percentage within 0..100 that {@code numeric(5, 2)} holds exactly. */
    private static void requireStorableThreshold(String name, BigDecimal percent) {
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("quality rule " + name + ": threshold " + percent.toPlainString()
                    + " must be a percentage between 0 and 100");
        }
        if (percent.stripTrailingZeros().scale() > THRESHOLD_SCALE) {
            throw new IllegalArgumentException("quality rule " + name + ": threshold " + percent.toPlainString()
                    + " has more than " + THRESHOLD_SCALE + " decimal places");
        }
    }

    /** PostgreSQL text and jsonb cannot contain NUL; anything else is stored as given. */
    private static String text(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }

    /** The rows as one JSON array of objects named as {@link RuleRow}'s components, parameters as an object. */
    static String catalogueJson(List<RuleRow> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (RuleRow row : rows) {
            ObjectNode object = array.addObject();
            object.put("name", row.name());
            object.put("type", row.type());
            object.put("kind", row.kind());
            object.put("target", row.target());
            try {
                object.set("parameters", JSON.readTree(row.parameters()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("quality rule " + row.name() + ": parameters are not JSON", e);
            }
            object.put("severity", row.severity());
            object.put("blocking", row.blocking());
            object.put("threshold", row.threshold());
            object.put("active", row.active());
            object.put("description", row.description());
        }
        return array.toString();
    }

    /** The parameters as a json object, keys in order. */
    static String parametersJson(String rule, Map<String, String> parameters) {
        Map<String, String> stored = new TreeMap<>();
        parameters.forEach((key, value) -> stored.put(text(key), text(value)));
        try {
            return JSON.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("quality rule " + rule + ": parameters cannot be written as JSON: "
                    + PostgresOps.oneLine(e.getOriginalMessage()), e);
        }
    }

    /**
     * The parameters of a json object. Text values are taken as they are; numbers and booleans (as a person
     * editing the store might write them) as their JSON text; anything else is rejected.
     */
    static Map<String, String> parameters(String rule, String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quality rule " + rule + ": parameters are not JSON: "
                    + PostgresOps.oneLine(e.getOriginalMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalStateException("stored quality rule " + rule + ": parameters must be a JSON object, was "
                    + json);
        }
        Map<String, String> parameters = new TreeMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (value.isTextual()) {
                parameters.put(field.getKey(), value.textValue());
            } else if (value.isNumber() || value.isBoolean()) {
                parameters.put(field.getKey(), value.asText());
            } else {
                throw new IllegalStateException("stored quality rule " + rule + ": parameter '" + field.getKey()
                        + "' must be text, was " + value);
            }
        }
        return parameters;
    }

    /** The columns a definition writes; the accessors are bound by name. */
    public record RuleRow(String name, String type, String kind, String target, String parameters,
                          String severity, boolean blocking, BigDecimal threshold, boolean active,
                          String description) {

        static RuleRow of(QualityRule rule) {
            return new RuleRow(rule.name(), rule.type().code(), rule.kind().code(), rule.target(),
                    parametersJson(rule.name(), rule.parameters()), rule.severity().code(),
                    rule.severity().blocksPublishing(), rule.threshold(), rule.active(), text(rule.description()));
        }
    }

    /** A stored rule; a row that does not make a valid rule fails naming the rule. */
    public static final class RuleMapper implements RowMapper<QualityRule> {

        @Override
        public QualityRule map(ResultSet rs, StatementContext ctx) throws SQLException {
            String name = rs.getString("rule_name");
            try {
                return new QualityRule(name, RuleType.ofCode(rs.getString("rule_type")),
                        RuleKind.ofCode(rs.getString("rule_kind")), rs.getString("target_table"),
                        parameters(name, rs.getString("parameters")), Severity.ofCode(rs.getString("severity")),
                        rs.getBigDecimal("threshold_value"), rs.getBoolean("is_active"), rs.getString("description"));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("stored quality rule " + name + " is not valid: "
                        + PostgresOps.oneLine(e.getMessage()), e);
            }
        }
    }

    /** The statements, as a JDBI SQL object. */
    @RegisterRowMapper(RuleMapper.class)
    interface Dao {

        String COLUMNS = """
                rule_name, rule_type, rule_kind, target_table, parameters::text as parameters, severity,
                threshold_value, is_active, description
                """;
        String SELECT = "select " + COLUMNS + "from data_quality.quality_rules\n";

        /**
         * Adds the new rules and updates the definitions of the others, in one statement over the whole catalogue
         * (a JSON array of {@link RuleRow}s): a run seeds every shipped rule, mostly unchanged, and one round trip
         * costs a fraction of one statement per rule. Only rows whose definition differs are written, so
         * updated_at moves only on a real change. Returns how many were added.
         */
        @SqlQuery("""
                with shipped as (
                    select *
                    from jsonb_to_recordset(cast(:rules as jsonb)) as rule(
                        name text, type text, kind text, target text, parameters jsonb, severity text,
                        blocking boolean, threshold numeric, active boolean, description text)
                ), added as (
                    insert into data_quality.quality_rules
                        (rule_name, rule_type, rule_kind, target_table, parameters, severity, is_blocking,
                         threshold_value, is_active, description)
                    select name, type, kind, target, parameters, severity, blocking, threshold, active, description
                    from shipped
                    on conflict (rule_name) do nothing
                    returning rule_name
                ), updated as (
                    update data_quality.quality_rules as stored
                    set rule_type = shipped.type,
                        rule_kind = shipped.kind,
                        target_table = shipped.target,
                        parameters = shipped.parameters,
                        severity = shipped.severity,
                        is_blocking = shipped.blocking,
                        description = shipped.description
                    from shipped
                    where stored.rule_name = shipped.name
                      and (stored.rule_type, stored.rule_kind, stored.target_table, stored.parameters,
                           stored.severity, stored.is_blocking, stored.description)
                          is distinct from
                          (shipped.type, shipped.kind, shipped.target, shipped.parameters, shipped.severity,
                           shipped.blocking, shipped.description)
                    returning stored.rule_name
                )
                select (select count(*) from added)""")
        int seed(@Bind("rules") String rules);

        /** By name, in code point order whatever the database's collation. */
        @SqlQuery(SELECT + """
                where rule_kind is not null
                order by rule_name collate "C"
                """)
        List<QualityRule> all();

        @SqlQuery(SELECT + """
                where rule_name = :name
                  and rule_kind is not null
                """)
        Optional<QualityRule> find(@Bind("name") String name);

        @SqlQuery("""
                update data_quality.quality_rules
                set is_active = :active
                where rule_name = :name
                  and rule_kind is not null
                returning\s""" + COLUMNS)
        Optional<QualityRule> setActive(@Bind("name") String name, @Bind("active") boolean active);

        @SqlQuery("""
                update data_quality.quality_rules
                set threshold_value = :threshold
                where rule_name = :name
                  and rule_kind is not null
                returning\s""" + COLUMNS)
        Optional<QualityRule> setThreshold(@Bind("name") String name, @Bind("threshold") BigDecimal threshold);

        @SqlQuery("""
                select exists (
                    select from data_quality.quality_rules
                    where rule_name = :name
                      and rule_kind is null
                )""")
        boolean existsWithoutKind(@Bind("name") String name);
    }
}
