package org.rilltokens.mcp.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rilltokens.apis.boundary.Apis;
import org.rilltokens.apis.control.ApiDefinition;
import org.rilltokens.apis.control.ApiParameter;

/**
 * The APIs a caller may call, with what an assistant needs to call them right: what each returns, its arguments,
 * and what the project's authors tell assistants about the project and each API ({@code ai_instructions}). APIs
 * whose access rule refuses the caller are only named, so the assistant can say why.
 */
public final class ApiListing {

    private ApiListing() {
    }

    public static ToolAnswer of(McpPath path, Optional<String> instructions, List<Apis.Offered> offered) {
        List<ApiDefinition> callable = offered.stream().filter(Apis.Offered::admitted).map(Apis.Offered::api).toList();
        List<String> refused = offered.stream().filter(o -> !o.admitted()).map(o -> o.api().name()).toList();
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("project", path.toString());
        instructions.ifPresent(text -> structured.put("aiInstructions", text));
        structured.put("apis", callable.stream().map(ApiListing::describe).toList());
        structured.put("notAdmitted", refused);
        return ToolAnswer.of(text(path, instructions, callable, refused), structured);
    }

    private static Map<String, Object> describe(ApiDefinition api) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", api.name());
        putIfPresent(described, "summary", api.summary());
        putIfPresent(described, "description", api.description());
        putIfPresent(described, "aiInstructions", api.aiInstructions());
        List<Map<String, Object>> arguments = new ArrayList<>();
        for (ApiParameter parameter : api.parameters()) {
            Map<String, Object> argument = new LinkedHashMap<>();
            argument.put("name", parameter.name());
            argument.put("type", parameter.type());
            putIfPresent(argument, "format", parameter.format());
            argument.put("required", parameter.required());
            putIfPresent(argument, "description", parameter.description());
            arguments.add(argument);
        }
        described.put("arguments", arguments);
        return described;
    }

    private static String text(McpPath path, Optional<String> instructions, List<ApiDefinition> callable, List<String> refused) {
        StringBuilder text = new StringBuilder();
        instructions.ifPresent(words -> text.append("Instructions from the authors of ").append(path).append(": ")
                .append(words.strip()).append("\n\n"));
        text.append(callable.size()).append(callable.size() == 1 ? " API" : " APIs").append(" you may call in ")
                .append(path).append(" (use call_api):\n");
        for (ApiDefinition api : callable) {
            text.append("\n- ").append(api.name());
            if (api.summary() != null) {
                text.append(": ").append(api.summary());
            }
            if (api.description() != null && !api.description().equals(api.summary())) {
                text.append("\n  ").append(api.description().strip().replaceAll("\\s+", " "));
            }
            if (api.aiInstructions() != null && !api.aiInstructions().isBlank()) {
                text.append("\n  instructions: ").append(api.aiInstructions().strip().replaceAll("\\s+", " "));
            }
            text.append(api.parameters().isEmpty() ? "\n  arguments: none" : "\n  arguments:");
            for (ApiParameter parameter : api.parameters()) {
                text.append("\n    ").append(parameter.name()).append(" (").append(parameter.type())
                        .append(parameter.format() == null ? "" : ", " + parameter.format())
                        .append(parameter.required() ? ", required" : ", optional").append(')')
                        .append(parameter.description() == null ? "" : ": " + parameter.description());
            }
        }
        if (!refused.isEmpty()) {
            text.append("\n\nNot open to you (their security policy does not admit you): ").append(String.join(", ", refused));
        }
        return text.toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
