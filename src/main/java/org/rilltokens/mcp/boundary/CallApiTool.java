package org.rilltokens.mcp.boundary;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.apis.boundary.Apis;
import org.rilltokens.mcp.control.CallApiRequest;
import org.rilltokens.mcp.control.McpCaller;
import org.rilltokens.mcp.control.RowsAnswer;

/**
 * {@code call_api}: runs one custom API as the user, through the same boundary as the REST endpoint, so
 * the same access rules, row filters and hidden columns apply.
 */
@ApplicationScoped
public class CallApiTool {

    @Inject
    Apis apis;

    SyncToolSpecification specification(McpJsonMapper json, boolean orgWide) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("call_api").title("Call a data API")
                .description("""
                        Runs one of the project's data APIs (see list_apis) as the user and returns its rows: \
                        as a Markdown table in the text, and as row objects in the structured content \
                        ({api, columns, rows, rowCount, truncated}). Security policies apply: rows may be \
                        filtered and columns hidden for this user (describe_access explains why). At most \
                        'limit' rows are returned; the answer says when rows were left out.""")
                .inputSchema(json, ToolProject.schema(orgWide, """
                        "name": {"type": "string", "description": "The API's name exactly as list_apis shows it, e.g. revenue_by_product"},
                        "arguments": {"type": "object",
                          "description": "The API's arguments by name with the types list_apis gives, e.g. {\\"year\\": 2024}. Give every required argument; leave out the rest.",
                          "additionalProperties": {"type": ["string", "number", "integer", "boolean", "null"]}},
                        "limit": {"type": "integer", "minimum": 1, "maximum": %d, "default": %d,
                          "description": "The most rows to return (default %d)."}""".formatted(CallApiRequest.MAX_LIMIT,
                        CallApiRequest.DEFAULT_LIMIT, CallApiRequest.DEFAULT_LIMIT), "name"))
                .annotations(ListApisTool.READ_ONLY).build();
        return SyncToolSpecification.builder().tool(tool).callHandler(ToolFailures.guarded("call_api", this::handle)).build();
    }

    CallToolResult handle(McpTransportContext context, CallToolRequest request) {
        ProjectCaller project = ToolProject.of(McpCaller.of(context), request, apis);
        CallApiRequest call = CallApiRequest.of(request.arguments());
        return RowsAnswer.of(call.api(), apis.call(project, call.api(), call.arguments()),
                call.limit()).result();
    }
}
