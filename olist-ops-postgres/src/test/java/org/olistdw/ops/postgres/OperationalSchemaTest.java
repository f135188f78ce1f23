package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OperationalSchemaTest {

    private static String url;

    @BeforeAll
    static void migrate() {
        url = TestPostgres.freshDatabase("schema_test");
        PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password()).close();
    }

    @Test
    void migrations_create_every_table_of_the_three_schemas() throws SQLException {
        List<String> tables = strings("""
                select table_schema || '.' || table_name
                from information_schema.tables
                where table_schema in ('etl_orchestration', 'data_quality', 'security_audit')
                  and table_type = 'BASE TABLE'
                order by 1""");

        assertThat(tables).containsExactly(
                "data_quality.quality_checks",
                "data_quality.quality_reports",
                "data_quality.quality_rules",
                "etl_orchestration.data_loads",
                "etl_orchestration.flyway_schema_history",
                "etl_orchestration.pipeline_runs",
                "etl_orchestration.quarantined_rows",
                "etl_orchestration.scheduled_attempts",
                "etl_orchestration.task_executions",
                "etl_orchestration.warehouse_locks",
                "security_audit.audit_logs",
                "security_audit.roles",
                "security_audit.user_roles",
                "security_audit.users");
    }

    @Test
    void migrations_seed_four_roles_and_an_admin_who_holds_the_admin_role() throws SQLException {
        assertThat(strings("select role_name from security_audit.roles order by role_name"))
                .containsExactly("admin", "analyst", "data_engineer", "viewer");
        assertThat(strings("""
                select u.username || ':' || r.role_name
                from security_audit.user_roles ur
                join security_audit.users u using (user_id)
                join security_audit.roles r using (role_id)"""))
                .containsExactly("admin:admin");
    }

    @Test
    void connecting_again_applies_each_migration_only_once() throws SQLException {
        PostgresOps.connect(url, TestPostgres.server().user(), TestPostgres.server().password()).close();

        assertThat(strings("""
                select version || ' ' || description
                from etl_orchestration.flyway_schema_history
                where version is not null and success
                order by installed_rank"""))
                .containsExactly("1 etl orchestration", "2 data quality", "3 security audit", "4 quality rule definitions",
                        "5 quality evidence", "6 order rule kind", "7 retire rules now in the domain",
                        "8 sql rule kind", "9 warehouse locks", "10 source and publish gate kinds",
                        "11 scheduled attempts", "12 passwords and row level security", "13 incremental runs",
                        "14 application login may act as the role of a person", "15 keys touched");
    }

    @Test
    void a_quality_check_computes_its_failure_rate_in_percent() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("insert into etl_orchestration.pipeline_runs (pipeline_name, status) values ('rate', 'running')");
            s.execute("""
                    insert into data_quality.quality_rules (rule_name, rule_type, is_blocking)
                    values ('orders_have_customers', 'consistency', true)""");
            s.execute("""
                    insert into data_quality.quality_checks (run_id, rule_id, status, rows_checked, rows_failed)
                    select max(run_id), max(rule_id), 'fail', 200, 3
                    from etl_orchestration.pipeline_runs, data_quality.quality_rules""");
        }

        assertThat(strings("select failure_rate::text from data_quality.quality_checks")).containsExactly("1.50");
    }

    @Test
    void the_audit_log_refuses_updates_and_deletes() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("insert into security_audit.audit_logs (action, status) values ('login', 'success')");

            assertThatThrownBy(() -> s.execute("update security_audit.audit_logs set status = 'failure'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.execute("delete from security_audit.audit_logs"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void a_reader_sees_only_its_own_audit_entries_unless_it_is_an_admin() throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            s.execute("""
                    do $$ begin
                        if not exists (select from pg_roles where rolname = 'olist_test_reader') then
                            create role olist_test_reader nologin;
                        end if;
                    end $$""");
            s.execute("grant usage on schema security_audit to olist_test_reader");
            s.execute("grant select, insert on security_audit.audit_logs to olist_test_reader");
            s.execute("""
                    insert into security_audit.users (username, email)
                    values ('alice', 'alice@example.com'), ('bob', 'bob@example.com')""");
            s.execute("""
                    insert into security_audit.audit_logs (user_id, action)
                    select user_id, 'query:' || username from security_audit.users""");

            String bob = strings(s, "select user_id from security_audit.users where username = 'bob'").get(0);

            c.setAutoCommit(false);
            s.execute("set local role olist_test_reader");
            s.execute("set local olist.username = 'alice'");
            assertThat(strings(s, "select action from security_audit.audit_logs")).containsExactly("query:alice");
            assertThatThrownBy(() -> s.execute(
                    "insert into security_audit.audit_logs (user_id, action) values (" + bob + ", 'forged')"))
                    .hasMessageContaining("row-level security");
            c.rollback();

            s.execute("set local role olist_test_reader");
            s.execute("set local olist.username = 'admin'");
            assertThat(strings(s, "select action from security_audit.audit_logs order by action"))
                    .containsExactly("query:admin", "query:alice", "query:bob");
            c.rollback();
        }
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection c = TestPostgres.connection(url); Statement s = c.createStatement()) {
            return strings(s, sql);
        }
    }

    private static List<String> strings(Statement statement, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
