package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rilltokens.cli.InProcessRill;

/**
 * rill as a script runs it: no terminal, its own saved-login folder, and only the environment given here. Either the
 * real {@code target/rill-cli.jar} (or the {@code bin/rill} launcher) as its own process, or the same commands inside
 * this JVM ({@link #inProcess}), which spares a JVM start per command where the process itself is not under test.
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
        private final StringBuffer out;
        private final StringBuffer err;
        private final CompletableFuture<Integer> exitCode;
        private final Runnable stop;

        private Running(StringBuffer out, StringBuffer err, CompletableFuture<Integer> exitCode, Runnable stop) {
            this.out = out;
            this.err = err;
            this.exitCode = exitCode;
            this.stop = stop;
        }

        /** Waits until stderr shows {@code pattern}; answers the match. */
        Matcher awaitErr(Pattern pattern) throws InterruptedException {
            Instant deadline = Instant.now().plus(TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                Matcher matcher = pattern.matcher(err);
                if (matcher.find()) {
                    return matcher;
                }
                if (exitCode.isDone()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("rill never printed " + pattern + "; stderr so far:\n" + err);
        }

        Result finish() throws InterruptedException {
            try {
                return new Result(exitCode.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS), out.toString(), err.toString());
            } catch (TimeoutException e) {
                stop.run();
                throw new AssertionError("rill did not end within " + TIMEOUT + "; stderr:\n" + err);
            } catch (ExecutionException e) {
                throw new AssertionError("rill failed: " + e.getCause() + "; stderr:\n" + err, e.getCause());
            }
        }
    }

    private final Map<String, String> env = new HashMap<>();
    /** The command that starts rill; empty: this JVM runs it. */
    private final List<String> launcher;

    private Cli(List<String> launcher, Path configDir) {
        this.launcher = launcher;
        env.put("RILL_CONFIG_DIR", configDir.toString());
    }

    /** The jar the build made, started with the running JDK's java. */
    static Cli jar(Path configDir) {
        return new Cli(ServerNode.shortLivedJava("-jar", System.getProperty("rill.cli.jar", "target/rill-cli.jar")), configDir);
    }

    /** bin/rill, the launcher people run. */
    static Cli launcher(Path configDir) {
        return new Cli(List.of(System.getProperty("rill.launcher", "bin/rill")), configDir);
    }

    /** The CLI's own code in this JVM, with the same environment, output and exit codes as the jar. */
    static Cli inProcess(Path configDir) {
        return new Cli(List.of(), configDir);
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
        return launcher.isEmpty() ? startHere(args) : startProcess(args);
    }

    private Running startHere(String... args) {
        StringBuffer out = new StringBuffer();
        StringBuffer err = new StringBuffer();
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                exitCode.complete(InProcessRill.run(env, writer(out), writer(err), args));
            } catch (Throwable e) {
                exitCode.completeExceptionally(e);
            }
        }, "rill in this JVM"); // not named after its arguments, which may hold a token
        thread.setDaemon(true);
        thread.start();
        return new Running(out, err, exitCode, thread::interrupt);
    }

    private Running startProcess(String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("RILL_"));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            StringBuffer out = new StringBuffer();
            StringBuffer err = new StringBuffer();
            Thread outReader = collect(process.getInputStream(), out);
            Thread errReader = collect(process.getErrorStream(), err);
            // Done once the process has ended and both of its streams are read to their end.
            CompletableFuture<Integer> exitCode = process.onExit().thenApply(ended -> {
                join(outReader);
                join(errReader);
                return ended.exitValue();
            });
            return new Running(out, err, exitCode, process::destroyForcibly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintWriter writer(StringBuffer into) {
        return new PrintWriter(new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                into.append(chars, offset, length);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        }, true);
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

    private static void join(Thread reader) {
        try {
            reader.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void assertExit(Result result, int exitCode) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
    }
}
