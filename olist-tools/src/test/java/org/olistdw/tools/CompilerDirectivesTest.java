package org.olistdw.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compiler directives {@code bin/olist} starts its batch commands with: a JVM given a file it cannot parse
 * does not start at all, so every batch command would fail.
 */
class CompilerDirectivesTest {

    private static final Path DIRECTIVES = Path.of("..", "bin", "compiler-directives.json");

    @Test
    void the_jvm_installs_both_directives_and_says_so_only_when_asked() throws Exception {
        assertThat(DIRECTIVES).isRegularFile();

        Result loud = java("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + DIRECTIVES, "-version");
        Result quiet = java("-XX:+UnlockDiagnosticVMOptions", "-XX:-DisplayVMOutput",
                "-XX:CompilerDirectivesFile=" + DIRECTIVES, "-version");

        assertThat(loud.exitCode()).as(loud.out()).isZero();
        assertThat(loud.out()).startsWith("2 compiler directives added");
        assertThat(quiet.exitCode()).as(quiet.out()).isZero();
        assertThat(quiet.out()).doesNotContain("directives").contains("version");
    }

    private record Result(int exitCode, String out) {
    }

    /** Runs this JDK's java with {@code options}, standard output and error together. */
    private static Result java(String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out);
    }
}
