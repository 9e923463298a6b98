package org.rilltokens.mcp.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.rilltokens.access.control.ProjectCaller;
import org.rilltokens.access.control.ProjectGrant;

/**
 * Who the token acts as on a project, so an assistant can explain missing rows or columns: the effective
 * role and where it comes from, every other grant, and the attributes security policies evaluate.
 */
public final class AccessDescription {

    private AccessDescription() {
    }

    public static ToolAnswer of(String email, ProjectCaller access) {
        Map<String, Object> structured = new LinkedHashMap<>();
        structured.put("email", email);
        structured.put("project", access.access().org() + "/" + access.access().project());
        structured.put("role", role(access.access().grants().get(0)));
        structured.put("roleSource", access.access().source().toString());
        structured.put("grants", access.access().grants().stream()
                .map(grant -> Map.of("role", role(grant), "source", grant.source().toString())).toList());
        structured.put("attributes", access.attributes().byName());
        return ToolAnswer.of(text(email, access), structured);
    }

    private static String text(String email, ProjectCaller access) {
        List<ProjectGrant> grants = access.access().grants();
        StringBuilder text = new StringBuilder();
        text.append("This token acts as ").append(email).append(" on project ").append(access.access().org()).append('/')
                .append(access.access().project()).append(".\nEffective role: ").append(role(grants.get(0))).append(" (from ")
                .append(grants.get(0).source()).append(").");
        if (grants.size() > 1) {
            text.append("\nAlso granted: ").append(String.join(", ", grants.subList(1, grants.size()).stream()
                    .map(grant -> role(grant) + " (from " + grant.source() + ")").toList())).append('.');
        }
        text.append("\nAttributes that API security policies see (as {{ .user.NAME }}):");
        access.attributes().byName().forEach((name, value) -> text.append("\n  ").append(name).append(" = ").append(value));
        text.append("\nRow filters and column rules use these attributes; 'admin' is true only for project admins.");
        return text.toString();
    }

    private static String role(ProjectGrant grant) {
        return grant.role().name().toLowerCase(Locale.ROOT);
    }
}
