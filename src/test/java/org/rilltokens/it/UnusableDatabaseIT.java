package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A server on a database it cannot use: started by {@code bin/rill-server}, it stops with one clear line and exit
 * code 3 (a PostgreSQL nobody listens on; an H2 file whose schema is newer than the build); deployed as on any
 * application server, the deployment fails with one clear line and the server keeps running. None of it needs the
 * pass's database, so it runs once, in the H2 pass.
 */
@EnabledIfSystemProperty(named = "rill.test.database", matches = "h2")
class UnusableDatabaseIT {

    @Test
    void anUnreachableDatabaseStopsTheServerWithOneClearLine() throws Exception {
        try (ServerNode node = new ServerNode("unreachable", Map.of("RILL_DB_URL", "jdbc:postgresql://127.0.0.1:1/rill",
                "RILL_DB_USER", "rill", "RILL_DB_PASSWORD", "x")).start()) {
            assertThat(node.awaitExit(Duration.ofSeconds(60))).isEqualTo(3);
            assertThat(node.output()).contains("rill-tokens cannot start: the database at jdbc:postgresql://127.0.0.1:1/rill"
                    + " cannot be reached").doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    @Test
    void onAnApplicationServerAnUnreachableDatabaseFailsTheDeploymentWithOneClearLineAndTheServerRuns() throws Exception {
        try (ServerNode node = new ServerNode("unreachable-deployment", Map.of("RILL_DB_URL", "jdbc:postgresql://127.0.0.1:1/rill",
                "RILL_DB_USER", "rill", "RILL_DB_PASSWORD", "x")).startWithoutLauncher()) {
            Instant deadline = Instant.now().plusSeconds(180);
            while (!node.output().contains("ready in") && Instant.now().isBefore(deadline)) {
                assertThat(node.isRunning()).as("the server process stays up").isTrue();
                Thread.sleep(500);
            }
            // Payara's persistence unit connects while the WAR deploys: the data source names the database and the settings.
            assertThat(node.output()).contains("rill-tokens cannot use the database at jdbc:postgresql://127.0.0.1:1/rill: ",
                    "Check RILL_DB_URL, RILL_DB_USER and RILL_DB_PASSWORD").contains("ready in");
            assertThat(node.isRunning()).isTrue();
            assertThat(node.http().get("/v1/health", null).status()).as("nothing deployed at /").isEqualTo(404);
        }
    }

    @Test
    void aSchemaNewerThanTheBuildStopsTheServerWithOneClearLine() throws Exception {
        Path data = Files.createTempDirectory("rill-future");
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data + "/rill", "rill", "rill");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE \"flyway_schema_history\" (\"version\" VARCHAR(50), \"success\" BOOLEAN)");
            statement.execute("INSERT INTO \"flyway_schema_history\" VALUES ('1', TRUE), ('99', TRUE)");
        }
        try (ServerNode node = new ServerNode("future-schema", Map.of("RILL_DATA_DIR", data.toString())).start()) {
            assertThat(node.awaitExit(Duration.ofSeconds(60))).isEqualTo(3);
            assertThat(node.output()).contains("rill-tokens cannot start", "is at version 99, newer than this build")
                    .doesNotContain("\tat ");
        }
    }
}
