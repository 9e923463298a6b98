package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rotating a token: a new secret with the same name, restriction and lifetime; the old one stops at once or later. */
@ExtendWith(TestServer.class)
class RotationIT {

    private static final String TOKENS = "/v1/users/current/tokens";

    Http http;
    String owner;

    @BeforeEach
    void connect(Http server) {
        http = server;
        String email = "rotate-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        owner = http.probe("user?email=" + email).raw().body();
    }

    private JsonObject issue(String body) {
        Http.Answer answer = http.post(TOKENS, owner, body);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    private Http.Answer rotate(String token, String id, String body) {
        return http.post("/v1/users/-/tokens/" + id + "/rotate", token, body);
    }

    @Test
    void withoutGraceTheOldSecretStopsAtOnceAndTheNewOneKeepsNameRestrictionAndLifetime() {
        owner = http.probe("user?email=bob@acme.example").raw().body();
        JsonObject old = issue("{\"displayName\":\"nightly\",\"ttlMinutes\":10080,\"projects\":[\"acme/sales\"],\"readOnly\":true}");
        String oldToken = old.getString("token");
        JsonObject oldInfo = old.getJsonObject("tokenInfo");

        Http.Answer rotated = rotate(owner, oldInfo.getString("prefix"), "{}");
        assertThat(rotated.status()).as(rotated.raw().body()).isEqualTo(201);
        String newToken = rotated.json().getString("token");
        JsonObject info = rotated.json().getJsonObject("tokenInfo");
        assertThat(newToken).startsWith("rill_usr_").hasSize(70).isNotEqualTo(oldToken);
        assertThat(info.getString("displayName")).isEqualTo("nightly");
        assertThat(info.getBoolean("readOnly")).isTrue();
        assertThat(info.getJsonArray("projects").getString(0)).isEqualTo("acme/sales");
        assertThat(Duration.between(Instant.parse(info.getString("createdOn")), Instant.parse(info.getString("expiresOn"))))
                .isEqualTo(Duration.ofMinutes(10080));

        assertThat(http.get("/v1/users/current", oldToken).status()).isEqualTo(401);
        assertThat(http.get("/v1/users/current", newToken).status()).isEqualTo(200);
        assertThat(http.get(TOKENS, owner).json().getJsonArray("tokens").getValuesAs(JsonObject.class))
                .extracting(token -> token.getString("id")).contains(info.getString("id")).doesNotContain(oldInfo.getString("id"));
    }

    @Test
    void withGraceTheOldSecretWorksUntilTheGraceEndsThenStops() {
        JsonObject old = issue("{\"displayName\":\"deploy\"}");
        String oldToken = old.getString("token");
        String oldId = old.getJsonObject("tokenInfo").getString("id");

        Http.Answer rotated = rotate(owner, oldId, "{\"graceMinutes\":60}");
        assertThat(rotated.status()).isEqualTo(201);
        assertThat(rotated.json().getJsonObject("tokenInfo").get("expiresOn").toString()).as("a never-expiring token stays so")
                .isEqualTo("null");
        assertThat(http.get("/v1/users/current", oldToken).status()).as("within the grace").isEqualTo(200);
        JsonObject listed = http.get(TOKENS, owner).json().getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(token -> token.getString("id").equals(oldId)).findFirst().orElseThrow();
        Duration left = Duration.between(Instant.now(), Instant.parse(listed.getString("expiresOn")));
        assertThat(left).isBetween(Duration.ofMinutes(55), Duration.ofMinutes(61));

        http.probe("expire?token=" + oldId + "&minutesAgo=1");
        assertThat(http.get("/v1/users/current", oldToken).status()).as("after the grace").isEqualTo(401);
        assertThat(http.get("/v1/users/current", rotated.json().getString("token")).status()).isEqualTo(200);
    }

    @Test
    void badGraceReadOnlyCallersExpiredAndOtherPeoplesTokensAreRefused() {
        String id = issue("{\"displayName\":\"x\"}").getJsonObject("tokenInfo").getString("id");
        for (String grace : new String[] {"-1", "1441", "\"soon\"", "1.5"}) {
            Http.Answer answer = rotate(owner, id, "{\"graceMinutes\":" + grace + "}");
            assertThat(answer.status()).as(grace).isEqualTo(400);
            assertThat(answer.json().getString("field")).as(grace).isEqualTo("graceMinutes");
        }
        String readOnly = issue("{\"displayName\":\"ro\",\"readOnly\":true}").getString("token");
        assertThat(rotate(readOnly, id, "{}").status()).isEqualTo(403);
        Http.Answer noBody = rotate(owner, id, "");
        assertThat(noBody.status()).as("a rotation is sent as JSON, {} at the least").isEqualTo(400);
        assertThat(noBody.json().getString("message")).contains("JSON object");

        String stranger = http.probe("user?email=stranger-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example").raw().body();
        assertThat(rotate(stranger, id, "{}").status()).as("another user's token").isEqualTo(404);

        http.probe("expire?token=" + id + "&minutesAgo=5");
        Http.Answer expired = rotate(owner, id, "{}");
        assertThat(expired.status()).isEqualTo(409);
        assertThat(expired.json().getString("message")).contains("has expired");
    }
}
