package org.rilltokens.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * One rill-tokens server started the way an operator starts it ({@code bin/rill-server} with RILL_*
 * variables), running the test WAR (the product plus the test probe), on a free loopback port.
 */
final class ServerNode implements AutoCloseable {

    private static final Path FOLDER = Path.of("target", "servers");
    private static final String DEPLOYMENT_FAILED = "Exception while loading the app";
    private static final String READY = ") ready in ";
    private static Path testWar;
    /**
     * The JVM of every test node, the shared test server included: the quick-starting JIT and the simplest collector
     * take about 40 % less CPU to start Payara Micro (measured: 29 s of CPU against 48 s), and over a whole H2 pass the
     * shared server spent 103 CPU-s with them against 170 s with the optimizing JIT, which compiles more than a pass of
     * light tests runs. Even FreshDeploymentIT's node, which hashes its people's passwords at full strength (three times
     * slower without the optimizing JIT), spent 20 CPU-s less with them, for 4 s more.
     */
    static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    /** The java command with {@link #SHORT_LIVED_JVM}, then {@code arguments}. */
    static List<String> shortLivedJava(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(SHORT_LIVED_JVM.split(" ")));
        command.addAll(List.of(arguments));
        return command;
    }

    private final Map<String, String> environment;
    private final Path log;
    final int port;
    private Process process;

    ServerNode(String name, Map<String, String> environment) throws IOException {
        this.environment = environment;
        this.port = freePort();
        this.log = Files.createDirectories(FOLDER).resolve(name + TestServer.fork() + ".log");
    }

    /** The WAR the build produced plus the test probe's classes (never shipped). */
    static synchronized Path testWar() throws IOException {
        if (testWar == null) {
            Path war = Path.of(System.getProperty("rill.war", "target/rill-tokens.war"));
            Path probe = Path.of(TestProbe.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                    .resolve(TestProbe.class.getPackageName().replace('.', '/'));
            // One per fork: the forks of a pass run at once, and bin/rill-server unpacks the WAR it is given.
            testWar = Files.createDirectories(FOLDER).resolve("rill-tokens-test" + TestServer.fork() + ".war").toAbsolutePath();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(testWar));
                    Stream<Path> classes = Files.list(probe)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    out.putNextEntry(new ZipEntry(entry.getName()));
                    in.transferTo(out);
                }
                for (Path file : classes.filter(f -> f.getFileName().toString().matches("(TestProbe|HostileProbe)(\\$.*)?\\.class")).toList()) {
                    out.putNextEntry(new ZipEntry("WEB-INF/classes/" + TestProbe.class.getPackageName().replace('.', '/') + "/"
                            + file.getFileName()));
                    Files.copy(file, out);
                }
            }
        }
        return testWar;
    }

    /** Starts the process through bin/rill-server; does not wait. */
    ServerNode start() throws IOException {
        return start(List.of("bin/rill-server", "--nohazelcast"));
    }

    /** Starts Payara Micro with the WAR as any application server would, without bin/rill-server's checks; does not wait. */
    ServerNode startWithoutLauncher() throws IOException {
        return start(shortLivedJava("-jar", "target/payara-micro.jar", "--deploy", testWar().toString(), "--contextroot", "/",
                "--port", String.valueOf(port), "--nohazelcast"));
    }

    private ServerNode start(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        // The test JVM's own database settings are the shared test server's; this node has its own.
        builder.environment().keySet().removeIf(name -> name.startsWith("RILL_DB_"));
        builder.environment().put("RILL_WAR", testWar().toString());
        builder.environment().put("RILL_HTTP_PORT", String.valueOf(port));
        builder.environment().put("RILL_DEMO", "true");
        builder.environment().put("RILL_JAVA_OPTS", SHORT_LIVED_JVM);
        builder.environment().put("RILL_PROJECTS_DIR", TestServer.projectsDir().toString());
        // What the test gives wins, e.g. RILL_DEMO=false for a fresh deployment.
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    /** Starts and waits until the portal answers. */
    ServerNode startAndWait() throws IOException, InterruptedException {
        return start().awaitReady();
    }

    /** Waits until the started server's portal answers. */
    ServerNode awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        Instant readySince = null;
        int lastStatus = 0;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ", see " + log + causes());
            }
            String output = output();
            if (output.contains(DEPLOYMENT_FAILED)) {
                // Payara Micro keeps running without the application: waiting longer cannot help.
                process.destroyForcibly();
                throw new IllegalStateException("the application failed to deploy, see " + log + causes());
            }
            if (readySince == null && output.contains(READY)) {
                readySince = Instant.now();
            }
            if (readySince != null && Instant.now().isAfter(readySince.plus(Duration.ofMinutes(1)))) {
                process.destroyForcibly();
                throw new IllegalStateException("Payara Micro said it was ready a minute ago but " + base()
                        + "/login answers " + lastStatus + ", not 200, see " + log + causes() + "\n" + addresses(output));
            }
            try {
                // A connection of its own each time: one kept alive from before the deployment may keep being
                // answered by the server's default module (404) after it.
                lastStatus = new RawHttp(port).send("GET /login HTTP/1.1\r\nConnection: close", 0).status();
                if (lastStatus == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server did not start within 8 minutes, see " + log + causes());
    }

    /** What Payara Micro printed about its ports and applications. */
    private static String addresses(String output) {
        int at = output.lastIndexOf("Instance Configuration");
        return at < 0 ? "" : output.substring(at, Math.min(output.length(), at + 600));
    }

    /** The log's "Caused by" lines, so that a failure on CI says why without the log file. */
    private String causes() throws IOException {
        List<String> causes = output().lines().filter(line -> line.startsWith("Caused by:") || line.contains("cannot start"))
                .distinct().limit(8).toList();
        return causes.isEmpty() ? "" : ":\n" + String.join("\n", causes);
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server still running after " + timeout + ", see " + log);
        }
        return process.exitValue();
    }

    boolean isRunning() {
        return process.isAlive();
    }

        String output() throws IOException {
        return Files.readString(log);
    }

    /** SIGKILL: no shutdown hooks, no flushing, like a power cut of the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String base() {
        return "http://localhost:" + port;
    }

    Http http() {
        return new Http(base());
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
