package org.olistdw.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code olist serve}: its options, and the command started as a process of its own. */
class ServeCommandTest {

    @TempDir
    Path directory;

    @Test
    void serves_the_dashboards_until_stopped_and_answers_503_without_a_warehouse() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OlistProcess.class.getName(),
                "serve", "--port", "0", "--work-dir", directory.toString())
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
            HttpResponse<String> executive = http.send(HttpRequest.newBuilder(base.resolve("/executive")).build(),
                    HttpResponse.BodyHandlers.ofString());
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
            Cli serve = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()), "--work-dir",
                    directory.toString());
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
