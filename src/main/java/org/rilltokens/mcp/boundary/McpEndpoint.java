package org.rilltokens.mcp.boundary;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.rilltokens.mcp.control.McpPath;

/**
 * Starts the two MCP servers: one for every project's endpoint and one for every organization's, each stateless, its
 * tools reading the project and caller from the request. Their servlets get no URL of their own — {@link McpGate}
 * forwards to them by name after checking the token and the project, so nothing reaches them unchecked.
 */
@WebListener
public class McpEndpoint implements ServletContextListener {

    static final String PROJECT_SERVLET = "rill-mcp";
    static final String ORG_SERVLET = "rill-mcp-org";

    private static final String AUTHORS = """
            Project authors may have written instructions for assistants (aiInstructions, shown by \
            list_apis%s): follow them.""";

    private static final String PROJECT_INSTRUCTIONS = """
            Rill project data for the signed-in user. Call list_apis to see the project's data APIs and their \
            arguments, call_api to run one, describe_access to see the user's role and the attributes that \
            security policies use (explains rows or columns the user cannot see). """ + AUTHORS.formatted("");

    private static final String ORG_INSTRUCTIONS = """
            Rill data of one organization's projects for the signed-in user. Call list_projects first; then \
            list_apis, call_api and describe_access with one of those projects as 'project'. """
            + AUTHORS.formatted(" and list_projects");

    @Inject
    McpTransport transport;

    @Inject
    ListProjectsTool listProjects;

    @Inject
    ListApisTool listApis;

    @Inject
    CallApiTool callApi;

    @Inject
    DescribeAccessTool describeAccess;

    private McpStatelessSyncServer projects;
    private McpStatelessSyncServer organizations;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        projects = server(transport.servlet(false), PROJECT_INSTRUCTIONS, listApis.specification(transport.json(), false),
                callApi.specification(transport.json(), false), describeAccess.specification(transport.json(), false));
        organizations = server(transport.servlet(true), ORG_INSTRUCTIONS, listProjects.specification(transport.json()),
                listApis.specification(transport.json(), true), callApi.specification(transport.json(), true),
                describeAccess.specification(transport.json(), true));
        event.getServletContext().addServlet(PROJECT_SERVLET, transport.servlet(false));
        event.getServletContext().addServlet(ORG_SERVLET, transport.servlet(true));
    }

    private McpStatelessSyncServer server(HttpServletStatelessServerTransport servlet, String instructions,
            SyncToolSpecification... tools) {
        return McpServer.sync(servlet)
                .serverInfo("rill-tokens", "1")
                .instructions(instructions)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // Handlers run on the HTTP thread, where CDI, JPA and transactions are available.
                .immediateExecution(true)
                .jsonMapper(transport.json())
                .tools(tools)
                .build();
    }

    /** The servlet that serves an endpoint. */
    static String servletFor(McpPath path) {
        return path.isOrgWide() ? ORG_SERVLET : PROJECT_SERVLET;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (projects != null) {
            projects.close();
        }
        if (organizations != null) {
            organizations.close();
        }
    }
}
