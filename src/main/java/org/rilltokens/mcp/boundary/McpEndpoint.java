package org.rilltokens.mcp.boundary;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts the MCP server of every project: one stateless server whose tools read the project and caller
 * from the request. Its servlet gets no URL of its own — {@link McpGate} forwards to it by name after
 * checking the token and the project, so nothing reaches it unchecked.
 */
@WebListener
public class McpEndpoint implements ServletContextListener {

    static final String SERVLET_NAME = "rill-mcp";

    private static final String INSTRUCTIONS = """
            Rill project data for the signed-in user. Call list_apis to see the project's data APIs and their \
            arguments, call_api to run one, describe_access to see the user's role and the attributes that \
            security policies use (explains rows or columns the user cannot see).""";

    @Inject
    McpTransport transport;

    @Inject
    ListApisTool listApis;

    @Inject
    CallApiTool callApi;

    @Inject
    DescribeAccessTool describeAccess;

    private McpStatelessSyncServer server;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        server = McpServer.sync(transport.servlet())
                .serverInfo("rill-tokens", "1")
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
                // Handlers run on the HTTP thread, where CDI, JPA and transactions are available.
                .immediateExecution(true)
                .jsonMapper(transport.json())
                .tools(listApis.specification(transport.json()), callApi.specification(transport.json()),
                        describeAccess.specification(transport.json()))
                .build();
        event.getServletContext().addServlet(SERVLET_NAME, transport.servlet());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (server != null) {
            server.close();
        }
    }
}
