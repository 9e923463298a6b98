package org.rilltokens.access.control;

import java.util.List;
import org.rilltokens.access.entity.ProjectRole;

/**
 * A user's effective role on one project: the most permissive of all their grants, the first of
 * {@code grants} (the rest are listed so people can see every path to the project).
 */
public record ProjectAccess(String org, String project, List<ProjectGrant> grants) {

    public ProjectAccess {
        if (grants.isEmpty()) {
            throw new IllegalArgumentException("a project access needs at least one grant");
        }
        grants = List.copyOf(grants);
    }

    public ProjectRole role() {
        return grants.get(0).role();
    }

    public RoleSource source() {
        return grants.get(0).source();
    }

    public boolean isAdmin() {
        return role() == ProjectRole.ADMIN;
    }

    public boolean can(Permission permission) {
        return Permission.grantedBy(role()).contains(permission);
    }
}
