package org.olistdw.analytics.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.olistdw.pipeline.source.ColumnType;
import org.olistdw.pipeline.source.ControlCharacters;
import org.olistdw.pipeline.source.SourceColumn;

/**
 * The contract as SQL accepts exactly the values the contract accepts, and every value it accepts casts with the
 * staging macro of its type (text is never cast).
 */
class ContractSqlTest {

    private static final Map<ColumnType, List<String>> VALUES = Map.of(
            ColumnType.INTEGER, List.of("3\u0000", "\u00003", "3", "-1", "+7", "3.0", "0003", "3.5", "two", "99999999999", "2147483647",
                    "2147483648", "-2147483648", "-2147483649", " 3", "1e3", "3.0.0"),
            ColumnType.DECIMAL, List.of("199.90", "199.9", "199", "1e3", ".5", "5.", "+5", "-0.005", "9999999999.99",
                    "9999999999.995", "10000000000", "1e10", "1e309", "1.2.3", "12,50", "abc", " 1"),
            ColumnType.AMOUNT, List.of("199.90", "199.9", "199", "10.005", "1e3", ".5", "5.", "+5", "-0.01",
                    "9999999999.99", "12345678901", "12,50", ""),
            ColumnType.NUMBER, List.of("-23.5459", "1e-3", "1e309", "-1e309", "1e308", "abc", ".5", "1e-400",
                    "-46.63"),
            ColumnType.TIMESTAMP, List.of("2017-10-02 10:56:33", "2017-10-02T10:56:33", "2017-10-02 T10:56",
                    "2017-10-02", "2017-10-02T", "2017-10-02 ", "\t2017-10-02 10:56\t", "2017-10-02 10:56:33.123456789",
                    "2017-10-02 24:00:00", "2017-02-30 10:00:00", "2017-13-01", "02/10/2017 10:56", "2016-02-29",
                    "2017-10-0210:56", "2017-10-02 10:56:33.", "2017-10-02  10:56:33", "2017-10-02 10:60",
                    "2017-10-02\u000010:56", "\u00002017-10-02 10:56"),
            ColumnType.ZIP_PREFIX, List.of("1037", "01037", "123456", "12-34", " 1037", "0", "1037\u0000"),
            ColumnType.TEXT, List.of("anything", " ", "\"quoted\"", "a\u0000b", "bell\u0007", "tab\tok", "two\nlines",
                    "two\r\nlines", "del\u007F", "c1\u0085", "p\u00E3o \u20AC", "\u001F", "\u00A0"));

    private static final Map<ColumnType, String> MACROS = Map.of(
            ColumnType.INTEGER, "source_integer",
            ColumnType.DECIMAL, "source_decimal",
            ColumnType.AMOUNT, "source_amount",
            ColumnType.NUMBER, "source_number",
            ColumnType.TIMESTAMP, "source_timestamp",
            ColumnType.ZIP_PREFIX, "source_zip_prefix");

    @Test
    void the_sql_checks_accept_exactly_what_the_contract_accepts() throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Map.Entry<ColumnType, List<String>> entry : VALUES.entrySet()) {
                for (boolean required : new boolean[] {true, false}) {
                    SourceColumn column = new SourceColumn("v", entry.getKey(), required);
                    for (String value : entry.getValue()) {
                        boolean accepted = column.problemWith(value).isEmpty();
                        assertThat(sqlAccepts(duckdb, column, value))
                                .as("%s %s '%s'", entry.getKey(), required ? "required" : "optional", value)
                                .isEqualTo(accepted);
                    }
                }
            }
        }
    }

    @Test
    void without_the_control_character_check_the_sql_checks_accept_exactly_what_the_contract_accepts_of_values_holding_none()
            throws SQLException {
        int checked = 0;
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Map.Entry<ColumnType, List<String>> entry : VALUES.entrySet()) {
                for (boolean required : new boolean[] {true, false}) {
                    SourceColumn column = new SourceColumn("v", entry.getKey(), required);
                    for (String value : entry.getValue()) {
                        if (ControlCharacters.problemWith(value).isPresent()) {
                            continue;
                        }
                        assertThat(sqlAccepts(duckdb, ContractSql.columnIsValid(column, false), value))
                                .as("%s %s '%s'", entry.getKey(), required ? "required" : "optional", value)
                                .isEqualTo(column.problemWith(value).isEmpty());
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void the_values_from_the_brief_of_each_new_kind_are_rejected_with_their_reason() {
        assertThat(new SourceColumn("price", ColumnType.AMOUNT, true).problemWith("10.005"))
                .contains("price: not an amount (at most 10 integer digits and 2 decimals), was '10.005'");
        assertThat(new SourceColumn("lat", ColumnType.NUMBER, true).problemWith("1e309"))
                .contains("lat: number out of range, was '1e309'");
        assertThat(new SourceColumn("score", ColumnType.INTEGER, true).problemWith("99999999999"))
                .contains("score: whole number out of range, was '99999999999'");
        assertThat(new SourceColumn("at", ColumnType.TIMESTAMP, true).problemWith("2017-10-02T"))
                .contains("at: not a valid timestamp (expected YYYY-MM-DD HH:MM:SS), was '2017-10-02T'");
    }

    @Test
    void every_value_the_contract_accepts_casts_with_the_staging_macro_of_its_type() throws SQLException {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbMacros.install(duckdb, DuckDbSettings.DEFAULT_MODEL_ROOT);
            for (Map.Entry<ColumnType, List<String>> entry : VALUES.entrySet()) {
                SourceColumn column = new SourceColumn("v", entry.getKey(), false);
                for (String value : entry.getValue()) {
                    if (!MACROS.containsKey(entry.getKey()) || value.isEmpty()
                            || column.problemWith(value).isPresent()) {
                        continue;
                    }
                    try (PreparedStatement statement = duckdb.prepareStatement(
                            "select " + MACROS.get(entry.getKey()) + "(v) from (select ?::varchar as v)")) {
                        statement.setString(1, value);
                        try (ResultSet result = statement.executeQuery()) {
                            assertThat(result.next()).isTrue();
                            assertThat(result.getObject(1)).as("%s '%s'", entry.getKey(), value).isNotNull();
                        }
                    }
                }
            }
        }
    }

    private static boolean sqlAccepts(Connection duckdb, SourceColumn column, String value) throws SQLException {
        return sqlAccepts(duckdb, ContractSql.columnIsValid(column), value);
    }

    private static boolean sqlAccepts(Connection duckdb, String predicate, String value) throws SQLException {
        try (PreparedStatement statement = duckdb.prepareStatement("select " + predicate
                + " from (select nullif(?::varchar, '') as v)")) {
            statement.setString(1, value);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
