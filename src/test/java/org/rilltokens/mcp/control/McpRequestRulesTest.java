package org.rilltokens.mcp.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.rilltokens.web.PublicOrigin;

class McpRequestRulesTest {

    private static final PublicOrigin OWN = PublicOrigin.loopback(8080);
    private static final PublicOrigin PUBLIC = PublicOrigin.of("https://tokens.example.com");
    private final McpRequestRules rules = new McpRequestRules(List.of("https://chat.example.com", "http://127.0.0.1:*"),
            List.of("2025-06-18", "2025-11-25"), 100, new JacksonMcpJsonMapper(new ObjectMapper()));

    @Test
    void nonBrowsersTheServersOwnPagesAndConfiguredOriginsAreLetThrough() {
        assertThat(rules.origin(null, OWN)).isEmpty();
        assertThat(rules.origin("http://localhost:8080", OWN)).isEmpty();
        assertThat(rules.origin("http://127.0.0.1:8080", OWN)).isEmpty();
        assertThat(rules.origin("https://tokens.example.com", PUBLIC)).isEmpty();
        assertThat(rules.origin("https://chat.example.com", OWN)).isEmpty();
        assertThat(rules.origin("http://127.0.0.1:6274", OWN)).isEmpty();
    }

    @Test
    void otherBrowserOriginsAreForbidden() {
        for (String foreign : List.of("https://evil.example", "null", "http://localhost:8081", "http://localhost:8080.evil.example",
                "https://chat.example.com.evil.example")) {
            Optional<Refusal> refusal = rules.origin(foreign, OWN);
            assertThat(refusal).as(foreign).isPresent();
            assertThat(refusal.get().status()).isEqualTo(403);
        }
    }

    @Test
    void onlyTheServersOwnHostIsAnswered() {
        assertThat(rules.host("localhost:8080", OWN)).isEmpty();
        assertThat(rules.host("127.0.0.1:8080", OWN)).isEmpty();
        assertThat(rules.host("[::1]:8080", OWN)).isEmpty();
        assertThat(rules.host("tokens.example.com", PUBLIC)).isEmpty();
        assertThat(rules.host("TOKENS.example.com:443", PUBLIC)).isEmpty();
        for (String foreign : List.of("evil.example", "evil.example:8080", "localhost.evil.example:8080", "192.168.1.5:8080")) {
            assertThat(rules.host(foreign, OWN)).as(foreign).get().extracting(Refusal::status).isEqualTo(403);
        }
        for (String foreign : List.of("localhost:8080", "tokens.example.com:8443", "tokens.example.com.evil.example")) {
            assertThat(rules.host(foreign, PUBLIC)).as(foreign).get().extracting(Refusal::status).isEqualTo(403);
        }
        assertThat(rules.host(null, OWN)).isPresent();
    }

    @Test
    void withAPublicUrlOnlyItsOriginIsTheServersOwn() {
        assertThat(rules.origin("http://localhost:8080", PUBLIC)).isPresent();
        assertThat(rules.origin("http://tokens.example.com", PUBLIC)).isPresent();
    }

    @Test
    void serverDiscoverOfMcp20260728IsAMethodThisServerDoesNotHaveSoClientsFallBackToInitialize() {
        String answer = rules.discover("{\"jsonrpc\": \"2.0\", \"id\": \"d-1\", \"method\": \"server/discover\", \"params\": {}}"
                .getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(answer).contains("\"id\":\"d-1\"").contains("\"code\":-32601").contains("initialize");
        assertThat(rules.discover("{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"initialize\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(rules.discover("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void onlyPostIsAllowed() {
        assertThat(rules.method("POST")).isEmpty();
        assertThat(rules.method("GET")).get().extracting(Refusal::status).isEqualTo(405);
    }

    @Test
    void anUnknownProtocolVersionHeaderIsRefusedAndAMissingOneAccepted() {
        String accept = "application/json, text/event-stream";
        assertThat(rules.headers(null, "application/json", accept)).isEmpty();
        assertThat(rules.headers("2025-06-18", "application/json; charset=utf-8", accept)).isEmpty();
        Refusal refusal = rules.headers("2024-01-01", "application/json", accept).orElseThrow();
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.message()).contains("2024-01-01", "2025-06-18, 2025-11-25");
        assertThat(rules.headers(null, "text/plain", accept)).get().extracting(Refusal::status).isEqualTo(415);
        assertThat(rules.headers(null, "application/json", "application/json")).get().extracting(Refusal::status).isEqualTo(406);
    }

    @Test
    void bodiesMustBeOneJsonRpcRequestOrNotificationWithinTheSizeLimit() {
        assertThat(rules.body(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))).isEmpty();
        assertThat(rules.body(bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"))).isEmpty();
        assertThat(rules.body(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,"))).get().extracting(Refusal::code).isEqualTo(Refusal.PARSE_ERROR);
        assertThat(rules.body(bytes(""))).get().extracting(Refusal::code).isEqualTo(Refusal.PARSE_ERROR);
        assertThat(rules.body(bytes("{\"a\":1}"))).get().extracting(Refusal::code).isEqualTo(Refusal.INVALID_REQUEST);
        assertThat(rules.body(bytes("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}]"))).get()
                .extracting(Refusal::message).asString().contains("batches");
        assertThat(rules.body(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"))).get().extracting(Refusal::status).isEqualTo(400);
        assertThat(rules.body(bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + "x".repeat(100) + "\"}")))
                .get().extracting(Refusal::status).isEqualTo(413);
    }

    @Test
    void refusalsAreJsonRpcErrorObjects() {
        assertThat(Refusal.invalid(405, "say \"POST\"").json())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"say \\\"POST\\\"\"}}");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
