package org.rilltokens.cli;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rill sudo token-policy and rill org tokens|revoke-token|token-policy against a scripted server. */
class GovernanceCommandsTest {

    @TempDir
    Path home;

    FakeServer server;
    CliRun rill;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer();
        rill = new CliRun(home).env("RILL_API_URL", server.url()).env("RILL_API_TOKEN", "rill_usr_caller");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonObject sent(int request) {
        return Json.createReader(new StringReader(server.requests.get(request).body())).readObject();
    }

    @Test
    void sudoTokenPolicyShowsOrSendsOnlyWhatWasGiven() {
        String policy = "{\"maxLifetimeMinutes\":10080,\"expirationRequired\":true,\"unusedDays\":90}";
        server.on("GET", "/v1/superuser/token-policy", 200, policy);
        server.on("PUT", "/v1/superuser/token-policy", 200, policy);

        assertThat(rill.run("sudo", "token-policy")).as(rill.err()).isZero();
        assertThat(rill.out()).contains("Maximum token lifetime: 10080 minutes", "Expiration required:    yes",
                "after 90 days");

        assertThat(rill.run("sudo", "token-policy", "--no-max", "--unused-days", "90")).as(rill.err()).isZero();
        JsonObject body = sent(1);
        assertThat(body.isNull("maxLifetimeMinutes")).isTrue();
        assertThat(body.getInt("unusedDays")).isEqualTo(90);
        assertThat(body.containsKey("expirationRequired")).isFalse();
    }

    @Test
    void orgTokensListsOwnersAndFlagsBlockedTokensAndRevokeTokenDeletesById() {
        server.on("GET", "/v1/organizations/acme/tokens", 200, "{\"tokens\":[{\"id\":\"6f9c3a52-0000-4000-8000-000000000001\","
                + "\"prefix\":\"rill_usr_1HZsmMS6bu\",\"displayName\":\"CI\",\"owner\":\"bob@acme.example\",\"ownerName\":\"Bob\","
                + "\"createdOn\":\"2026-11-29T20:08:00Z\",\"expiresOn\":null,\"usedOn\":\"2026-11-30T08:00:00Z\",\"usedIp\":\"192.0.2.7\","
                + "\"projects\":null,\"readOnly\":false,\"blockedIn\":[\"acme\"],\"ownerReachesOrg\":true}]}");
        server.on("DELETE", "/v1/organizations/acme/tokens/6f9c3a52-0000-4000-8000-000000000001", 200, "{}");

        assertThat(rill.run("org", "tokens", "acme")).as(rill.err()).isZero();
        assertThat(rill.out()).contains("OWNER", "bob@acme.example", "rill_usr_1HZsmMS6bu", "Never", "192.0.2.7",
                "blocked (too long-lived)");

        assertThat(rill.run("org", "revoke-token", "acme", "6f9c3a52-0000-4000-8000-000000000001")).as(rill.err()).isZero();
        assertThat(rill.out()).contains("Revoked token 6f9c3a52-0000-4000-8000-000000000001.");
    }
}
