package org.rilltokens.mcp.control;

import jakarta.json.Json;

/**
 * An MCP request turned away before it reaches the MCP server: the HTTP status and a JSON-RPC error, so
 * that an MCP client shows the message instead of failing on an HTML error page.
 */
public record Refusal(int status, int code, String message) {

    /** JSON-RPC 2.0 error codes used here. */
    public static final int PARSE_ERROR = -32700;
    public static final int INVALID_REQUEST = -32600;

    public static Refusal invalid(int status, String message) {
        return new Refusal(status, INVALID_REQUEST, message);
    }

    /** The JSON-RPC error object; the id is null because the request's id is unknown or unread. */
    public String json() {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").addNull("id")
                .add("error", Json.createObjectBuilder().add("code", code).add("message", message)).build().toString();
    }
}
