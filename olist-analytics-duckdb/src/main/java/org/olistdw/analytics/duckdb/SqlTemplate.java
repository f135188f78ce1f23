package org.olistdw.analytics.duckdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SQL text with named placeholders, {@code {{name}}}, filled only with values whose rendering cannot change
 * the shape of the statement: quoted identifiers, escaped literals, validated numbers and type names, and free
 * SQL that stays inside the parentheses the template puts around it.
 *
 * <p>A template may hold several statements, each ending with a {@code ;} at the end of a line; {@link #render}
 * returns them one by one, without the {@code ;}. Placeholders are not allowed in {@code --} comments (free SQL
 * is rendered on lines of its own and would end the comment). Every placeholder of the template must be given a value and
 * every value given must be used, so a misspelt name fails loudly. Values are substituted in one pass: text
 * inside a value that looks like a placeholder stays as it is.
 */
final class SqlTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_][a-z0-9_]*)\\s*}}");
    private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(?:\\r?\\n|$)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");
    /** A DuckDB type as its catalogue names it: {@code INTEGER}, {@code DECIMAL(12,2)}, {@code TIMESTAMP WITH TIME ZONE}. */
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]*(?: [A-Z][A-Z0-9_]*)*(?:\\(\\d+(?:, ?\\d+)?\\))?");

    private final String name;
    private final List<String> statements;
    private final Set<String> placeholders;

    private SqlTemplate(String name, String text) {
        this.name = name;
        List<String> parts = new ArrayList<>();
        for (String part : STATEMENT_END.split(text)) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("SQL template " + name + " holds no statement");
        }
        this.statements = List.copyOf(parts);
        Set<String> found = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            Matcher matcher = PLACEHOLDER.matcher(line);
            int comment = line.indexOf("--");
            while (matcher.find()) {
                if (comment >= 0 && matcher.start() > comment) {
                    throw new IllegalStateException("SQL template " + name + ": placeholder " + matcher.group()
                            + " in a comment, where a value on lines of its own would end the comment: " + line.strip());
                }
                found.add(matcher.group(1));
            }
        }
        this.placeholders = Set.copyOf(found);
    }

    /** A template from its text; {@code name} says where it came from, in error messages. */
    static SqlTemplate of(String name, String text) {
        return new SqlTemplate(Objects.requireNonNull(name, "name"), Objects.requireNonNull(text, "text"));
    }

    /**
     * The template at {@code resource} on the class path of {@code loader}.
     *
     * @throws IllegalStateException when there is no such resource
     */
    static SqlTemplate resource(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no SQL template " + resource + " on the class path");
            }
            return of(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL template " + resource, e);
        }
    }

    /** The names of the template's placeholders. */
    Set<String> placeholders() {
        return placeholders;
    }

    /** How many statements the template holds. */
    int statementCount() {
        return statements.size();
    }

    /**
     * The template's statements with every placeholder replaced by its value, rendered.
     *
     * @throws IllegalArgumentException when a placeholder has no value or a value has no placeholder
     */
    List<String> render(Map<String, Value> values) {
        Set<String> missing = new TreeSet<>(placeholders);
        missing.removeAll(values.keySet());
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(placeholders);
        if (!missing.isEmpty() || !unused.isEmpty()) {
            throw new IllegalArgumentException("SQL template " + name + ": "
                    + (missing.isEmpty() ? "" : "no value for " + missing)
                    + (!missing.isEmpty() && !unused.isEmpty() ? ", " : "")
                    + (unused.isEmpty() ? "" : "no placeholder for " + unused));
        }
        List<String> rendered = new ArrayList<>(statements.size());
        for (String statement : statements) {
            Matcher matcher = PLACEHOLDER.matcher(statement);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1)).sql()));
            }
            matcher.appendTail(out);
            rendered.add(out.toString());
        }
        return List.copyOf(rendered);
    }

    // ----------------------------------------------------------------------------------------------------------
    // values
    // ----------------------------------------------------------------------------------------------------------

    /** What may fill a placeholder, already rendered as SQL. */
    record Value(String sql) {

        /** An identifier in lower snake case, double-quoted: {@code price} gives {@code "price"}. */
        static Value identifier(String name) {
            return new Value(quote(requireIdentifier(name)));
        }

        /** Identifiers separated by commas: {@code "order_id", "order_item_id"}. */
        static Value identifiers(List<String> names) {
            if (names.isEmpty()) {
                throw new IllegalArgumentException("a list of identifiers needs at least one");
            }
            return new Value(names.stream().map(SqlTemplate::requireIdentifier).map(SqlTemplate::quote)
                    .collect(Collectors.joining(", ")));
        }

        /** A table, {@code schema.table} in lower snake case: {@code "core"."fact_orders"}. */
        static Value table(String qualifiedName) {
            String[] parts = qualifiedName.split("\\.", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not schema.table: '" + qualifiedName + "'");
            }
            return new Value(quote(requireIdentifier(parts[0])) + "." + quote(requireIdentifier(parts[1])));
        }

        /** A type name as DuckDB's catalogue gives it, e.g. {@code DECIMAL(12,2)}; nothing else passes. */
        static Value type(String typeName) {
            if (typeName == null || !TYPE.matcher(typeName).matches()) {
                throw new IllegalArgumentException("not a type name: '" + typeName + "'");
            }
            return new Value(typeName);
        }

        /** A text literal, quotes doubled: {@code it's} gives {@code 'it''s'}. */
        static Value text(String text) {
            return new Value(literal(text));
        }

        /** Text literals separated by commas: {@code 'a', 'b'}. */
        static Value texts(List<String> texts) {
            if (texts.isEmpty()) {
                throw new IllegalArgumentException("a list of literals needs at least one");
            }
            return new Value(texts.stream().map(SqlTemplate::literal).collect(Collectors.joining(", ")));
        }

        /** A number, written in full: {@code 0.05}, {@code 100}. */
        static Value number(BigDecimal number) {
            return new Value(number.toPlainString());
        }

        /** Whole numbers separated by commas, none at all for an empty list. */
        static Value numbers(List<Long> numbers) {
            return new Value(numbers.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }

        /** SQL's null. */
        static Value nullValue() {
            return new Value("null");
        }

        /**
         * SQL written by the people who run the warehouse (a condition, an expression, a query), on lines of
         * its own so that a trailing comment ends before what follows. It is checked not to leave the
         * parentheses the template puts around it: no {@code ;} and no unbalanced parenthesis outside strings,
         * quoted identifiers and comments, and no string or block comment left open.
         */
        static Value freeSql(String sql) {
            String stripped = sql.strip();
            if (stripped.isEmpty()) {
                throw new IllegalArgumentException("empty SQL");
            }
            requireContained(stripped);
            return new Value("\n" + stripped + "\n");
        }
    }

    private static String requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not an identifier in lower snake case ([a-z_][a-z0-9_]*): '" + name + "'");
        }
        return name;
    }

    private static String quote(String identifier) {
        return RawLayout.quote(identifier);
    }

    private static String literal(String text) {
        return RawLayout.literal(Objects.requireNonNull(text, "text"));
    }

    /** Refuses SQL that could close the parentheses around it or start another statement. */
    private static void requireContained(String sql) {
        int depth = 0;
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                while (end >= 0 && end + 1 < n && sql.charAt(end + 1) == c) {
                    end = sql.indexOf(c, end + 2);
                }
                if (end < 0) {
                    throw new IllegalArgumentException("a " + (c == '\'' ? "string" : "quoted identifier")
                            + " is never closed");
                }
                i = end + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("a comment is never closed");
                }
                i = end + 2;
            } else {
                if (c == ';') {
                    throw new IllegalArgumentException("';' would end the statement");
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth < 0) {
                    throw new IllegalArgumentException("')' closes a parenthesis it did not open");
                }
                i++;
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("a parenthesis is never closed");
        }
    }
}
