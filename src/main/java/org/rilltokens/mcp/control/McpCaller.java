package org.rilltokens.mcp.control;

import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import org.rilltokens.access.control.ProjectCaller;

/**
 * Who an MCP request acts for, on which project, and their access to it, resolved once per request by the
 * gate; the transport copies it into the context every tool handler receives, so no tool resolves it again.
 */
public record McpCaller(String email, McpPath path, ProjectCaller access) {

    private static final String KEY = McpCaller.class.getName();

    public McpCaller {
        Objects.requireNonNull(email);
        Objects.requireNonNull(path);
        Objects.requireNonNull(access);
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
