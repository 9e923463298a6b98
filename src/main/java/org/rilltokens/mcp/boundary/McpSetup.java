package org.rilltokens.mcp.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.access.control.Permission;
import org.rilltokens.mcp.control.ClientConfigs;
import org.rilltokens.mcp.control.McpPath;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.web.PublicAddress;

/** The MCP URL and client configurations the portal shows for a project (WEB-INF/includes/mcp-setup.xhtml). */
@Named
@RequestScoped
public class McpSetup {

    @Inject
    HttpServletRequest request;

    @Inject
    ActiveUser user;

    @Inject
    Access access;

    @Inject
    PublicAddress address;

    private List<McpPath> projects;

    public ClientConfigs configs(String org, String project) {
        return ClientConfigs.of(new McpPath(org, project), server());
    }

    public String getTokenPlaceholder() {
        return ClientConfigs.TOKEN_PLACEHOLDER;
    }

    /** Every project whose data the signed-in user can query, so whose MCP endpoint answers them. */
    public List<McpPath> getProjects() {
        if (projects == null) {
            projects = readableProjects();
        }
        return projects;
    }

    /** The org-wide endpoints (one per organization with a project they can query), which serve all its projects. */
    public List<String> getOrganizationUrls() {
        return getProjects().stream().map(McpPath::org).distinct().map(org -> McpPath.orgWide(org).url(server())).toList();
    }

    private List<McpPath> readableProjects() {
        return access.of(user.id()).stream().flatMap(org -> org.projects().stream())
                .filter(project -> project.can(Permission.READ_PROJECT_DATA))
                .map(project -> new McpPath(project.org(), project.project())).toList();
    }

    /** The server's public address, the one its MCP endpoints answer at. */
    private String server() {
        return address.url(request, "");
    }
}
