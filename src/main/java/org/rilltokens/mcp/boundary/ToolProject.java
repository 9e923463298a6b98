package org.rilltokens.mcp.boundary;

import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.apis.boundary.Apis;
import org.rilltokens.mcp.control.McpCaller;
import org.rilltokens.platform.DomainException;

/**
 * The project a tool call is about: a project's endpoint is about its own (resolved by the gate), an organization's
 * endpoint takes a {@code project} argument on every tool, decided like any request through {@link Apis#reader}.
 */
final class ToolProject {

    static final String ARGUMENT = "project";
    private static final String PROPERTY = """
            "project": {"type": "string", "description": "The project's name in this organization, as list_projects shows it, e.g. sales"}""";

    private ToolProject() {
    }

    static ProjectCaller of(McpCaller caller, CallToolRequest request, Apis apis) {
        if (caller.access().isPresent()) {
            return caller.access().get();
        }
        Object named = request.arguments() == null ? null : request.arguments().get(ARGUMENT);
        if (!(named instanceof String project) || project.isBlank()) {
            throw DomainException.invalid(ARGUMENT, "Name the project: 'project' is required on the endpoint of organization "
                    + caller.org() + " (list_projects shows its projects)");
        }
        return apis.reader(caller.userId(), caller.scope(), caller.org(), project.strip());
    }

    /** A tool's input schema: its own properties (JSON members) and, on an organization's endpoint, the project first. */
    static String schema(boolean orgWide, String properties, String... required) {
        List<String> names = new ArrayList<>(List.of(required));
        String all = properties.strip();
        if (orgWide) {
            names.add(0, ARGUMENT);
            all = all.isEmpty() ? PROPERTY : PROPERTY + ",\n" + all;
        }
        String requiredList = names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(", "));
        return "{\"type\": \"object\", \"properties\": {" + all + "}," + (names.isEmpty() ? "" : " \"required\": [" + requiredList + "],")
                + " \"additionalProperties\": false}";
    }
}
