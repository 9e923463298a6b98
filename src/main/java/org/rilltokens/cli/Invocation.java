package org.rilltokens.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What one run of rill works with: its environment variables, stdout for results, stderr for everything
 * else, the terminal (if any), the home folder, the local time zone, the machine's name, and a way to
 * wait. Tests build their own; {@link #system()} is the real one.
 */
record Invocation(Map<String, String> env, PrintWriter out, PrintWriter err, Terminal terminal, Path home,
        ZoneId zone, Supplier<String> hostname, Consumer<Duration> pause) {

    /** Where the saved login lives instead of ~/.rill (tests, several accounts). */
    static final String CONFIG_DIR_ENV = "RILL_CONFIG_DIR";

    static Invocation system() {
        Charset charset = Charset.defaultCharset();
        return new Invocation(System.getenv(), new PrintWriter(System.out, true, charset), new PrintWriter(System.err, true, charset),
                Terminal.system(), Path.of(System.getProperty("user.home")), ZoneId.systemDefault(), Invocation::localHostname,
                Invocation::sleep);
    }

    CredentialsFile credentialsFile() {
        String dir = env.get(CONFIG_DIR_ENV);
        return new CredentialsFile(dir == null || dir.isBlank() ? home.resolve(".rill") : Path.of(dir));
    }

    /** The machine's name, which names the token rill login receives; null when unknown. */
    static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", System.getenv("COMPUTERNAME"));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Failure.refused("Interrupted");
        }
    }
}
