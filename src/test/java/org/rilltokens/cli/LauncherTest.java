package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/rill in a checkout that was not built yet (CliIT runs it with the jar in place). */
class LauncherTest {

    @TempDir
    Path checkout;

    @Test
    void withoutTheJarTheLauncherSaysHowToBuildIt() throws Exception {
        Path launcher = Files.createDirectories(checkout.resolve("bin")).resolve("rill");
        Files.copy(Path.of("bin/rill"), launcher);
        launcher.toFile().setExecutable(true);

        Process process = new ProcessBuilder(launcher.toString(), "token", "list").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Failure.USAGE);
        assertThat(output).contains(checkout.toRealPath().resolve("target/rill-cli.jar") + " is not built yet", "mvn package");
    }
}
