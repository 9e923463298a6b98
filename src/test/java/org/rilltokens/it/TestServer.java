package org.rilltokens.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The one server that every black-box test class of a test run talks to, handed to tests as an {@link Http}
 * parameter (of a {@code @BeforeEach} or {@code @BeforeAll} method). Started on first use with
 * {@code bin/rill-server}, the test WAR (the product plus {@link TestProbe}) and the database of this failsafe
 * execution (its RILL_* variables), and stopped when the run ends, so one pass costs one server start. It also
 * signs people in through {@link IdentityProvider}, a real OpenID provider started in this JVM on loopback.
 *
 * <p>With {@code -Drill.test.server=openliberty} or {@code payara-server} the server is that application server
 * running the shipped WAR unchanged ({@link AppServer}); with {@code -Drill.test.base-url=http://host:port}, a
 * server started elsewhere. Neither has the test probe: only tests tagged {@value #ANY_SERVER} run there, and they
 * obtain everything as a user would (demo users, the portal's forms).
 */
final class TestServer implements BeforeAllCallback, ParameterResolver {

    /** The tag of tests that need nothing but the shipped WAR (no {@link TestProbe}). */
    static final String ANY_SERVER = "any-server";

    /**
     * The tag of classes that drive, through another surface (pages in a browser), boundaries whose REST classes run on
     * both databases, and query nothing of their own: they run in the H2 pass only (the PostgreSQL pass excludes them
     * in the pom), and their any-server tests on the other servers as well.
     */
    static final String ONE_DATABASE = "one-database";

    private static final String EXTERNAL = "rill.test.base-url";
    private static final String SERVER = "rill.test.server";

    /**
     * The failsafe fork this JVM is ("-f1", "-f2", …; "" outside failsafe). With rill.it.forks above 1 the H2 and PostgreSQL passes would run their classes
     * in two forks at once (pom: rill.it.forks), each with a server, a PostgreSQL database and project files of its own, so
     * a class sees exactly what it saw with one fork; only the order of classes on a server differs.
     */
    static String fork() {
        String number = System.getProperty("rill.test.fork", "");
        return number.isEmpty() ? "" : "-" + number;
    }

    private static Path projects;

    /** This fork's copy of the project files (RILL_PROJECTS_DIR), which tests may change (ApisIT's hot reload). */
    static synchronized Path projectsDir() {
        if (projects == null) {
            Path shared = Path.of(System.getenv().getOrDefault("RILL_PROJECTS_DIR", "target/test-projects")).toAbsolutePath();
            Path own = shared.resolveSibling(shared.getFileName() + fork());
            try {
                if (!own.equals(shared)) {
                    AppServer.deleteTree(own);
                    AppServer.copyTree(shared, own);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            projects = own;
        }
        return projects;
    }

    /** Whether the server has the test probe: Payara Micro started by bin/rill-server with the test WAR. */
    static boolean hasProbe() {
        return System.getProperty(EXTERNAL) == null && System.getProperty(SERVER, "payara-micro").equals("payara-micro");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        base(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Http.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new Http(base(context));
    }

    private static String base(ExtensionContext context) {
        String external = System.getProperty(EXTERNAL);
        if (external != null) {
            return external.replaceFirst("/$", "");
        }
        // The root store outlives every test class and closes the server when the whole run ends.
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(TestServer.class, key -> started(), Started.class).base();
    }

    private static Started started() {
        Map<String, String> settings = System.getenv().entrySet().stream().filter(e -> e.getKey().startsWith("RILL_"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, java.util.HashMap::new));
        String server = System.getProperty(SERVER, "payara-micro");
        try {
            // The server's notices go to a real SMTP server in this JVM (Mailbox), started first.
            settings.putAll(Mailbox.start());
            return switch (server) {
                case "openliberty" -> started(AppServer.openLiberty(settings));
                case "payara-server" -> started(AppServer.payaraServer(settings));
                default -> {
                    // The shared server signs people in through a real OpenID provider as well as with passwords.
                    IdentityProvider provider = IdentityProvider.start();
                    settings.putAll(provider.serverSettings());
                    settings.put("RILL_PROJECTS_DIR", projectsDir().toString());
                    if ("postgresql".equals(System.getProperty("rill.test.database"))) {
                        // This fork's own database on the throwaway cluster (rill.test.pg.url names it per fork).
                        String database = System.getProperty("rill.test.pg.url");
                        AppServer.createDatabase(database);
                        settings.put("RILL_DB_URL", database);
                    }
                    ServerNode node = new ServerNode("shared-" + System.getProperty("rill.test.database", "h2"), settings);
                    node.startAndWait();
                    // The demo users sign in a hundred times a pass: the test probe's quick hash of the same passwords.
                    if (node.http().probe("quick-demo-passwords").status() != 200) {
                        node.close();
                        throw new IllegalStateException("the test probe did not re-hash the demo passwords, see the server log");
                    }
                    yield new Started(node.base(), () -> {
                        try (provider; node) {
                            // both closed, the server first
                        }
                    });
                }
            };
        } catch (Exception e) {
            throw new IllegalStateException("the test server (" + server + ") did not start", e);
        }
    }

    private static Started started(AppServer server) {
        return new Started(server.base(), server);
    }

    private record Started(String base, AutoCloseable server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                server.close();
            } finally {
                Mailbox.stop();
            }
        }
    }
}
