package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Production mode, with servers started by {@code bin/rill-server} as an operator would: two nodes on one
 * PostgreSQL see each other's revocations at once, a killed node loses nothing it answered for (H2 file
 * and PostgreSQL), and a server refuses to start on an unusable database. Runs in the PostgreSQL pass.
 */
@EnabledIfSystemProperty(named = "rill.test.database", matches = "postgresql")
class ProductionIT {

    private static final String TOKENS = "/v1/users/current/tokens";
    private final Map<String, String> postgres = Map.of("RILL_DB_URL", System.getProperty("rill.test.pg.url", ""),
            "RILL_DB_USER", "rill", "RILL_DB_PASSWORD", "unused");

    @Test
    void twoNodesOnOneDatabaseNeverAcceptARevokedTokenOrARemovedRole() throws Exception {
        try (ServerNode a = new ServerNode("node-a", postgres); ServerNode b = new ServerNode("node-b", postgres)) {
            a.start();
            b.startAndWait();
            a.awaitReady();
            Http onA = a.http();
            Http onB = b.http();
            String first = onA.probe("user?email=cluster-" + UUID.randomUUID() + "@test.example").raw().body();

            int staleAccepts = 0;
            for (int i = 0; i < 200; i++) {
                String token = onA.post(TOKENS, first, "{\"displayName\":\"loop " + i + "\"}").json().getString("token");
                assertThat(onB.get("/v1/users/current", token).status()).isEqualTo(200);
                assertThat(onA.delete(TOKENS + "/" + token.substring(0, 19), first).status()).isEqualTo(200);
                if (onB.get("/v1/users/current", token).status() != 401) {
                    staleAccepts++;
                }
            }
            System.out.println("Stale accepts after revoke-on-A-then-call-B, 200 rounds: " + staleAccepts);
            assertThat(staleAccepts).isZero();

            String bob = onA.probe("user?email=bob@acme.example").raw().body();
            String api = "/v1/organizations/acme/projects/sales/runtime/api/recent_orders?region=EMEA";
            assertThat(onB.get(api, bob).status()).isEqualTo(200);
            String alice = onA.probe("user?email=alice@acme.example").raw().body();
            String bobInEmea = "/v1/organizations/acme/usergroups/emea/members/bob@acme.example";
            try {
                assertThat(onA.delete(bobInEmea, alice).status()).isEqualTo(200);
                assertThat(onB.get(api, bob).status()).isEqualTo(404);
            } finally {
                onA.put(bobInEmea, alice, "");
            }
            assertThat(onB.get(api, bob).status()).isEqualTo(200);
        }
    }

    @Test
    void aKilledNodeKeepsWhatItAnsweredOnAnH2File() throws Exception {
        Path data = Files.createTempDirectory("rill-kill-h2");
        killAndRestart(Map.of("RILL_DATA_DIR", data.toString()), "h2");
    }

    @Test
    void aKilledNodeKeepsWhatItAnsweredOnPostgresql() throws Exception {
        killAndRestart(postgres, "pg");
    }

    private void killAndRestart(Map<String, String> database, String name) throws Exception {
        String issued;
        String revoked;
        String first;
        try (ServerNode node = new ServerNode("kill-" + name + "-1", database).startAndWait()) {
            Http http = node.http();
            first = http.probe("user?email=kill-" + UUID.randomUUID() + "@test.example").raw().body();
            revoked = http.post(TOKENS, first, "{\"displayName\":\"to revoke\"}").json().getString("token");
            assertThat(http.delete(TOKENS + "/" + revoked.substring(0, 19), first).status()).isEqualTo(200);
            issued = http.post(TOKENS, first, "{\"displayName\":\"survives\"}").json().getString("token");
            node.kill();
        }
        try (ServerNode node = new ServerNode("kill-" + name + "-2", database).startAndWait()) {
            Http http = node.http();
            assertThat(http.get("/v1/users/current", issued).status()).isEqualTo(200);
            assertThat(http.get("/v1/users/current", revoked).status()).isEqualTo(401);
            assertThat(http.delete(TOKENS + "/" + issued.substring(0, 19), first).status()).isEqualTo(200);
            node.kill();
        }
        try (ServerNode node = new ServerNode("kill-" + name + "-3", database).startAndWait()) {
            assertThat(node.http().get("/v1/users/current", issued).status()).isEqualTo(401);
            assertThat(node.http().get("/v1/users/current", first).status()).isEqualTo(200);
        }
    }

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
