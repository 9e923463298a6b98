package org.rilltokens.mcp.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The projects of an organization that a connection may query, each with what its authors tell assistants. */
public final class ProjectListing {

    /** One project the connection reaches; {@code instructions} are its authors' ({@code ai_instructions}), if any. */
    public record Listed(String name, Optional<String> instructions) {
    }

    private ProjectListing() {
    }

    public static ToolAnswer of(String org, List<Listed> projects) {
        StringBuilder text = new StringBuilder();
        if (projects.isEmpty()) {
            text.append("This connection reaches no project of ").append(org).append(" whose data it may query.");
        } else {
            text.append(projects.size()).append(projects.size() == 1 ? " project" : " projects").append(" of ").append(org)
                    .append(" you may query (pass its name as 'project' to list_apis, call_api and describe_access):\n");
        }
        for (Listed project : projects) {
            text.append("\n- ").append(project.name());
            project.instructions().ifPresent(words -> text.append("\n  instructions: ").append(words.strip().replaceAll("\\s+", " ")));
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("organization", org);
        structured.put("projects", projects.stream().map(project -> {
            Map<String, Object> described = new LinkedHashMap<>();
            described.put("name", project.name());
            project.instructions().ifPresent(words -> described.put("aiInstructions", words));
            return described;
        }).toList());
        return ToolAnswer.of(text.toString(), structured);
    }
}
