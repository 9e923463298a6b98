package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Tokens restricted to projects and to reading (SPEC §11): every surface answers each kind of token as the
 * owner's current access intersected with the restriction, and a restriction never grants.
 */
@ExtendWith(TestServer.class)
class FineGrainedTokensIT {

    private static final String TOKENS = "/v1/users/current/tokens";
    private static final String SALES_API = "/v1/organizations/acme/projects/sales/runtime/api/";
    private static final String OPS_API = "/v1/organizations/acme/projects/ops/runtime/api/";
    private static final String SALES_MCP = "/v1/organizations/acme/projects/sales/runtime/mcp";
    private static final String OPS_MCP = "/v1/organizations/acme/projects/ops/runtime/mcp";
    private static final String TOOLS_LIST = "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}";
    private static final String CALL_REVENUE = """
            {"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "call_api",
             "arguments": {"name": "revenue_by_product", "arguments": {"year": 2024}}}}""";

    Http http;
    String alice;

    @BeforeEach
    void connect(Http server) {
        http = server;
        alice = http.probe("user?email=alice@acme.example").raw().body();
    }

    private JsonObject issue(String through, String body) {
        Http.Answer answer = http.post(TOKENS, through, body);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(201);
        return answer.json();
    }

    private String token(String restriction) {
        String name = "fine-" + UUID.randomUUID().toString().substring(0, 8);
        return issue(alice, "{\"displayName\":\"" + name + "\"" + restriction + "}").getString("token");
    }

    private Http.Answer mcp(String path, String token, String body) {
        return http.send(http.request(path, token).header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Each surface, as the status it answers one token. */
    private Map<String, Integer> surfaces(String token) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("sales API GET", http.get(SALES_API + "revenue_by_product?year=2024", token).status());
        statuses.put("sales API POST", http.post(SALES_API + "revenue_by_product", token, "{\"year\": 2024}").status());
        statuses.put("sales OpenAPI", http.get(SALES_API + "openapi", token).status());
        statuses.put("ops API GET", http.get(OPS_API + "incidents", token).status());
        statuses.put("ops OpenAPI", http.get(OPS_API + "openapi", token).status());
        statuses.put("sales MCP tools/list", mcp(SALES_MCP, token, TOOLS_LIST).status());
        statuses.put("sales MCP tools/call", mcp(SALES_MCP, token, CALL_REVENUE).status());
        statuses.put("ops MCP tools/list", mcp(OPS_MCP, token, TOOLS_LIST).status());
        statuses.put("current user", http.get("/v1/users/current", token).status());
        statuses.put("token list", http.get(TOKENS, token).status());
        statuses.put("issue unrestricted", http.post(TOKENS, token, "{\"displayName\":\"child\"}").status());
        statuses.put("issue for sales", http.post(TOKENS, token,
                "{\"displayName\":\"child\",\"projects\":[\"acme/sales\"],\"readOnly\":true}").status());
        statuses.put("admin read: org members", http.get("/v1/organizations/acme/members", token).status());
        // erin is not a member: an unrestricted token is told so (400) without anything changing
        statuses.put("admin change: remove a member", http.delete("/v1/organizations/acme/members/erin@acme.example", token).status());
        String victim = issue(alice, "{\"displayName\":\"victim\"}").getJsonObject("tokenInfo").getString("id");
        statuses.put("revoke a token", http.delete("/v1/users/-/tokens/" + victim, token).status());
        return statuses;
    }

    private static Map<String, Integer> expected(int salesData, int opsData, int issueUnrestricted, int issueForSales,
            int adminRead, int adminChange, int revoke) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("sales API GET", salesData);
        statuses.put("sales API POST", salesData);
        statuses.put("sales OpenAPI", salesData);
        statuses.put("ops API GET", opsData);
        statuses.put("ops OpenAPI", opsData);
        statuses.put("sales MCP tools/list", salesData);
        statuses.put("sales MCP tools/call", salesData);
        statuses.put("ops MCP tools/list", opsData);
        statuses.put("current user", 200);
        statuses.put("token list", 200);
        statuses.put("issue unrestricted", issueUnrestricted);
        statuses.put("issue for sales", issueForSales);
        statuses.put("admin read: org members", adminRead);
        statuses.put("admin change: remove a member", adminChange);
        statuses.put("revoke a token", revoke);
        return statuses;
    }

    @Test
    void everySurfaceAnswersEachKindOfTokenAsTheMatrixSays() {
        assertThat(surfaces(token(""))).as("unrestricted").isEqualTo(expected(200, 200, 201, 201, 200, 400, 200));
        assertThat(surfaces(token(",\"projects\":[\"acme/sales\"]"))).as("sales only")
                .isEqualTo(expected(200, 403, 403, 201, 403, 403, 200));
        assertThat(surfaces(token(",\"projects\":[\"acme/sales\",\"acme/ops\"]"))).as("sales and ops")
                .isEqualTo(expected(200, 200, 403, 201, 403, 403, 200));
        assertThat(surfaces(token(",\"readOnly\":true"))).as("read-only")
                .isEqualTo(expected(200, 200, 403, 403, 200, 403, 403));
        assertThat(surfaces(token(",\"projects\":[\"acme/sales\"],\"readOnly\":true"))).as("read-only, sales only")
                .isEqualTo(expected(200, 403, 403, 403, 403, 403, 403));
    }

    @Test
    void refusalsSayWhyAndProjectsTheOwnerCannotSeeStayHidden() {
        String salesOnly = token(",\"projects\":[\"acme/sales\"]");
        Http.Answer ops = http.get(OPS_API + "incidents", salesOnly);
        assertThat(ops.json().getString("code")).isEqualTo("forbidden");
        assertThat(ops.json().getString("message")).contains("does not include project acme/ops", "acme/sales");

        String readOnly = token(",\"readOnly\":true");
        Http.Answer issue = http.post(TOKENS, readOnly, "{\"displayName\":\"x\"}");
        assertThat(issue.status()).isEqualTo(403);
        assertThat(issue.json().getString("message")).contains("read-only");
        assertThat(http.delete(TOKENS + "?displayName=x", readOnly).status()).isEqualTo(403);
        assertThat(http.delete(TOKENS, readOnly).status()).as("revoke all").isEqualTo(403);
        assertThat(http.get(TOKENS, alice).json().getJsonArray("tokens")).as("nothing was revoked").isNotEmpty();

        // bob cannot see ops at all: 404 as for any project he is not in, restricted token or not
        String bob = http.probe("user?email=bob@acme.example").raw().body();
        String bobSales = issue(bob, "{\"displayName\":\"bob-sales\",\"projects\":[\"acme/sales\"]}").getString("token");
        assertThat(http.get(OPS_API + "incidents", bobSales).status()).isEqualTo(404);
        Http.Answer notVisible = http.post(TOKENS, bob, "{\"displayName\":\"x\",\"projects\":[\"acme/ops\"]}");
        assertThat(notVisible.status()).isEqualTo(400);
        assertThat(notVisible.json().getString("field")).isEqualTo("projects");
        assertThat(notVisible.json().getString("message")).isEqualTo("No project acme/ops is visible to you");
    }

    @Test
    void badRestrictionsAreRefusedNamingTheField() {
        for (String body : List.of("{\"displayName\":\"x\",\"projects\":[]}", "{\"displayName\":\"x\",\"projects\":[\"sales\"]}",
                "{\"displayName\":\"x\",\"projects\":[\"acme/\"]}", "{\"displayName\":\"x\",\"projects\":\"acme/sales\"}",
                "{\"displayName\":\"x\",\"projects\":[1]}", "{\"displayName\":\"x\",\"projects\":[\"acme/nope\"]}")) {
            Http.Answer answer = http.post(TOKENS, alice, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.json().getString("field")).as(body).isEqualTo("projects");
        }
        Http.Answer flag = http.post(TOKENS, alice, "{\"displayName\":\"x\",\"readOnly\":\"yes\"}");
        assertThat(flag.status()).isEqualTo(400);
        assertThat(flag.json().getString("field")).isEqualTo("readOnly");
    }

    @Test
    void theRestrictionIsListedWithTheToken() {
        JsonObject issued = issue(alice, "{\"displayName\":\"listed\",\"projects\":[\"acme/sales\",\"acme/ops\"],\"readOnly\":true}");
        JsonObject info = issued.getJsonObject("tokenInfo");
        assertThat(info.getJsonArray("projects").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("acme/ops", "acme/sales");
        assertThat(info.getBoolean("readOnly")).isTrue();
        JsonObject listed = http.get(TOKENS, alice).json().getJsonArray("tokens").getValuesAs(JsonObject.class).stream()
                .filter(token -> token.getString("id").equals(info.getString("id"))).findFirst().orElseThrow();
        assertThat(listed.getJsonArray("projects")).hasSize(2);
        assertThat(listed.getBoolean("readOnly")).isTrue();
        JsonObject plain = issue(alice, "{\"displayName\":\"plain\"}").getJsonObject("tokenInfo");
        assertThat(Http.isNull(plain, "projects")).isTrue();
        assertThat(plain.getBoolean("readOnly")).isFalse();
    }

    @Test
    void aProjectTheOwnerLosesIsUnreachableAndReachableAgainWhenRegained() {
        String email = "fine-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        String owner = http.probe("user?email=" + email).raw().body();
        grantOps(email, true);
        String opsOnly = issue(owner, "{\"displayName\":\"ops\",\"projects\":[\"acme/ops\"]}").getString("token");
        assertThat(http.get(OPS_API + "incidents", opsOnly).status()).isEqualTo(200);

        grantOps(email, false);
        assertThat(http.get(OPS_API + "incidents", opsOnly).status()).as("owner lost ops").isEqualTo(404);
        assertThat(mcp(OPS_MCP, opsOnly, TOOLS_LIST).status()).isEqualTo(404);

        grantOps(email, true);
        assertThat(http.get(OPS_API + "incidents", opsOnly).status()).as("owner regained ops").isEqualTo(200);
        assertThat(http.get(SALES_API + "openapi", opsOnly).status()).as("a project the owner cannot see").isEqualTo(404);
    }

    /** Alice (an acme admin) gives the user a direct viewer role on acme/ops, or takes it away, through the administration API. */
    private void grantOps(String email, boolean granted) {
        String members = "/v1/organizations/acme/projects/ops/members";
        Http.Answer answer = granted ? http.post(members, alice, "{\"email\": " + Http.quote(email) + ", \"role\": \"viewer\"}")
                : http.delete(members + "/" + email, alice);
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(granted ? 201 : 200);
    }
}
