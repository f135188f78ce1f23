package org.olistdw.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The type mapping of the star copy; the copy itself is proven on real databases by {@code BenchStarTest}. */
class PostgresStarTest {

    @Test
    void maps_every_duckdb_type_of_the_star_schema_to_its_postgres_type() {
        assertThat(PostgresStar.postgresType("c", "VARCHAR")).isEqualTo("text collate \"C\"");
        assertThat(PostgresStar.postgresType("c", "BIGINT")).isEqualTo("bigint");
        assertThat(PostgresStar.postgresType("c", "INTEGER")).isEqualTo("integer");
        assertThat(PostgresStar.postgresType("c", "SMALLINT")).isEqualTo("smallint");
        assertThat(PostgresStar.postgresType("c", "DECIMAL(12,2)")).isEqualTo("numeric(12,2)");
        assertThat(PostgresStar.postgresType("c", "DECIMAL(18, 2)")).isEqualTo("numeric(18,2)");
        assertThat(PostgresStar.postgresType("c", "DOUBLE")).isEqualTo("double precision");
        assertThat(PostgresStar.postgresType("c", "DATE")).isEqualTo("date");
        assertThat(PostgresStar.postgresType("c", "TIMESTAMP")).isEqualTo("timestamp");
        assertThat(PostgresStar.postgresType("c", "BOOLEAN")).isEqualTo("boolean");
    }

    @Test
    void refuses_a_duckdb_type_without_a_postgres_mapping_naming_the_column() {
        assertThatThrownBy(() -> PostgresStar.postgresType("core.dim_product.tags", "VARCHAR[]"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("cannot copy core.dim_product.tags into PostgreSQL: DuckDB type VARCHAR[] "
                        + "has no PostgreSQL mapping");
    }
}
