package org.olistdw.ops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresOpsTest {

    @Test
    void connecting_to_an_unreachable_url_fails_with_one_line_that_names_the_url() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/olist_operational";

        assertThatThrownBy(() -> PostgresOps.connect(url, "olist", "secret"))
                .isInstanceOf(OpsStoreUnavailableException.class)
                .hasMessageStartingWith("cannot connect to PostgreSQL at " + url + ": ")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_password_in_the_url_is_not_repeated_in_the_message() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedPort() + "/olist?user=olist&password=secret";

        assertThatThrownBy(() -> PostgresOps.connect(url, null, null))
                .hasMessageStartingWith("cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_url_of_another_database_is_refused() {
        assertThatThrownBy(() -> PostgresOps.connect("jdbc:mysql://db/olist", "u", "p"))
                .isInstanceOf(OpsStoreUnavailableException.class)
                .hasMessage("the operational store URL must start with jdbc:postgresql:, was jdbc:mysql://db/olist");
    }

    @Test
    void a_server_older_than_15_is_refused_with_its_version() {
        assertThatThrownBy(() -> PostgresOps.requireSupportedVersion(140_009, "14.9 (Debian 14.9-1)", "jdbc:postgresql://old/db"))
                .isInstanceOf(OpsStoreUnavailableException.class)
                .hasMessage("PostgreSQL at jdbc:postgresql://old/db is version 14.9; olist-dw needs PostgreSQL 15 or newer");
    }

    @Test
    void connecting_through_a_data_source_reports_the_server_and_its_location() {
        LocalPostgres server = TestPostgres.server();
        String url = TestPostgres.freshDatabase("data_source_test");
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(server.user());

        try (PostgresOps ops = PostgresOps.connect(dataSource)) {
            assertThat(ops.serverVersion()).startsWith("17.");
            assertThat(ops.location()).isEqualTo(url);
            assertThat(ops.pipelineRuns().recent(5)).isEmpty();
        }
    }

    @Test
    void the_urls_user_is_honoured_unless_the_caller_names_another() throws SQLException {
        LocalPostgres server = TestPostgres.server();
        String admin = TestPostgres.freshDatabase("url_user_test");
        try (Connection connection = TestPostgres.connection(admin); Statement statement = connection.createStatement()) {
            statement.execute("drop role if exists olist_url_user");
            statement.execute("create role olist_url_user login password 'url-secret'");
            statement.execute("alter database url_user_test owner to olist_url_user");
        }
        String url = server.jdbcUrl("url_user_test") + "?user=olist_url_user&password=url-secret";

        try (PostgresOps ops = PostgresOps.connect(url, null, null)) {
            ops.pipelineRuns().recent(1);
            assertThat(sessionUsers(admin)).containsExactly("olist_url_user");
        }
        for (int waited = 0; !sessionUsers(admin).isEmpty() && waited < 100; waited++) {
            try {
                Thread.sleep(50); // a closed session leaves pg_stat_activity shortly after
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (PostgresOps ops = PostgresOps.connect(url, server.user(), server.password())) {
            ops.pipelineRuns().recent(1);
            assertThat(sessionUsers(admin)).containsExactly(server.user());
        }
    }

    /** The users of this module's sessions (application name olist-dw) open on the database of {@code url}. */
    private static List<String> sessionUsers(String url) throws SQLException {
        try (Connection connection = TestPostgres.connection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select distinct usename::text from pg_stat_activity"
                     + " where datname = current_database() and application_name = 'olist-dw' order by 1")) {
            List<String> users = new ArrayList<>();
            while (rows.next()) {
                users.add(rows.getString(1));
            }
            return users;
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
