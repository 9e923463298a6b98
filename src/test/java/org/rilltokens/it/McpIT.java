package org.rilltokens.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The MCP endpoint driven by the MCP Java SDK's own Streamable HTTP client, as an AI assistant would use it
 * with a demo user's token, plus raw HTTP for what a well-behaved client never sends (bad origins, GET,
 * broken JSON-RPC). The REST custom API is the reference: MCP answers must show exactly the same rows.
 */
@ExtendWith(TestServer.class)
class McpIT {

    private static final String SALES = "/v1/organizations/acme/projects/sales/runtime/mcp";
    private static final String OPS = "/v1/organizations/acme/projects/ops/runtime/mcp";
    private static final String INITIALIZE = """
            {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18",
             "capabilities": {}, "clientInfo": {"name": "curl", "version": "1"}}}""";
    private static final String LIST_TOOLS = "{\"jsonrpc\": \"2.0\", \"id\": 2, \"method\": \"tools/list\"}";

    private static Map<String, String> demoTokens;
    Http http;
    final Map<String, String> tokens = new LinkedHashMap<>();
    final List<McpSyncClient> clients = new ArrayList<>();

    @BeforeAll
    static void signIn(Http server) {
        demoTokens = Demo.tokens(server.base);
    }

    @BeforeEach
    void connect(Http server) {
        http = server;
        tokens.putAll(demoTokens);
    }

    @AfterAll
    static void revokeTokens(Http server) {
        Demo.revokeAll(server, demoTokens);
    }

    @AfterEach
    void disconnect() {
        clients.forEach(McpSyncClient::closeGracefully);
    }

    private McpSyncClient client(String user, String path) {
        String token = tokens.get(user);
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(http.base).endpoint(path)
                .httpRequestCustomizer((request, method, uri, body, context) -> request.header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        clients.add(client);
        return client;
    }

    private McpSyncClient connected(String user) {
        McpSyncClient client = client(user, SALES);
        client.initialize();
        return client;
    }

    private static CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(CallToolResult result) {
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> columns(Map<String, Object> structured) {
        return (List<String>) structured.get("columns");
    }

    private static String text(CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    /** Rows with every number written the same way, so MCP (Jackson) and REST (JSON-P) answers compare. */
    private static List<Map<String, String>> normalized(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((column, value) -> values.put(column, value instanceof Number number
                    ? new BigDecimal(number.toString()).stripTrailingZeros().toPlainString() : String.valueOf(value)));
            return values;
        }).toList();
    }

    private static List<Map<String, String>> normalized(JsonArray rows) {
        return rows.getValuesAs(JsonObject.class).stream().map(row -> {
            Map<String, String> values = new LinkedHashMap<>();
            row.forEach((column, value) -> values.put(column, switch (value.getValueType()) {
                case NUMBER -> ((JsonNumber) value).bigDecimalValue().stripTrailingZeros().toPlainString();
                case STRING -> ((JsonString) value).getString();
                case NULL -> "null";
                default -> value.toString();
            }));
            return values;
        }).toList();
    }

    private JsonArray rest(String user, String query) {
        Http.Answer answer = http.get("/v1/organizations/acme/projects/sales/runtime/api/" + query, tokens.get(user));
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(200);
        return jakarta.json.Json.createReader(new java.io.StringReader(answer.raw().body())).readArray();
    }

    /** A hand-made request with the headers a Streamable HTTP client sends, replaced or added by {@code headers}. */
    private Http.Answer raw(String method, String path, String token, String body, String... headers) {
        Map<String, String> all = new LinkedHashMap<>(Map.of("Accept", "application/json, text/event-stream",
                "Content-Type", "application/json"));
        for (int i = 0; i < headers.length; i += 2) {
            all.put(headers[i], headers[i + 1]);
        }
        HttpRequest.Builder request = http.request(path, token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        all.forEach(request::header);
        return http.send(request);
    }

    private static void assertJsonRpcError(Http.Answer answer, int status, int code) {
        assertThat(answer.status()).as(answer.raw().body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonObject json = answer.json();
        assertThat(json.getString("jsonrpc")).isEqualTo("2.0");
        assertThat(json.getJsonObject("error").getInt("code")).isEqualTo(code);
        assertThat(json.getJsonObject("error").getString("message")).isNotBlank();
        assertThat(answer.raw().body()).doesNotContain("stackTrace", "Exception", "at org.");
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void aClientInitializesAndFindsTheThreeToolsWithSchemas() {
        McpSyncClient client = client("bob", SALES);
        McpSchema.InitializeResult init = client.initialize();
        assertThat(init.serverInfo().name()).isEqualTo("rill-tokens");
        // tools only (no resources or prompts to offer), and a tool list that never changes while connected
        assertThat(init.capabilities().tools().listChanged()).isFalse();
        assertThat(init.capabilities().resources()).isNull();
        assertThat(init.capabilities().prompts()).isNull();
        assertThat(init.instructions()).contains("list_apis", "call_api", "describe_access");

        List<McpSchema.Tool> tools = client.listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("list_apis", "call_api", "describe_access");
        McpSchema.Tool callApi = tools.stream().filter(tool -> tool.name().equals("call_api")).findFirst().orElseThrow();
        assertThat(callApi.description()).contains("list_apis", "truncated");
        assertThat(callApi.inputSchema().required()).containsExactly("name");
        assertThat(callApi.inputSchema().properties()).containsKeys("name", "arguments", "limit");
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.description()).hasSizeGreaterThan(80);
            assertThat(tool.annotations().readOnlyHint()).isTrue();
        });
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void listApisShowsWhatEachUserMayCallWithArguments() {
        for (String user : List.of("alice", "bob")) {
            CallToolResult result = call(connected(user), "list_apis", Map.of());
            assertThat(result.isError()).isNotEqualTo(Boolean.TRUE);
            assertThat(list(structured(result).get("apis"))).extracting(api -> api.get("name"))
                    .containsExactlyInAnyOrder("customers_by_domain", "recent_orders", "revenue_by_product");
            Map<String, Object> revenue = list(structured(result).get("apis")).stream()
                    .filter(api -> api.get("name").equals("revenue_by_product")).findFirst().orElseThrow();
            assertThat(list(revenue.get("arguments"))).singleElement().satisfies(argument -> {
                assertThat(argument).containsEntry("name", "year").containsEntry("type", "integer").containsEntry("required", true);
                assertThat((String) argument.get("description")).contains("2024");
            });
            assertThat(text(result)).contains("revenue_by_product", "year (integer, required)", "region (string, required)");
        }
        // carol's partner.example address does not pass customers_by_domain's access rule
        CallToolResult carol = call(connected("carol"), "list_apis", Map.of());
        assertThat(list(structured(carol).get("apis"))).extracting(api -> api.get("name"))
                .containsExactlyInAnyOrder("recent_orders", "revenue_by_product");
        assertThat(structured(carol)).containsEntry("notAdmitted", List.of("customers_by_domain"));
        assertThat(text(carol)).contains("Not open to you", "customers_by_domain");
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void bobsRowsAndColumnsAreExactlyHisRestAnswers() {
        McpSyncClient bob = connected("bob");
        CallToolResult revenue = call(bob, "call_api", Map.of("name", "revenue_by_product", "arguments", Map.of("year", 2024)));
        assertThat(revenue.isError()).as(text(revenue)).isNotEqualTo(Boolean.TRUE);
        List<Map<String, Object>> rows = list(structured(revenue).get("rows"));
        assertThat(normalized(rows)).isEqualTo(normalized(rest("bob", "revenue_by_product?year=2024"))).isNotEmpty();
        assertThat(rows).allSatisfy(row -> assertThat(row.get("region")).isEqualTo("EMEA"));
        assertThat(structured(revenue)).containsEntry("truncated", false).containsEntry("rowCount", rows.size());
        assertThat(text(revenue)).contains("| region | product | orders | units | revenue |", "| EMEA |")
                .doesNotContain("| AMER |", "TRUNCATED");

        CallToolResult recent = call(bob, "call_api", Map.of("name", "recent_orders", "arguments", Map.of("region", "AMER")));
        assertThat(normalized(list(structured(recent).get("rows")))).isEqualTo(normalized(rest("bob", "recent_orders?region=AMER")));
        assertThat(columns(structured(recent))).contains("order_id", "quantity").doesNotContain("revenue");
        assertThat(text(recent)).doesNotContain("revenue");

        // the same calls as alice (project admin through org admin): every region and the revenue column
        McpSyncClient alice = connected("alice");
        List<Map<String, Object>> all = list(structured(call(alice, "call_api",
                Map.of("name", "revenue_by_product", "arguments", Map.of("year", "2024")))).get("rows"));
        assertThat(normalized(all)).isEqualTo(normalized(rest("alice", "revenue_by_product?year=2024")));
        assertThat(all).extracting(row -> row.get("region")).contains("EMEA", "AMER").hasSizeGreaterThan(rows.size());
        assertThat(columns(structured(call(alice, "call_api", Map.of("name", "recent_orders", "arguments",
                Map.of("region", "AMER")))))).contains("revenue");
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void refusedCallsAreToolErrorsWithTheRestMessageAndTheSessionGoesOn() {
        McpSyncClient bob = connected("bob");
        CallToolResult missing = call(bob, "call_api", Map.of("name", "revenue_by_product"));
        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).isEqualTo("Missing argument 'year'");
        assertThat(structured(missing)).containsEntry("code", "invalid_argument").containsEntry("field", "year");

        CallToolResult wrongType = call(bob, "call_api", Map.of("name", "revenue_by_product", "arguments", Map.of("year", "last year")));
        assertThat(wrongType.isError()).isTrue();
        assertThat(text(wrongType)).contains("'year' must be", "integer");

        CallToolResult unknown = call(bob, "call_api", Map.of("name", "salaries"));
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("no API 'salaries'");

        CallToolResult noName = call(bob, "call_api", Map.of());
        assertThat(noName.isError()).isTrue();
        assertThat(text(noName)).contains("'name'");

        CallToolResult badLimit = call(bob, "call_api", Map.of("name", "recent_orders", "arguments", Map.of("region", "EMEA"), "limit", 0));
        assertThat(badLimit.isError()).isTrue();
        assertThat(text(badLimit)).contains("'limit'");

        CallToolResult carol = call(connected("carol"), "call_api", Map.of("name", "customers_by_domain"));
        assertThat(carol.isError()).isTrue();
        assertThat(text(carol)).contains("does not admit you");
        assertThat(structured(carol)).containsEntry("code", "forbidden");

        assertThat(call(bob, "call_api", Map.of("name", "recent_orders", "arguments", Map.of("region", "EMEA"))).isError())
                .isNotEqualTo(Boolean.TRUE);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void longResultsAreCutToTheLimitAndSaySo() {
        CallToolResult result = call(connected("alice"), "call_api",
                Map.of("name", "recent_orders", "arguments", Map.of("region", "EMEA"), "limit", 3));
        assertThat(list(structured(result).get("rows"))).hasSize(3);
        assertThat(structured(result)).containsEntry("truncated", true).containsEntry("rowCount", 20);
        assertThat(text(result)).contains("20 rows", "TRUNCATED to the first 3");
        assertThat(text(result).lines().filter(line -> line.startsWith("| "))).hasSize(2 + 3);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void describeAccessExplainsRoleSourceAndPolicyAttributes() {
        Map<String, Object> bob = structured(call(connected("bob"), "describe_access", Map.of()));
        assertThat(bob).containsEntry("email", "bob@acme.example").containsEntry("project", "acme/sales")
                .containsEntry("role", "viewer").containsEntry("roleSource", "group emea");
        assertThat(map(bob.get("attributes"))).containsEntry("region", "EMEA").containsEntry("admin", false)
                .containsEntry("groups", List.of("emea")).containsEntry("domain", "acme.example");

        CallToolResult alice = call(connected("alice"), "describe_access", Map.of());
        assertThat(structured(alice)).containsEntry("role", "admin").containsEntry("roleSource", "org admin");
        assertThat(text(alice)).contains("alice@acme.example", "Effective role: admin (from org admin)", "admin = true");

        CallToolResult carol = call(connected("carol"), "describe_access", Map.of());
        assertThat(structured(carol)).containsEntry("role", "viewer").containsEntry("roleSource", "direct");
        assertThat(text(carol)).contains("domain = partner.example");

        McpSyncClient dave = client("dave", OPS);
        dave.initialize();
        assertThat(structured(call(dave, "describe_access", Map.of()))).containsEntry("project", "acme/ops")
                .containsEntry("role", "editor");
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void aProjectTheCallerCannotSeeIs404LikeTheCustomApis() {
        for (String outsider : List.of("erin", "dave")) {
            Http.Answer answer = raw("POST", SALES, tokens.get(outsider), INITIALIZE);
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.json().getString("code")).isEqualTo("not_found");
            assertThat(answer.json().getString("message")).isEqualTo(http.get(
                    "/v1/organizations/acme/projects/sales/runtime/api/recent_orders?region=EMEA", tokens.get(outsider)).json().getString("message"));
            assertThatThrownBy(() -> client(outsider, SALES).initialize()).isInstanceOf(RuntimeException.class);
        }
        assertThat(raw("POST", "/v1/organizations/acme/projects/nowhere/runtime/mcp", tokens.get("alice"), INITIALIZE).status())
                .isEqualTo(404);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void badTokensGetTheApisExact401AndARevokedTokenFailsOnTheNextCall() {
        String bobs = tokens.get("bob");
        // Its last character changed to one it is not (always "x" let a token that ends in "x" through, 1 run in 62).
        String tampered = bobs.substring(0, 69) + (bobs.endsWith("x") ? "y" : "x");
        for (String token : new String[] {null, "rill_usr_tooShort", tampered}) {
            Http.Answer mcp = raw("POST", SALES, token, INITIALIZE);
            Http.Answer rest = http.get("/v1/users/current", token);
            assertThat(mcp.status()).isEqualTo(401);
            // The same challenge, plus where an OAuth client learns how to get a token (RFC 9728).
            assertThat(mcp.header("WWW-Authenticate")).isEqualTo(rest.header("WWW-Authenticate") + ", resource_metadata=\""
                    + http.base + "/.well-known/oauth-protected-resource" + SALES + "\"").startsWith("Bearer realm=\"rill\"");
            assertThat(mcp.json()).isEqualTo(rest.json());
        }

        String token = Demo.token(http.base, "bob");
        tokens.put("bob", token);
        McpSyncClient bob = connected("bob");
        assertThat(call(bob, "list_apis", Map.of()).isError()).isNotEqualTo(Boolean.TRUE);
        assertThat(http.delete("/v1/users/-/tokens/current", token).status()).isEqualTo(200);

        assertThatThrownBy(() -> call(bob, "list_apis", Map.of())).isInstanceOf(RuntimeException.class);
        Http.Answer next = raw("POST", SALES, token, LIST_TOOLS);
        assertThat(next.status()).isEqualTo(401);
        assertThat(next.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"rill\", error=\"invalid_token\", resource_metadata=\""
                + http.base + "/.well-known/oauth-protected-resource" + SALES + "\"");
        assertThat(next.json().getString("message")).isEqualTo("The token is unknown, expired or revoked");
    }

    @Test
    void everyMcpCallIsRecordedAsAUseOfTheToken() {
        String token = http.probe("user?email=bob@acme.example").raw().body();
        http.probe("flush");
        assertThat(raw("POST", SALES, token, INITIALIZE, "User-Agent", "mcp-usage-test/1.0").status()).isEqualTo(200);
        http.probe("flush");
        // the listing below is a use as well, but within the same minute, so it does not overwrite the MCP one
        JsonObject info = http.get("/v1/users/current/tokens", token).json().getJsonArray("tokens").getJsonObject(0);
        assertThat(info.getString("usedUserAgent")).isEqualTo("mcp-usage-test/1.0");
        assertThat(info.get("usedOn")).isInstanceOf(JsonString.class);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void browsersOnOtherOriginsAreRefusedAndOwnOriginOrNoneAccepted() {
        String bob = tokens.get("bob");
        for (String foreign : List.of("https://evil.example", "null", "http://localhost.evil.example:" + URI.create(http.base).getPort())) {
            assertJsonRpcError(raw("POST", SALES, bob, INITIALIZE, "Origin", foreign), 403, -32600);
        }
        // refused before the token is even looked at
        assertThat(raw("POST", SALES, null, INITIALIZE, "Origin", "https://evil.example").status()).isEqualTo(403);
        assertThat(raw("POST", SALES, bob, INITIALIZE, "Origin", http.base).status()).isEqualTo(200);
        assertThat(raw("POST", SALES, bob, INITIALIZE).status()).isEqualTo(200);
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void onlyPostIsAnsweredAndNeverWithTheLoginPage() {
        for (String method : List.of("GET", "DELETE", "PUT")) {
            Http.Answer answer = raw(method, SALES, tokens.get("bob"), method.equals("PUT") ? INITIALIZE : null);
            assertJsonRpcError(answer, 405, -32600);
            assertThat(answer.header("Allow")).isEqualTo("POST");
        }
        Http.Answer anonymousGet = http.get(SALES, null);
        assertThat(anonymousGet.status()).isEqualTo(405);
        assertThat(anonymousGet.header("Location")).isNull();
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void thePortalShowsEachReadableProjectsUrlAndConfigurationsThatWork() {
        Portal carol = new Portal(http.base);
        Portal.Page login = carol.get("/login");
        carol.submit(login.form("signin").fill("Email", "carol@partner.example").fill("Password", "demo-carol").press("Sign in"));
        Portal.Page page = carol.get("/access");
        assertThat(page.status()).isEqualTo(200);
        String url = http.base + SALES;
        assertThat(page.decodedHtml()).contains("<code>" + url + "</code>", "mcp-remote", "Authorization: Bearer ${RILL_TOKEN}",
                "\"type\": \"http\"").doesNotContain("projects/ops");
        // the URL the page shows is the endpoint, and carol's token works there
        assertThat(http.send(http.request(URI.create(url).getPath(), tokens.get("carol"))
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE))).status()).isEqualTo(200);

        Portal erin = new Portal(http.base);
        erin.submit(erin.get("/login").form("signin").fill("Email", "erin@acme.example").fill("Password", "demo-erin").press("Sign in"));
        assertThat(erin.get("/access").html()).contains("no project").doesNotContain("runtime/mcp");
    }

    @Test
    @Tag(TestServer.ANY_SERVER)
    void brokenOversizedOrForeignVersionMessagesGetJsonRpcErrorsNot500() {
        String bob = tokens.get("bob");
        assertJsonRpcError(raw("POST", SALES, bob, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": "), 400, -32700);
        assertJsonRpcError(raw("POST", SALES, bob, ""), 400, -32700);
        assertJsonRpcError(raw("POST", SALES, bob, "{\"hello\": \"world\"}"), 400, -32600);
        assertJsonRpcError(raw("POST", SALES, bob, "[" + LIST_TOOLS + "]"), 400, -32600);
        assertJsonRpcError(raw("POST", SALES, bob, "{\"jsonrpc\": \"2.0\", \"id\": 7, \"result\": {}}"), 400, -32600);
        assertJsonRpcError(raw("POST", SALES, bob, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/list\", \"params\": \""
                + "x".repeat(2 * 1024 * 1024) + "\"}"), 413, -32600);
        assertJsonRpcError(raw("POST", SALES, bob, LIST_TOOLS, "MCP-Protocol-Version", "1999-01-01"), 400, -32600);
        assertJsonRpcError(raw("POST", SALES, bob, LIST_TOOLS, "Content-Type", "text/plain"), 415, -32600);

        Http.Answer unknownMethod = raw("POST", SALES, bob, "{\"jsonrpc\": \"2.0\", \"id\": 3, \"method\": \"tools/explode\"}");
        assertThat(unknownMethod.status()).isEqualTo(200);
        assertThat(unknownMethod.json().getJsonObject("error").getInt("code")).isEqualTo(McpSchema.ErrorCodes.METHOD_NOT_FOUND);

        Http.Answer current = raw("POST", SALES, bob, LIST_TOOLS, "MCP-Protocol-Version", "2025-06-18");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.json().getJsonObject("result").getJsonArray("tools")).hasSize(3);
        assertThat(current.json().getValue("/result/tools/0/name")).isNotEqualTo(JsonValue.NULL);
    }
}
