package org.rilltokens.mcp.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;

/**
 * Ready-to-paste client configurations for one project's MCP endpoint. The token stays a placeholder: the
 * portal shows a token only once, when it is created, and these snippets get copied into files.
 */
public record ClientConfigs(McpPath path, String url) {

    public static final String TOKEN_PLACEHOLDER = "${RILL_TOKEN}";

    private static final JsonWriterFactory PRETTY = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    /** @param server the server's address as users reach it, e.g. {@code https://rill.example.com} */
    public static ClientConfigs of(McpPath path, String server) {
        return new ClientConfigs(path, path.url(server));
    }

    public String serverName() {
        return "rill-" + path.toString().replace('/', '-');
    }

    /** For clients that speak Streamable HTTP and send a header (Claude Code, Cursor, VS Code and others). */
    public String streamableHttp() {
        return pretty(Json.createObjectBuilder().add("mcpServers", Json.createObjectBuilder().add(serverName(),
                Json.createObjectBuilder().add("type", "http").add("url", url).add("headers",
                        Json.createObjectBuilder().add("Authorization", "Bearer " + TOKEN_PLACEHOLDER)))).build());
    }

    /** For Claude Desktop, which starts local commands: mcp-remote bridges stdio to the HTTP endpoint. */
    public String claudeDesktop() {
        return pretty(Json.createObjectBuilder().add("mcpServers", Json.createObjectBuilder().add(serverName(),
                Json.createObjectBuilder().add("command", "npx")
                        .add("args", Json.createArrayBuilder().add("-y").add("mcp-remote").add(url).add("--header")
                                .add("Authorization: Bearer " + TOKEN_PLACEHOLDER))
                        .add("env", Json.createObjectBuilder().add("RILL_TOKEN", "rill_usr_…")))).build());
    }

    /** The same bridge from a terminal, to check that the URL and token work. */
    public String bridgeCommand() {
        return "npx mcp-remote " + url + " --header \"Authorization: Bearer " + TOKEN_PLACEHOLDER + "\"";
    }

    private static String pretty(JsonObject json) {
        StringWriter text = new StringWriter();
        PRETTY.createWriter(text).write(json);
        return text.toString().strip();
    }
}
