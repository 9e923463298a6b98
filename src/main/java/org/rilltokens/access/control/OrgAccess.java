package org.rilltokens.access.control;

import java.util.List;
import java.util.Optional;
import org.rilltokens.access.entity.OrgRole;

/**
 * A user's standing in one organization: their org role ({@code GUEST} when they only hold project
 * roles there), the groups they belong to, and every project they can reach with its effective role.
 */
public record OrgAccess(String org, OrgRole role, boolean member, List<String> groups, List<ProjectAccess> projects) {

    public OrgAccess {
        groups = List.copyOf(groups);
        projects = List.copyOf(projects);
    }

    public boolean can(Permission permission) {
        return Permission.grantedBy(role).contains(permission);
    }

    public Optional<ProjectAccess> project(String name) {
        return projects.stream().filter(project -> project.project().equals(name)).findFirst();
    }
}
