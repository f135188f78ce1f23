package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code olist serve}: its options, and the command started as a process of its own. */
class ServeCommandTest {

    private static final String PASSWORD = "a long enough password";

    @TempDir
    Path directory;

    @Test
    void serves_the_dashboards_to_a_logged_in_user_until_stopped_and_answers_503_without_a_warehouse()
            throws Exception {
        String admin = "serve-admin-" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 1_000_000;
        List<String> add = new ArrayList<>(List.of("users", "add", admin, "--admin"));
        add.addAll(List.of(TestStores.opsArgs()));
        InputStream original = System.in;
        System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            Cli added = Cli.run(add.toArray(String[]::new));
            assertThat(added.exitCode()).as(added.toString()).isEqualTo(ExitCodes.OK);
        } finally {
            System.setIn(original);
        }
        List<String> command = new ArrayList<>(List.of("serve", "--port", "0", "--work-dir", directory.toString()));
        command.addAll(List.of(TestStores.opsArgs()));
        Process process = OlistProcess.builder(directory.resolve("logs"), command)
                .redirectError(directory.resolve("err.txt").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("first line").isNotNull().startsWith("serving the dashboards of "
                    + directory.resolve("warehouse.duckdb").toAbsolutePath().normalize());
            Matcher address = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)").matcher(line);
            assertThat(address.find()).as(line).isTrue();
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create(address.group(1));
            HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(base.resolve("/executive")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("location")).contains("/login");

            HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String session = form.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
            Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).isTrue();
            HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(base.resolve("/login"))
                    .header("Cookie", session).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + admin + "&password="
                            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&csrf=" + csrf.group(1)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loggedIn.statusCode()).as(loggedIn.body()).isEqualTo(302);
            String loggedInSession = loggedIn.headers().firstValue("set-cookie").orElseThrow().split(";")[0];

            HttpResponse<String> executive = http.send(HttpRequest.newBuilder(base.resolve("/executive"))
                    .header("Cookie", loggedInSession).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(executive.statusCode()).isEqualTo(503);
            assertThat(executive.body()).contains("no warehouse published at");
            assertThat(http.send(HttpRequest.newBuilder(base.resolve("/assets/dashboards.js")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    @Test
    void a_port_in_use_is_an_environment_problem_said_in_one_line() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(taken.getLocalPort()),
                    "--work-dir", directory.toString()));
            args.addAll(List.of(TestStores.opsArgs()));
            Cli serve = Cli.run(args.toArray(String[]::new));
            assertThat(serve.exitCode()).as(serve.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
            assertThat(serve.err()).startsWith("olist: cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void a_port_out_of_range_is_a_usage_error() {
        Cli serve = Cli.run("serve", "--port", "70000", "--work-dir", directory.toString());
        assertThat(serve.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(serve.err()).contains("--port must be 0..65535, was 70000");
    }
}
