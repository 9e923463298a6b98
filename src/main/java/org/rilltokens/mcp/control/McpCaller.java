package org.rilltokens.mcp.control;

import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Who an MCP request acts for and on which project. The gate puts it on the HTTP request after checking
 * the token and the project; the transport copies it into the context every tool handler receives.
 */
public record McpCaller(UUID userId, String email, McpPath path) {

    private static final String KEY = McpCaller.class.getName();

    public McpCaller {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(email);
        Objects.requireNonNull(path);
    }

    public String org() {
        return path.org();
    }

    public String project() {
        return path.project();
    }

    public void attachTo(HttpServletRequest request) {
        request.setAttribute(KEY, this);
    }

    /** The transport's context extractor: the request only reaches the transport through the gate, which set it. */
    public static McpTransportContext context(HttpServletRequest request) {
        Object caller = request.getAttribute(KEY);
        return caller == null ? McpTransportContext.EMPTY : McpTransportContext.create(Map.of(KEY, caller));
    }

    public static McpCaller of(McpTransportContext context) {
        return (McpCaller) Objects.requireNonNull(context.get(KEY), "MCP request without a caller");
    }
}
