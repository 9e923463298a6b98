package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Device authorization (RFC 8628) at its endpoints, as the rill CLI's login uses them (CliIT drives the same through
 * the CLI): the grant, polling before and after approval in the portal, one token per approved code, and the purge of
 * logins nobody collected. The device logins live in the database, so this runs on H2 and PostgreSQL.
 */
@ExtendWith(TestServer.class)
class DeviceLoginIT {

    private static final String TOKENS = "/v1/users/current/tokens";

    Http http;

    @BeforeEach
    void connect(Http server) {
        http = server;
    }

    @Test
    void theDeviceEndpointsNeedNoTokenAndHandOutOneTokenPerApprovedCode() {
        Http.Answer started = form("/v1/oauth/device_authorization", Map.of("client_id", "rill-cli", "device_name", "ci-runner\u202E"));
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.header("Cache-Control")).contains("no-store");
        JsonObject grant = started.json();
        String code = grant.getString("user_code");
        assertThat(code).matches("[B-Z]{4}-[B-Z]{4}");
        assertThat(grant.getString("verification_uri")).isEqualTo(http.base + "/activate");
        assertThat(grant.getString("verification_uri_complete")).isEqualTo(http.base + "/activate?code=" + code);
        assertThat(grant.getInt("expires_in")).isEqualTo(600);
        assertThat(grant.getInt("interval")).isEqualTo(1);
        Map<String, String> poll = pollOf(grant);

        assertOAuthError(form("/v1/oauth/token", poll), "authorization_pending");
        assertOAuthError(form("/v1/oauth/token", poll), "slow_down");
        assertOAuthError(form("/v1/oauth/device_authorization", Map.of("client_id", "someone-else")), "invalid_client");
        assertOAuthError(form("/v1/oauth/token", Map.of("grant_type", "password", "client_id", "rill-cli")), "unsupported_grant_type");
        assertOAuthError(form("/v1/oauth/token", Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code",
                "device_code", "guessed", "client_id", "rill-cli")), "invalid_grant");

        Portal portal = new Portal(http.base);
        portal.signIn("dave@acme.example", "demo-dave");
        Portal.Page asked = portal.get("/activate?code=" + code);
        assertThat(asked.html()).contains("<strong>rill CLI on ci-runner</strong>", "CLI login (ci-runner)");
        portal.submit(asked.form("decide").press("Approve"));

        Http.Answer issued = form("/v1/oauth/token", poll);
        assertThat(issued.status()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String token = issued.json().getString("access_token");
        assertThat(issued.json().getString("token_type")).isEqualTo("Bearer");
        assertThat(http.get("/v1/users/current", token).json().getString("email")).isEqualTo("dave@acme.example");
        assertThat(http.get(TOKENS, token).json().getJsonArray("tokens").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("displayName")).contains("CLI login (ci-runner)");
        assertOAuthError(form("/v1/oauth/token", poll), "invalid_grant");
        assertThat(http.get("/v1/users/current", null).status()).isEqualTo(401);
    }

    @Test
    void loginsNobodyCollectedArePurgedAnHourAfterTheyExpired() {
        JsonObject stale = form("/v1/oauth/device_authorization", Map.of("client_id", "rill-cli")).json();
        JsonObject fresh = form("/v1/oauth/device_authorization", Map.of("client_id", "rill-cli")).json();
        http.probe("expire-device?code=" + stale.getString("user_code") + "&minutesAgo=61");

        assertThat(Integer.parseInt(http.probe("purge-devices").raw().body())).isGreaterThanOrEqualTo(1);

        assertOAuthError(form("/v1/oauth/token", pollOf(stale)), "invalid_grant");
        assertOAuthError(form("/v1/oauth/token", pollOf(fresh)), "authorization_pending");
    }

    private Http.Answer form(String path, Map<String, String> fields) {
        return http.form(path, fields);
    }

    private static Map<String, String> pollOf(JsonObject grant) {
        return Map.of("grant_type", "urn:ietf:params:oauth:grant-type:device_code", "device_code", grant.getString("device_code"),
                "client_id", "rill-cli");
    }

    private static void assertOAuthError(Http.Answer answer, String error) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(400);
        assertThat(answer.json().getString("error")).isEqualTo(error);
        assertThat(answer.json().getString("error_description")).isNotBlank();
    }
}
