package org.rilltokens.mcp.boundary;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rilltokens.apis.boundary.Apis;
import org.rilltokens.mcp.control.AccessDescription;
import org.rilltokens.mcp.control.McpCaller;

/** {@code describe_access}: who the token acts as on the project, and what security policies see of them. */
@ApplicationScoped
public class DescribeAccessTool {

    @Inject
    Apis apis;

    SyncToolSpecification specification(McpJsonMapper json, boolean orgWide) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("describe_access").title("Describe the user's access")
                .description("""
                        Tells who this connection acts as on the project: the user's email, their effective \
                        project role (viewer, editor or admin) and where it comes from (org admin, a direct grant \
                        or a user group), and the attributes API security policies evaluate (email, domain, \
                        name, admin, groups and custom attributes such as region). Use it to explain why an \
                        API is refused or why rows or columns are missing.""")
                .inputSchema(json, ToolProject.schema(orgWide, ""))
                .annotations(ListApisTool.READ_ONLY).build();
        return SyncToolSpecification.builder().tool(tool).callHandler(ToolFailures.guarded("describe_access", this::handle)).build();
    }

    CallToolResult handle(McpTransportContext context, CallToolRequest request) {
        McpCaller caller = McpCaller.of(context);
        return AccessDescription.of(caller.email(), ToolProject.of(caller, request, apis)).result();
    }
}
