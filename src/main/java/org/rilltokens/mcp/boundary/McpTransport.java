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
 * The SDK's stateless Streamable HTTP transport (a servlet) and the rules {@link McpGate} applies in front
 * of it, configured together so both speak the same protocol versions and JSON.
 */
@ApplicationScoped
public class McpTransport {

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "rill.mcp.max-request-bytes", defaultValue = "1048576")
    int maxRequestBytes;

    private McpJsonMapper json;
    private HttpServletStatelessServerTransport servlet;
    private McpRequestRules rules;

    @PostConstruct
    void build() {
        json = new JacksonMcpJsonMapper(new ObjectMapper());
        servlet = HttpServletStatelessServerTransport.builder().jsonMapper(json)
                // The transport only checks that the request path ends with this.
                .messageEndpoint("/runtime/mcp")
                .contextExtractor(McpCaller::context)
                .maxRequestSize(maxRequestBytes)
                .build();
        // Payara's config producer cannot inject an Optional<List<String>>; ask for the list directly.
        List<String> allowedOrigins = config.getOptionalValues("rill.mcp.allowed-origins", String.class).orElse(List.of());
        rules = new McpRequestRules(allowedOrigins, servlet.protocolVersions(), maxRequestBytes, json);
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

    public HttpServletStatelessServerTransport servlet() {
        return servlet;
    }

    public McpRequestRules rules() {
        return rules;
    }
}
