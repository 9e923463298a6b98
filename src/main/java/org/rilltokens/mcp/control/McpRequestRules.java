package org.rilltokens.mcp.control;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.rilltokens.web.PublicOrigin;

/**
 * The HTTP rules of the stateless Streamable HTTP transport, checked before a message reaches the SDK's
 * transport: that transport lets foreign origins through, and answers some faults with an HTML error page
 * or with a serialized exception instead of a JSON-RPC error.
 */
public final class McpRequestRules {

    private final List<String> allowedOrigins;
    private final List<String> protocolVersions;
    private final int maxBytes;
    private final McpJsonMapper json;

    /**
     * @param allowedOrigins browser origins besides the server's own, e.g. {@code https://chat.example.com};
     *                       {@code http://localhost:*} allows every port
     */
    public McpRequestRules(List<String> allowedOrigins, List<String> protocolVersions, int maxBytes, McpJsonMapper json) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.protocolVersions = List.copyOf(protocolVersions);
        this.maxBytes = maxBytes;
        this.json = json;
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * A request must name this server as its host: a page served under another name that resolves to this server
     * (DNS rebinding) names that other name.
     */
    public Optional<Refusal> host(String host, PublicOrigin own) {
        return own.acceptsHost(host) ? Optional.empty() : Optional.of(Refusal.invalid(403, "Host " + host
                + " is not this server's address (" + own.base() + "); set RILL_PUBLIC_URL to the address clients use"));
    }

    /**
     * A browser names the page's origin; a page from elsewhere must not reach a local user's endpoint (DNS
     * rebinding). Non-browser clients send no Origin and are let through.
     */
    public Optional<Refusal> origin(String origin, PublicOrigin own) {
        if (origin == null || own.acceptsOrigin(origin)) {
            return Optional.empty();
        }
        try {
            DefaultServerTransportSecurityValidator.builder().allowedOrigins(allowedOrigins).build()
                    .validateHeaders(Map.of("Origin", List.of(origin)));
            return Optional.empty();
        } catch (ServerTransportSecurityException e) {
            return Optional.of(Refusal.invalid(403, "Origin " + origin + " may not use this MCP endpoint"));
        }
    }

    public Optional<Refusal> method(String method) {
        return "POST".equals(method) ? Optional.empty() : Optional.of(Refusal.invalid(405,
                "This MCP endpoint is stateless Streamable HTTP: send each JSON-RPC message by POST (no GET stream, no sessions)"));
    }

    public Optional<Refusal> headers(String protocolVersion, String contentType, String accept) {
        if (protocolVersion != null && !protocolVersions.contains(protocolVersion.strip())) {
            return Optional.of(Refusal.invalid(400, "Unsupported MCP-Protocol-Version '" + protocolVersion
                    + "'; this server speaks " + String.join(", ", protocolVersions)));
        }
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Optional.of(Refusal.invalid(415, "Send the JSON-RPC message with Content-Type: application/json"));
        }
        if (accept == null || !(accept.contains("application/json") && accept.contains("text/event-stream"))) {
            return Optional.of(Refusal.invalid(406, "Send Accept: application/json, text/event-stream"));
        }
        return Optional.empty();
    }

    /**
     * The answer to {@code server/discover}, which clients of MCP 2026-07-28 may send first, whatever protocol version
     * header they send with it: "method not found", after which they fall back to {@code initialize}, which this
     * server speaks (the Java SDK does not offer 2026-07-28 yet). Empty for any other message.
     */
    public Optional<String> discover(byte[] body) {
        try {
            if (McpSchema.deserializeJsonRpcMessage(json, new String(body, StandardCharsets.UTF_8)) instanceof McpSchema.JSONRPCRequest request
                    && "server/discover".equals(request.method())) {
                return Optional.of(json.writeValueAsString(new McpSchema.JSONRPCResponse(McpSchema.JSONRPC_VERSION, request.id(), null,
                        new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.METHOD_NOT_FOUND, "Method not found: "
                                + "server/discover. This server speaks MCP " + String.join(", ", protocolVersions)
                                + ": start with initialize", null))));
            }
        } catch (IOException | RuntimeException notAMessage) {
            // Checked and answered by body().
        }
        return Optional.empty();
    }

    /** @param body at most {@link #maxBytes()} + 1 bytes of the request body */
    public Optional<Refusal> body(byte[] body) {
        if (body.length > maxBytes) {
            return Optional.of(Refusal.invalid(413, "A JSON-RPC message may have at most " + maxBytes + " bytes"));
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Object parsed;
        try {
            parsed = json.readValue(text, Object.class);
        } catch (IOException | RuntimeException e) {
            return Optional.of(new Refusal(400, Refusal.PARSE_ERROR, "The body is not valid JSON"));
        }
        if (parsed instanceof List) {
            return Optional.of(Refusal.invalid(400, "Send one JSON-RPC message per request; batches are not supported"));
        }
        McpSchema.JSONRPCMessage message;
        try {
            message = McpSchema.deserializeJsonRpcMessage(json, text);
        } catch (IOException | RuntimeException e) {
            return Optional.of(Refusal.invalid(400, "The body is not a JSON-RPC 2.0 request or notification"));
        }
        if (message instanceof McpSchema.JSONRPCRequest || message instanceof McpSchema.JSONRPCNotification) {
            return Optional.empty();
        }
        return Optional.of(Refusal.invalid(400, "This server accepts JSON-RPC requests and notifications only"));
    }
}
