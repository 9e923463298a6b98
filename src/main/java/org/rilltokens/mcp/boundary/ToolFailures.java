package org.rilltokens.mcp.boundary;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rilltokens.mcp.control.ToolAnswer;
import org.rilltokens.platform.DomainException;

/**
 * A failed tool call becomes a tool error the model can read and act on, the way the REST API turns the
 * same failure into a 4xx; an unexpected failure is logged and reported without its stack trace.
 */
final class ToolFailures {

    private static final Logger LOG = Logger.getLogger(ToolFailures.class.getName());

    private ToolFailures() {
    }

    static BiFunction<McpTransportContext, CallToolRequest, CallToolResult> guarded(String tool,
            BiFunction<McpTransportContext, CallToolRequest, CallToolResult> handler) {
        return (context, request) -> {
            try {
                return handler.apply(context, request);
            } catch (DomainException e) {
                return answer(e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "MCP tool " + tool + " failed", e);
                return new ToolAnswer("The server failed to run " + tool + "; the failure is logged. Try again later.",
                        Map.of("code", "internal"), true).result();
            }
        };
    }

    static CallToolResult answer(DomainException e) {
        return ToolAnswer.refused(e).result();
    }
}
