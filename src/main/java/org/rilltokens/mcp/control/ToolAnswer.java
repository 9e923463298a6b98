package org.rilltokens.mcp.control;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rilltokens.platform.DomainException;

/**
 * What a tool returns: text for the model to read and the same facts as structured content for programs.
 * A refused call is a tool error (the model sees the message and can correct itself), never a protocol error.
 */
public record ToolAnswer(String text, Map<String, Object> structured, boolean error) {

    public static ToolAnswer of(String text, Map<String, Object> structured) {
        return new ToolAnswer(text, structured, false);
    }

    public static ToolAnswer refused(DomainException e) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("code", e.kind().code());
        structured.put("message", e.getMessage());
        if (e.field() != null) {
            structured.put("field", e.field());
        }
        return new ToolAnswer(e.getMessage(), structured, true);
    }

    public CallToolResult result() {
        return CallToolResult.builder().addTextContent(text).structuredContent(structured).isError(error).build();
    }
}
