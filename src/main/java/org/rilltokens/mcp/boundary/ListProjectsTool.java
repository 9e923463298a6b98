package org.rilltokens.mcp.boundary;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.apis.boundary.Apis;
import org.rilltokens.mcp.control.McpCaller;
import org.rilltokens.mcp.control.ProjectListing;
import org.rilltokens.platform.DomainException;

/**
 * {@code list_projects}, on an organization's endpoint: the projects whose data this connection may query. The
 * owner's projects are the candidates; each is kept only if the request's own check ({@link Apis#reader}, so the
 * token's restriction too) lets it through.
 */
@ApplicationScoped
public class ListProjectsTool {

    @Inject
    Access access;

    @Inject
    Apis apis;

    SyncToolSpecification specification(McpJsonMapper json) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name("list_projects").title("List the organization's projects")
                .description("""
                        Lists the projects of this Rill organization whose data the user may query through this \\
                        connection, with the instructions their authors wrote for assistants (follow them). Call this \\
                        first; every other tool takes one of these names as 'project'.""")
                .inputSchema(json, ToolProject.schema(false, ""))
                .annotations(ListApisTool.READ_ONLY).build();
        return SyncToolSpecification.builder().tool(tool).callHandler(ToolFailures.guarded("list_projects", this::handle)).build();
    }

    CallToolResult handle(McpTransportContext context, CallToolRequest request) {
        McpCaller caller = McpCaller.of(context);
        List<ProjectListing.Listed> listed = new ArrayList<>();
        access.of(caller.userId()).stream().filter(org -> org.org().equals(caller.org())).flatMap(org -> org.projects().stream())
                .filter(project -> project.can(Permission.READ_PROJECT_DATA))
                .forEach(project -> reader(caller, project.project()).ifPresent(reader ->
                        listed.add(new ProjectListing.Listed(project.project(), apis.instructions(reader)))));
        return ProjectListing.of(caller.org(), listed).result();
    }

    private Optional<ProjectCaller> reader(McpCaller caller, String project) {
        try {
            return Optional.of(apis.reader(caller.userId(), caller.scope(), caller.org(), project));
        } catch (DomainException outsideTheToken) {
            return Optional.empty();
        }
    }
}
