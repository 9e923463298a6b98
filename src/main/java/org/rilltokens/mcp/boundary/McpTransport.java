package org.rilltokens.mcp.boundary;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rilltokens.mcp.control.McpCaller;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.mcp.control.McpRequestRules;
import org.rilltokens.mcp.control.Refusal;
import org.rilltokens.platform.BodyLimit;

/**
 * The SDK's stateless Streamable HTTP transports (servlets: one for the projects' endpoints, one for the
 * organizations') and the rules {@link McpGate} applies in front of them, configured together so all speak the same
 * protocol versions and JSON.
 */
@ApplicationScoped
public class McpTransport {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "rill.mcp.max-request-bytes", defaultValue = "1048576")
    int maxRequestBytes;

    private McpJsonMapper json;
    private HttpServletStatelessServerTransport projects;
    private HttpServletStatelessServerTransport organizations;
    private McpRequestRules rules;

    @PostConstruct
    void build() {
        json = new JacksonMcpJsonMapper(new ObjectMapper());
        projects = transport("/runtime/mcp");
        organizations = transport("/mcp");
        // Payara's config producer cannot inject an Optional<List<String>>; ask for the list directly.
        List<String> allowedOrigins = config.getOptionalValues("rill.mcp.allowed-origins", String.class).orElse(List.of());
        rules = new McpRequestRules(allowedOrigins, projects.protocolVersions(), maxRequestBytes, json);
    }

    private HttpServletStatelessServerTransport transport(String endpointSuffix) {
        // The transport only checks that the request path ends with its endpoint.
        return HttpServletStatelessServerTransport.builder().jsonMapper(json).messageEndpoint(endpointSuffix)
                .contextExtractor(McpCaller::context).maxRequestSize(maxRequestBytes).build();
    }

    /** MCP messages may be larger than API bodies; a refusal is a JSON-RPC error like every other MCP answer. */
    @Produces
    BodyLimit bodyLimit() {
        return new BodyLimit(path -> McpPath.of(path).isPresent(), maxRequestBytes, "application/json",
                refusal -> Refusal.invalid(refusal.kind().status, refusal.getMessage()).json());
    }

    public McpJsonMapper json() {
        return json;
    }

    /** The transport of the projects' endpoints, or of the organizations'. */
    public HttpServletStatelessServerTransport servlet(boolean orgWide) {
        return orgWide ? organizations : projects;
    }

    public McpRequestRules rules() {
        return rules;
    }
}
