package org.rilltokens.platform;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Run by {@code bin/rill-server} before the application server starts: checks that the configured
 * database answers and that its schema is not newer than this build, and otherwise stops with one clear
 * line and exit code 3. (Inside the server, an unreachable database fails the deployment with a stack
 * trace while the server keeps running; this check makes the process refuse to start instead.)
 */
public final class Preflight {

    private Preflight() {
    }

    public static void main(String[] args) {
        try {
            Properties defaults = defaults();
            String url = setting("RILL_DB_URL", "rill.db.url", defaults)
                    .replace("${rill.data.dir}", setting("RILL_DATA_DIR", "rill.data.dir", defaults));
            DriverManager.setLoginTimeout(10);
            try (Connection connection = DriverManager.getConnection(url, setting("RILL_DB_USER", "rill.db.user", defaults),
                    setting("RILL_DB_PASSWORD", "rill.db.password", defaults))) {
                checkSchema(connection, url);
            } catch (SQLException e) {
                fail("the database at " + masked(url) + " cannot be reached: "
                        + Optional.ofNullable(e.getMessage()).orElse(e.toString()).split("\n")[0].replaceFirst("\\.$", "")
                        + ". Check RILL_DB_URL, RILL_DB_USER and RILL_DB_PASSWORD and that the database is running.");
            }
        } catch (IOException | URISyntaxException e) {
            fail("its own settings cannot be read: " + e.getMessage());
        }
    }

    private static void checkSchema(Connection connection, String url) throws SQLException, IOException, URISyntaxException {
        int known = newestMigration();
        try (Statement statement = connection.createStatement();
                ResultSet applied = statement.executeQuery(
                        "SELECT MAX(CAST(\"version\" AS INTEGER)) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE")) {
            if (applied.next() && applied.getInt(1) > known) {
                fail("the database schema at " + masked(url) + " is at version " + applied.getInt(1) + ", newer than this build"
                        + " knows (" + known + "). Run the newer rill-tokens build, or restore a backup taken before the upgrade.");
            }
        } catch (SQLException e) {
            // No schema history yet: a new database, which the server will migrate.
        }
    }

    private static int newestMigration() throws IOException, URISyntaxException {
        URL folder = Preflight.class.getClassLoader().getResource("db/migration/common");
        if (folder == null) {
            return 0;
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElse(0);
        }
    }

    private static Properties defaults() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = Preflight.class.getClassLoader().getResourceAsStream("META-INF/microprofile-config.properties")) {
            if (in != null) {
                defaults.load(in);
            }
        }
        return defaults;
    }

    private static String setting(String variable, String property, Properties defaults) {
        return Optional.ofNullable(System.getProperty(property)).or(() -> Optional.ofNullable(System.getenv(variable)))
                .orElse(defaults.getProperty(property, ""));
    }

    /** The JDBC URL without credentials that some drivers accept inside it; for messages. */
    static String masked(String url) {
        return url.replaceAll("(?i)(password|user)=[^;&]*", "$1=…");
    }

    private static void fail(String reason) {
        System.err.println("rill-tokens cannot start: " + reason);
        System.exit(3);
    }
}
