package org.rilltokens.mcp.control;

import io.modelcontextprotocol.common.McpTransportContext;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.platform.TokenScope;

/**
 * Who an MCP request acts for (the token's owner and the token's scope), on which endpoint, and, on a project's
 * endpoint, their access to that project, resolved once per request by the gate; the transport copies it into the
 * context every tool handler receives. On an organization's endpoint each tool call names its project.
 */
public record McpCaller(String email, UUID userId, TokenScope scope, McpPath path, Optional<ProjectCaller> access) {

    private static final String KEY = McpCaller.class.getName();

    public McpCaller {
        Objects.requireNonNull(email);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(scope);
        Objects.requireNonNull(path);
        Objects.requireNonNull(access);
    }

    public String org() {
        return path.org();
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
