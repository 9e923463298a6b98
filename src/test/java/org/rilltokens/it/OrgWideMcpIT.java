package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An organization's MCP endpoint across its projects: list_projects shows what the token reaches, every other tool
 * names its project, and the same access rules decide as on the project's own endpoint. Also what the project's
 * authors tell assistants (ai_instructions), and the answer to MCP 2026-07-28's server/discover.
 */
@ExtendWith(TestServer.class)
class OrgWideMcpIT {

    private static final String ACME = "/v1/organizations/acme/mcp";

    Http http;
    String alice;
    String bob;

    @BeforeEach
    void connect(Http server) {
        http = server;
        alice = http.probe("user?email=alice@acme.example").raw().body();
        bob = http.probe("user?email=bob@acme.example").raw().body();
    }

    @Test
    void listProjectsShowsWhatTheTokenReachesWithTheAuthorsInstructions() {
        JsonObject aliceProjects = tool(ACME, alice, "list_projects", "{}");
        assertThat(names(aliceProjects)).containsExactly("ops", "sales");
        JsonObject sales = aliceProjects.getJsonArray("projects").getValuesAs(JsonObject.class).stream()
                .filter(project -> project.getString("name").equals("sales")).findFirst().orElseThrow();
        assertThat(sales.getString("aiInstructions")).contains("EMEA, AMER and APAC");

        assertThat(names(tool(ACME, bob, "list_projects", "{}"))).containsExactly("sales");
        String onlySales = http.post("/v1/users/current/tokens", alice,
                "{\"displayName\":\"org mcp\",\"projects\":[\"acme/sales\"],\"readOnly\":true}").json().getString("token");
        assertThat(names(tool(ACME, onlySales, "list_projects", "{}"))).containsExactly("sales");
        assertThat(names(tool("/v1/organizations/nowhere/mcp", alice, "list_projects", "{}"))).isEmpty();
    }

    @Test
    void everyOtherToolNamesItsProjectAndAnswersAsTheProjectsOwnEndpoint() {
        JsonObject listed = tool(ACME, bob, "list_apis", "{\"project\": \"sales\"}");
        assertThat(listed.getString("project")).isEqualTo("acme/sales");
        assertThat(listed.getString("aiInstructions")).contains("own region");
        JsonObject revenue = listed.getJsonArray("apis").getValuesAs(JsonObject.class).stream()
                .filter(api -> api.getString("name").equals("revenue_by_product")).findFirst().orElseThrow();
        assertThat(revenue.getString("aiInstructions")).contains("once per year");

        String call = "{\"project\": \"sales\", \"name\": \"revenue_by_product\", \"arguments\": {\"year\": 2024}}";
        JsonObject viaOrg = tool(ACME, bob, "call_api", call);
        JsonObject viaProject = tool("/v1/organizations/acme/projects/sales/runtime/mcp", bob, "call_api",
                "{\"name\": \"revenue_by_product\", \"arguments\": {\"year\": 2024}}");
        assertThat(viaOrg.getJsonArray("rows")).isEqualTo(viaProject.getJsonArray("rows")).isNotEmpty();
        assertThat(tool(ACME, bob, "describe_access", "{\"project\": \"sales\"}").getString("email")).isEqualTo("bob@acme.example");

        JsonObject withoutProject = result(ACME, bob, "list_apis", "{}");
        assertThat(withoutProject.getBoolean("isError")).isTrue();
        assertThat(withoutProject.getJsonObject("structuredContent").getString("field")).isEqualTo("project");
        JsonObject invisible = result(ACME, bob, "list_apis", "{\"project\": \"ops\"}");
        assertThat(invisible.getBoolean("isError")).isTrue();
        assertThat(invisible.getJsonObject("structuredContent").getString("code")).isEqualTo("not_found");
    }

    @Test
    void theToolsOfTheOrganizationsEndpointRequireAProject() {
        JsonObject tools = rpc(ACME, bob, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\"}").getJsonObject("result");
        assertThat(tools.getJsonArray("tools").getValuesAs(JsonObject.class)).extracting(tool -> tool.getString("name"))
                .containsExactly("list_projects", "list_apis", "call_api", "describe_access");
        JsonObject callApi = tools.getJsonArray("tools").getJsonObject(2).getJsonObject("inputSchema");
        assertThat(callApi.getJsonArray("required").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("project", "name");
        assertThat(initialize(ACME, bob).getString("instructions")).contains("list_projects").contains("aiInstructions");
    }

    @Test
    void serverDiscoverIsAnsweredMethodNotFoundSoNewClientsFallBackToInitialize() {
        for (String endpoint : List.of(ACME, "/v1/organizations/acme/projects/sales/runtime/mcp")) {
            Http.Answer answer = http.send(http.request(endpoint, bob).header("Accept", "application/json, text/event-stream")
                    .header("Content-Type", "application/json").header("MCP-Protocol-Version", "2026-07-28")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"jsonrpc": "2.0", "id": "discover-1", "method": "server/discover",
                             "params": {"_meta": {"io.modelcontextprotocol/protocolVersion": "2026-07-28"}}}""")));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().getString("id")).isEqualTo("discover-1");
            assertThat(answer.json().getJsonObject("error").getInt("code")).isEqualTo(-32601);
            assertThat(initialize(endpoint, bob).getJsonObject("serverInfo").getString("name")).isEqualTo("rill-tokens");
        }
    }

    @Test
    void withoutATokenTheOrganizationsEndpointSaysWhereToSignIn() {
        Http.Answer refused = http.send(http.request(ACME, null).header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .contains("resource_metadata=\"" + http.base + "/.well-known/oauth-protected-resource" + ACME + "\"");
        assertThat(http.get("/.well-known/oauth-protected-resource" + ACME, null).json().getString("resource"))
                .isEqualTo(http.base + ACME);
    }

    private static List<String> names(JsonObject listing) {
        return listing.getJsonArray("projects").getValuesAs(JsonObject.class).stream().map(p -> p.getString("name")).toList();
    }

    private JsonObject initialize(String endpoint, String token) {
        return rpc(endpoint, token, """
                {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-11-25",
                 "capabilities": {}, "clientInfo": {"name": "test", "version": "1"}}}""").getJsonObject("result");
    }

    /** A tool's structured content, after checking it is no tool error. */
    private JsonObject tool(String endpoint, String token, String name, String arguments) {
        JsonObject result = result(endpoint, token, name, arguments);
        assertThat(result.getBoolean("isError", false)).as(result.toString()).isFalse();
        return result.getJsonObject("structuredContent");
    }

    private JsonObject result(String endpoint, String token, String name, String arguments) {
        return rpc(endpoint, token, Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", 7).add("method", "tools/call")
                .add("params", Json.createObjectBuilder().add("name", name)
                        .add("arguments", Json.createReader(new java.io.StringReader(arguments)).readObject())).build().toString())
                .getJsonObject("result");
    }

    private JsonObject rpc(String endpoint, String token, String message) {
        Http.Answer answer = http.send(http.request(endpoint, token).header("Accept", "application/json, text/event-stream")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(message)));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return answer.json();
    }
}
