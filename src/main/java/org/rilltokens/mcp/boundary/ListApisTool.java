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
import org.rilltokens.mcp.control.ApiListing;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.mcp.control.McpCaller;
import org.rilltokens.mcp.control.McpPath;

/** {@code list_apis}: the project's custom APIs the caller may call, with their arguments. */
@ApplicationScoped
public class ListApisTool {

    /** Every tool only reads: clients may run them without asking the user to confirm a change. */
    static final McpSchema.ToolAnnotations READ_ONLY = new McpSchema.ToolAnnotations(null, true, false, true, false, null);

    @Inject
    Apis apis;

    SyncToolSpecification specification(McpJsonMapper json, boolean orgWide) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("list_apis").title("List the project's data APIs")
                .description("""
                        Lists the data APIs of this Rill project that the user may call with call_api: each API's \
                        name, what it returns, its arguments (name, type, whether required, description) and the \
                        instructions its authors wrote for assistants (follow them). Call this first, then call_api \
                        with one of these names and its required arguments. APIs whose security policy does not \
                        admit the user are named separately.""")
                .inputSchema(json, ToolProject.schema(orgWide, ""))
                .annotations(READ_ONLY).build();
        return SyncToolSpecification.builder().tool(tool).callHandler(ToolFailures.guarded("list_apis", this::handle)).build();
    }

    CallToolResult handle(McpTransportContext context, CallToolRequest request) {
        ProjectCaller project = ToolProject.of(McpCaller.of(context), request, apis);
        return ApiListing.of(new McpPath(project.access().org(), project.access().project()), apis.instructions(project),
                apis.offeredTo(project)).result();
    }
}
