package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code target/rill-cli.jar} (or the {@code bin/rill} launcher), run as its own process the way
 * a script runs it: no terminal, its own saved-login folder, and only the environment given here.
 */
final class Cli {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    record Result(int exitCode, String out, String err) {

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /** A command still running, whose output can be watched while it waits (for rill login). */
    static final class Running {
        private final Process process;
        private final StringBuffer out = new StringBuffer();
        private final StringBuffer err = new StringBuffer();
        private final Thread outReader;
        private final Thread errReader;

        Running(Process process) {
            this.process = process;
            this.outReader = collect(process.getInputStream(), out);
            this.errReader = collect(process.getErrorStream(), err);
        }

        /** Waits until stderr shows {@code pattern}; answers the match. */
        Matcher awaitErr(Pattern pattern) throws InterruptedException {
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                Matcher matcher = pattern.matcher(err);
                if (matcher.find()) {
                    return matcher;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("rill never printed " + pattern + "; stderr so far:\n" + err);
        }

        Result finish() throws InterruptedException {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("rill did not end within " + TIMEOUT + "; stderr:\n" + err);
            }
            outReader.join(TIMEOUT.toMillis());
            errReader.join(TIMEOUT.toMillis());
            return new Result(process.exitValue(), out.toString(), err.toString());
        }

        private static Thread collect(InputStream stream, StringBuffer into) {
            Thread reader = new Thread(() -> {
                try (stream) {
                    byte[] buffer = new byte[4096];
                    for (int read; (read = stream.read(buffer)) >= 0; ) {
                        into.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    into.append("[reading failed: ").append(e).append(']');
                }
            });
            reader.setDaemon(true);
            reader.start();
            return reader;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private final List<String> launcher;

    private Cli(List<String> launcher, Path configDir) {
        this.launcher = launcher;
        env.put("RILL_CONFIG_DIR", configDir.toString());
    }

    /** The jar the build made, started with the running JDK's java. */
    static Cli jar(Path configDir) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = System.getProperty("rill.cli.jar", "target/rill-cli.jar");
        return new Cli(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar), configDir);
    }

    /** bin/rill, the launcher people run. */
    static Cli launcher(Path configDir) {
        return new Cli(List.of(System.getProperty("rill.launcher", "bin/rill")), configDir);
    }

    Cli with(String variable, String value) {
        Cli copy = new Cli(launcher, Path.of(env.get("RILL_CONFIG_DIR")));
        copy.env.putAll(env);
        copy.env.put(variable, value);
        return copy;
    }

    Result run(String... args) throws InterruptedException {
        return start(args).finish();
    }

    Running start(String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("RILL_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return new Running(process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertExit(Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
    }
}
