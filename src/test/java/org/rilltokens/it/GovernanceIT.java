package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Token governance (issue 15) over REST: lifetime policies of the instance and of an organization, oversight of the
 * tokens that reach an organization, leaked-token reports, revocation of unused tokens, and the audit trail of
 * token events with its exports.
 */
@ExtendWith(TestServer.class)
class GovernanceIT {

    private static final String TOKENS = "/v1/users/current/tokens";
    private static final String POLICY = "/v1/superuser/token-policy";
    private static final String ORGS = "/v1/organizations";
    private static final String OPEN_POLICY = "{\"maxLifetimeMinutes\":null,\"expirationRequired\":false,\"unusedDays\":180}";

    Http http;
    String run;
    String root;

    @BeforeEach
    void connect(Http server) {
        http = server;
        run = UUID.randomUUID().toString().substring(0, 8);
        root = http.probe("superuser?email=gov-root-" + run + "@test.example").raw().body();
    }

    private String email(String who) {
        return who + "-" + run + "@test.example";
    }

    /** A new person's first token (no expiration). */
    private String user(String who) {
        Http.Answer answer = http.probe("user?password=none&email=" + email(who));
        assertThat(answer.status()).isEqualTo(200);
        return answer.raw().body();
    }

    private JsonObject ok(Http.Answer answer) {
        assertThat(answer.status()).as(answer.raw().body()).isBetween(200, 202);
        return answer.json();
    }

    private JsonObject issue(String token, String body) {
        Http.Answer answer = http.post(TOKENS, token, body);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    private List<JsonObject> own(String token) {
        return ok(http.get(TOKENS, token)).getJsonArray("tokens").getValuesAs(JsonObject.class);
    }

    private JsonObject listed(String token, String id) {
        return own(token).stream().filter(info -> info.getString("id").equals(id)).findFirst().orElseThrow();
    }

    /** An org made by the superuser (who stays its admin), with members of these roles: their tokens. */
    private String org(String... roles) {
        String org = "gov-" + run;
        ok(http.post(ORGS, root, "{\"name\":\"" + org + "\"}"));
        ok(http.post(ORGS + "/" + org + "/projects", root, "{\"name\":\"p1\"}"));
        return org;
    }

    private String member(String org, String who, String role) {
        String token = user(who);
        ok(http.post(ORGS + "/" + org + "/members", root, "{\"email\":\"" + email(who) + "\",\"role\":\"" + role + "\"}"));
        return token;
    }

    private String id(String token) {
        return ok(http.get(TOKENS, token)).getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(info -> token.startsWith(info.getString("prefix"))).findFirst().orElseThrow().getString("id");
    }

    @Test
    void theInstancePolicyLimitsIssueAndRotationWithAMessageNamingTheLimit() {
        String person = user("policy");
        String forever = issue(person, "{\"displayName\":\"forever\"}").getJsonObject("tokenInfo").getString("id");
        assertThat(http.put(POLICY, person, "{\"maxLifetimeMinutes\":10080}").status()).as("not a superuser").isEqualTo(403);
        try {
            JsonObject policy = ok(http.put(POLICY, root, "{\"maxLifetimeMinutes\":10080}"));
            assertThat(policy.getJsonNumber("maxLifetimeMinutes").longValue()).isEqualTo(10080);
            assertThat(policy.getBoolean("expirationRequired")).as("a maximum implies it").isTrue();
            assertThat(ok(http.get(POLICY, person)).getJsonNumber("maxLifetimeMinutes").longValue()).as("anyone may read it")
                    .isEqualTo(10080);

            Http.Answer tooLong = http.post(TOKENS, person, "{\"displayName\":\"long\",\"ttlMinutes\":20160}");
            assertThat(tooLong.status()).isEqualTo(400);
            assertThat(tooLong.json().getString("field")).isEqualTo("ttlMinutes");
            assertThat(tooLong.json().getString("message")).contains("at most 7 days", "10080");
            Http.Answer never = http.post(TOKENS, person, "{\"displayName\":\"never\"}");
            assertThat(never.status()).isEqualTo(400);
            assertThat(never.json().getString("message")).contains("requires every token to expire", "7 days");
            issue(person, "{\"displayName\":\"week\",\"ttlMinutes\":10080}");

            Http.Answer rotated = http.post("/v1/users/-/tokens/" + forever + "/rotate", person, "{}");
            assertThat(rotated.status()).as("its successor would never expire").isEqualTo(400);
            assertThat(rotated.json().getString("message")).contains("7 days");

            assertThat(http.put(POLICY, root, "{\"unusedDays\":-1}").json().getString("field")).isEqualTo("unusedDays");
            assertThat(http.put(POLICY, root, "{\"maxLifetimeMinutes\":0}").status()).isEqualTo(400);
        } finally {
            ok(http.put(POLICY, root, OPEN_POLICY));
        }
        issue(person, "{\"displayName\":\"never again\"}");
    }

    @Test
    void anOrgMaximumBlocksLongLivedTokensFromItsProjectsWithoutRevokingThem() {
        String alice = http.probe("user?email=alice@acme.example").raw().body();
        String bob = http.probe("user?email=bob@acme.example").raw().body();
        String api = ORGS + "/acme/projects/sales/runtime/api/openapi";
        String day = issue(bob, "{\"displayName\":\"day\",\"ttlMinutes\":1440}").getString("token");
        assertThat(http.get(api, bob).status()).isEqualTo(200);
        assertThat(http.put(ORGS + "/acme/token-policy", bob, "{\"maxLifetimeMinutes\":43200}").status())
                .as("a viewer may not set it").isEqualTo(403);
        try {
            ok(http.put(ORGS + "/acme/token-policy", alice, "{\"maxLifetimeMinutes\":43200}"));
            assertThat(ok(http.get(ORGS + "/acme/token-policy", bob)).getJsonNumber("maxLifetimeMinutes").longValue()).isEqualTo(43200);

            Http.Answer blocked = http.get(api, bob);
            assertThat(blocked.status()).isEqualTo(403);
            assertThat(blocked.json().getString("message")).contains("acme", "30 days", "never expires");
            assertThat(http.get("/v1/users/current", bob).status()).as("not revoked").isEqualTo(200);
            assertThat(http.get(api, day).status()).as("a token within the maximum").isEqualTo(200);

            JsonObject listed = listed(bob, id(bob));
            assertThat(listed.getJsonArray("blockedIn").getString(0)).isEqualTo("acme");
            assertThat(listed.getString("status")).isEqualTo("active");
            JsonObject overseen = ok(http.get(ORGS + "/acme/tokens?user=bob@acme.example", alice)).getJsonArray("tokens")
                    .getValuesAs(JsonObject.class).stream().filter(token -> token.getString("id").equals(id(bob))).findFirst().orElseThrow();
            assertThat(overseen.getJsonArray("blockedIn").getString(0)).isEqualTo("acme");
        } finally {
            ok(http.put(ORGS + "/acme/token-policy", alice, "{\"maxLifetimeMinutes\":null}"));
        }
        assertThat(http.get(api, bob).status()).as("the same token, once the policy is lifted").isEqualTo(200);
    }

    @Test
    void orgAdminsSeeAndRevokeTheTokensThatReachTheirOrgAndNoOthers() {
        String org = org();
        String admin = member(org, "admin", "admin");
        String editor = member(org, "editor", "editor");
        String viewer = member(org, "viewer", "viewer");
        String outsider = user("outsider");
        String path = ORGS + "/" + org + "/tokens";

        assertThat(http.get(path, editor).status()).isEqualTo(403);
        assertThat(http.get(path, viewer).status()).isEqualTo(403);
        assertThat(http.get(path, outsider).status()).as("not even visible").isEqualTo(404);
        Http.Answer listing = http.get(path, admin);
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.raw().body()).as("never a secret").doesNotContain(editor).doesNotContain(admin);
        List<JsonObject> tokens = listing.json().getJsonArray("tokens").getValuesAs(JsonObject.class);
        assertThat(tokens).extracting(token -> token.getString("owner"))
                .contains(email("admin"), email("editor"), email("viewer")).doesNotContain(email("outsider"));
        JsonObject editors = tokens.stream().filter(token -> token.getString("owner").equals(email("editor"))).findFirst().orElseThrow();
        assertThat(editors.getBoolean("ownerReachesOrg")).isTrue();
        assertThat(editors.getString("prefix")).startsWith("rill_usr_");
        assertThat(ok(http.get(path + "?user=" + email("viewer"), admin)).getJsonArray("tokens").getValuesAs(JsonObject.class))
                .extracting(token -> token.getString("owner")).containsOnly(email("viewer"));
        assertThat(ok(http.get("/v1/superuser/tokens?user=" + email("outsider"), root)).getJsonArray("tokens")).hasSize(1);
        assertThat(http.get("/v1/superuser/tokens", admin).status()).isEqualTo(403);

        assertThat(http.delete(path + "/" + id(outsider), admin).status()).as("a token that does not reach the org").isEqualTo(404);
        assertThat(http.delete(path + "/" + editors.getString("id"), viewer).status()).isEqualTo(403);
        ok(http.delete(path + "/" + editors.getString("id"), admin));
        assertThat(http.get("/v1/users/current", editor).status()).isEqualTo(401);
        assertThat(http.delete(path + "/" + editors.getString("id"), admin).status()).as("dead already").isEqualTo(404);
        assertThat(http.get("/v1/users/current", outsider).status()).isEqualTo(200);

        String editorsNew = issueFor("editor");
        JsonObject revoked = listed(editorsNew, editors.getString("id"));
        assertThat(revoked.getString("status")).isEqualTo("revoked");
        assertThat(revoked.getString("revokedBy")).isEqualTo(email("admin"));
        assertThat(revoked.getString("revokeReason")).contains("admin of organization " + org);
        assertThat(revoked.getString("revokedOn")).isNotBlank();

        // A removed member keeps their token (it may reach other orgs); the org's view shows they no longer reach it.
        String leaver = member(org, "leaver", "viewer");
        ok(http.delete(ORGS + "/" + org + "/members/" + email("leaver"), admin));
        assertThat(http.get("/v1/users/current", leaver).status()).isEqualTo(200);
        JsonObject left = ok(http.get(path + "?user=" + email("leaver"), admin)).getJsonArray("tokens").getValuesAs(JsonObject.class)
                .stream().findFirst().orElseThrow(() -> new AssertionError("the removed member's token is not listed"));
        assertThat(left.getBoolean("ownerReachesOrg")).isFalse();
        assertThat(http.delete(path + "/" + left.getString("id"), admin).status()).as("no longer the org's to revoke").isEqualTo(404);

        ok(http.delete("/v1/superuser/tokens/" + id(outsider), root));
        assertThat(http.get("/v1/users/current", outsider).status()).isEqualTo(401);

        List<JsonObject> trail = ok(http.get(ORGS + "/" + org + "/audit?kind=token", admin)).getJsonArray("events")
                .getValuesAs(JsonObject.class);
        assertThat(trail).extracting(event -> event.getString("kind")).contains("token.revoke-by-admin", "token.issue");
        JsonObject revocation = trail.stream().filter(event -> event.getString("kind").equals("token.revoke-by-admin")).findFirst()
                .orElseThrow();
        assertThat(revocation.getString("actor")).isEqualTo(email("admin"));
        assertThat(revocation.getString("subject")).isEqualTo(email("editor"));
    }

    /** Another token for a person whose first token may be dead: issued through the superuser-free probe. */
    private String issueFor(String who) {
        return http.probe("user?password=none&email=" + email(who)).raw().body();
    }

    @Test
    void leakReportsAnswerTheSameWhateverTheyHoldAndKillExactlyTheLiveTokensReported() {
        String owner = user("leaky");
        String other = http.probe("user?email=dave@acme.example").raw().body();
        String survivor = user("survivor");
        String wrongSecret = survivor.substring(0, survivor.length() - 1) + (survivor.endsWith("A") ? "B" : "A");
        String unknown = "rill_usr_" + "A".repeat(survivor.length() - "rill_usr_".length());
        List<String> reports = List.of(body(owner), body("not a token"), body(unknown), body(wrongSecret), body(other, "garbage"),
                body());
        List<Http.Answer> answers = reports.stream().map(report -> http.send(HttpRequest.newBuilder(
                URI.create(http.base + "/v1/credentials/revoke")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(report)))).toList();
        assertThat(answers).extracting(Http.Answer::status).containsOnly(202);
        assertThat(answers).extracting(answer -> answer.raw().body()).containsOnly("{}");

        assertThat(http.get("/v1/users/current", owner).status()).isEqualTo(401);
        assertThat(http.get("/v1/users/current", other).status()).isEqualTo(401);
        assertThat(http.get("/v1/users/current", survivor).status()).as("a wrong secret revokes nothing").isEqualTo(200);

        String again = issueFor("leaky");
        JsonObject dead = own(again).stream().filter(info -> owner.startsWith(info.getString("prefix"))).findFirst().orElseThrow();
        assertThat(dead.getString("status")).isEqualTo("revoked");
        assertThat(dead.getString("revokeReason")).contains("reported leaked");
        assertThat(Http.isNull(dead, "revokedBy")).isTrue();
        JsonArray events = ok(http.get("/v1/users/current/audit?kind=token.leak-report", again)).getJsonArray("events");
        assertThat(events).hasSize(1);
        assertThat(events.getJsonObject(0).getString("before")).contains(dead.getString("prefix")).doesNotContain(owner);

        assertThat(post("{\"credentials\": \"rill_usr_x\"}").status()).isEqualTo(400);
        assertThat(post("not json").status()).isEqualTo(400);
        String tooMany = IntStream.range(0, 1001).mapToObj(i -> "\"x\"").collect(Collectors.joining(",", "{\"credentials\":[", "]}"));
        assertThat(post(tooMany).status()).isEqualTo(400);
        String thousand = IntStream.range(0, 1000).mapToObj(i -> Http.quote(unknown)).collect(Collectors.joining(",",
                "{\"credentials\":[", "]}"));
        assertThat(post(thousand).status()).as("1 000 full-length tokens fit").isEqualTo(202);
    }

    private Http.Answer post(String body) {
        return http.send(HttpRequest.newBuilder(URI.create(http.base + "/v1/credentials/revoke"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String body(String... credentials) {
        return List.of(credentials).stream().map(Http::quote).collect(Collectors.joining(",", "{\"credentials\":[", "]}"));
    }

    @Test
    void tokensUnusedForTheConfiguredDaysAreRevokedAndTheOwnerSeesWhy() {
        String owner = user("idle");
        String idle = issue(owner, "{\"displayName\":\"idle\"}").getJsonObject("tokenInfo").getString("id");
        String busy = issue(owner, "{\"displayName\":\"busy\"}").getString("token");
        http.probe("sql?update=" + enc("UPDATE user_tokens SET created_on = created_on - INTERVAL '200' DAY, used_on = NULL WHERE CAST(id AS VARCHAR(36)) = ?")
                + "&arg=" + idle);
        http.get("/v1/users/current", busy);
        http.usageWritten();
        assertThat(Integer.parseInt(http.probe("revoke-unused").raw().body())).isPositive();

        JsonObject revoked = listed(owner, idle);
        assertThat(revoked.getString("status")).isEqualTo("revoked");
        assertThat(revoked.getString("revokeReason")).contains("not used for 180 days");
        assertThat(http.get("/v1/users/current", busy).status()).isEqualTo(200);
        assertThat(ok(http.get("/v1/users/current/audit?kind=token.auto-revoke", owner)).getJsonArray("events")).hasSize(1);

        String gone = issue(owner, "{\"displayName\":\"gone\",\"ttlMinutes\":60}").getJsonObject("tokenInfo").getString("id");
        http.probe("expire?token=" + gone + "&minutesAgo=2000");
        http.probe("purge");
        assertThat(own(owner)).extracting(info -> info.getString("id")).doesNotContain(gone).contains(idle);
        List<JsonObject> purged = ok(http.get("/v1/users/current/audit?kind=token.expired-purge", owner)).getJsonArray("events")
                .getValuesAs(JsonObject.class);
        assertThat(purged).hasSize(1);
        assertThat(purged.get(0).getString("before")).contains("gone");
        assertThat(purged.get(0).getString("surface")).isEqualTo("service");
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void aPersonsTokenEventsAreInTheirActivityAndExportAsCsvAndJson() {
        String owner = user("audited");
        JsonObject issued = issue(owner, "{\"displayName\":\"exported, \\\"quoted\\\"\",\"ttlMinutes\":60}");
        String id = issued.getJsonObject("tokenInfo").getString("id");
        JsonObject rotated = ok(http.post("/v1/users/-/tokens/" + id + "/rotate", owner, "{}"));
        ok(http.delete("/v1/users/-/tokens/" + rotated.getJsonObject("tokenInfo").getString("id"), owner));
        http.usageWritten();

        List<String> kinds = ok(http.get("/v1/users/current/audit", owner)).getJsonArray("events").getValuesAs(JsonObject.class)
                .stream().map(event -> event.getString("kind")).toList();
        assertThat(kinds).containsSubsequence("token.revoke", "token.rotate", "token.issue");
        assertThat(kinds).as("the first token's first use, from the test's address").contains("token.new-address");

        Http.Answer csv = http.get("/v1/users/current/audit/export?format=csv&kind=token", owner);
        assertThat(csv.status()).as(csv.raw().body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,occurredOn,actor,surface,address,org,kind,subject,before,after");
        assertThat(lines).as("issue of the first token and of this one, its first use, rotate, revoke").hasSize(1 + 5);
        assertThat(lines[1]).as("the first token").contains("token.issue", email("audited"));
        assertThat(List.of(lines)).filteredOn(line -> line.contains("exported")).first().asString()
                .contains("token.issue", email("audited"), "\"rill_usr_", "\"\"quoted\"\"");
        assertThat(csv.raw().body()).doesNotContain(issued.getString("token")).doesNotContain(rotated.getString("token"));

        Http.Answer json = http.get("/v1/users/current/audit/export?format=json&kind=token.rotate", owner);
        JsonArray array = Json.createReader(new StringReader(json.raw().body())).readArray();
        assertThat(array).hasSize(1);
        assertThat(array.getJsonObject(0).getString("surface")).isEqualTo("rest");

        Http.Answer later = http.get("/v1/users/current/audit/export?format=json&from=2999-01-01", owner);
        assertThat(Json.createReader(new StringReader(later.raw().body())).readArray()).isEmpty();
        assertThat(http.get("/v1/users/current/audit/export?from=yesterday", owner).json().getString("field")).isEqualTo("from");
        assertThat(http.get("/v1/users/current/audit/export?format=xml", owner).status()).isEqualTo(400);

        Http.Answer all = http.get("/v1/superuser/audit/export?format=json&person=" + email("audited"), root);
        assertThat(Json.createReader(new StringReader(all.raw().body())).readArray()).as(all.raw().body()).hasSize(5);
        assertThat(http.get("/v1/superuser/audit/export", owner).status()).isEqualTo(403);
    }
}
