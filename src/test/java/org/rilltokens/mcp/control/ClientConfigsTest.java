package org.rilltokens.mcp.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ClientConfigsTest {

    private final ClientConfigs configs = ClientConfigs.of(new McpPath("acme", "sales"), "http://localhost:8080");
    private static final String URL = "http://localhost:8080/v1/organizations/acme/projects/sales/runtime/mcp";

    @Test
    void theHttpClientConfigSendsTheTokenPlaceholderAsABearerHeader() {
        JsonObject server = json(configs.streamableHttp()).getJsonObject("mcpServers").getJsonObject("rill-acme-sales");
        assertThat(server.getString("type")).isEqualTo("http");
        assertThat(server.getString("url")).isEqualTo(URL);
        assertThat(server.getJsonObject("headers").getString("Authorization")).isEqualTo("Bearer ${RILL_TOKEN}");
    }

    @Test
    void claudeDesktopRunsTheMcpRemoteBridgeWithTheHeader() {
        JsonObject server = json(configs.claudeDesktop()).getJsonObject("mcpServers").getJsonObject("rill-acme-sales");
        assertThat(server.getString("command")).isEqualTo("npx");
        assertThat(server.getJsonArray("args").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("-y", "mcp-remote", URL, "--header", "Authorization: Bearer ${RILL_TOKEN}");
        assertThat(server.getJsonObject("env").getString("RILL_TOKEN")).startsWith("rill_usr_");
        assertThat(configs.bridgeCommand()).isEqualTo("npx mcp-remote " + URL + " --header \"Authorization: Bearer ${RILL_TOKEN}\"");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
