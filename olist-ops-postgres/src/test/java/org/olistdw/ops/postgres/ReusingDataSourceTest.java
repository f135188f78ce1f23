package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class ReusingDataSourceTest {

    private ReusingDataSource reusing;

    @BeforeEach
    void open() throws SQLException {
        PGSimpleDataSource physical = new PGSimpleDataSource();
        physical.setURL(TestPostgres.freshDatabase("reusing_test"));
        physical.setUser(TestPostgres.server().user());
        reusing = new ReusingDataSource(physical, 2);
        try (Connection c = reusing.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table notes (note text)");
        }
    }

    @AfterEach
    void close() {
        reusing.close();
    }

    @Test
    void the_next_caller_gets_the_session_the_previous_one_gave_back() throws SQLException {
        int first = backendPid();
        int second = backendPid();

        assertThat(second).isEqualTo(first);
    }

    @Test
    void what_a_caller_left_uncommitted_is_rolled_back_before_reuse() throws SQLException {
        try (Connection c = reusing.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("insert into notes values ('never committed')");
        }

        try (Connection c = reusing.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from notes")) {
            rs.next();
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void a_connection_given_back_cannot_be_used_any_more() throws SQLException {
        Connection c = reusing.getConnection();
        c.close();

        assertThat(c.isClosed()).isTrue();
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class).hasMessage("connection already closed");
    }

    private int backendPid() throws SQLException {
        try (Connection c = reusing.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
