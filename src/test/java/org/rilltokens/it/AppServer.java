package org.rilltokens.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The shipped WAR (target/rill-tokens.war, byte for byte) on an application server from Maven Central, set up
 * the way the README's "Deploy to your application server" tells an operator: OpenLiberty with
 * target/server-config/openliberty, or a Payara Server domain with {@code asadmin deploy}. Settings are the
 * RILL_* variables of the failsafe execution, handed to the server as its environment.
 */
final class AppServer implements AutoCloseable {

    /** The README's steps name target/rill-tokens.war relative to the project folder, the tests' working directory. */
    private static final Path WAR = Path.of("target", "rill-tokens.war").toAbsolutePath();
    private static final Path LOGS = Path.of("target", "servers").toAbsolutePath();

    private final String base;
    private final List<String> stop;
    private final Map<String, String> environment;
    private final Path log;

    private AppServer(String base, List<String> stop, Map<String, String> environment, Path log) {
        this.base = base;
        this.stop = stop;
        this.environment = environment;
        this.log = log;
    }

    String base() {
        return base;
    }

    /** OpenLiberty: a new server "rill" with server-config/openliberty's files and the WAR in apps/. */
    static AppServer openLiberty(Map<String, String> settings) throws Exception {
        Path wlp = Path.of("target", "openliberty", "wlp").toAbsolutePath();
        Path server = wlp.resolve("usr/servers/rill");
        deleteTree(server);
        Path log = LOGS.resolve("openliberty.log");
        Map<String, String> environment = environment(settings, freePort());
        run(List.of(wlp.resolve("bin/server").toString(), "create", "rill"), environment, log);
        copyTree(Path.of("target", "server-config", "openliberty"), server);
        Files.copy(WAR, server.resolve("apps/rill-tokens.war"));
        run(List.of(wlp.resolve("bin/server").toString(), "start", "rill"), environment, log);
        AppServer started = new AppServer("http://localhost:" + environment.get("RILL_HTTP_PORT"),
                List.of(wlp.resolve("bin/server").toString(), "stop", "rill"), environment, server.resolve("logs/messages.log"));
        return started.awaitReady();
    }

    /** Payara Server: a new domain on free ports, started with the settings in its environment, then asadmin deploy. */
    static AppServer payaraServer(Map<String, String> settings) throws Exception {
        Path asadmin = Path.of("target", "payara-server", "payara6", "bin", "asadmin").toAbsolutePath();
        Path domains = Path.of("target", "payara-server", "domains").toAbsolutePath();
        deleteTree(domains);
        int portBase = freePortBase();
        Map<String, String> environment = environment(settings, portBase + 80);
        Path log = LOGS.resolve("payara-server.log");
        String admin = String.valueOf(portBase + 48);
        run(List.of(asadmin.toString(), "create-domain", "--nopassword", "--domaindir", domains.toString(),
                "--portbase", String.valueOf(portBase), "rill"), environment, log);
        run(List.of(asadmin.toString(), "start-domain", "--domaindir", domains.toString(), "rill"), environment, log);
        List<String> stop = List.of(asadmin.toString(), "stop-domain", "--domaindir", domains.toString(), "rill");
        AppServer started = new AppServer("http://localhost:" + (portBase + 80), stop, environment,
                domains.resolve("rill/logs/server.log"));
        try {
            // The README's step: server-config/payara-server/deploy.asadmin deploys target/rill-tokens.war at /.
            run(List.of(asadmin.toString(), "--port", admin, "multimode", "--file",
                    Path.of("server-config", "payara-server", "deploy.asadmin").toAbsolutePath().toString()), environment, log);
        } catch (Exception e) {
            started.close();
            throw e;
        }
        return started.awaitReady();
    }

    private static Map<String, String> environment(Map<String, String> settings, int httpPort) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(settings);
        environment.put("RILL_HTTP_PORT", String.valueOf(httpPort));
        environment.put("RILL_DEMO", "true");
        // The server serves one pass of light tests, and asadmin and Liberty's scripts start short-lived JVMs: the quick
        // JIT and the serial collector cost far less CPU there (ServerNode.SHORT_LIVED_JVM). Read by every java launcher.
        environment.put("JDK_JAVA_OPTIONS", ServerNode.SHORT_LIVED_JVM);
        createDatabase(environment.get("RILL_DB_URL"));
        return environment;
    }

    /** A PostgreSQL database named in the URL, new for this run (the throwaway cluster's user may create databases). */
    static void createDatabase(String url) throws Exception {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return;
        }
        String name = url.substring(url.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", "rill", "unused");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
    }

    private AppServer awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("rill-tokens did not answer at " + base + " within 5 minutes, see " + log);
    }

    @Override
    public void close() throws Exception {
        run(stop, environment, LOGS.resolve("stop.log"));
    }

    private static void run(List<String> command, Map<String, String> environment, Path log) throws Exception {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(name -> name.startsWith("RILL_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not end within 5 minutes, see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue() + ", see " + log);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port base whose Payara Server ports (base + 0 … 99) are all free now. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 20_000 + 100 * new java.util.Random().nextInt(400);
            if (allFree(base)) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of 100 ports for Payara Server");
    }

    private static boolean allFree(int base) {
        for (int port = base; port < base + 100; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
