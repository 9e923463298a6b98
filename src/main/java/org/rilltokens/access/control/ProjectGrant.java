package org.rilltokens.access.control;

import java.util.Objects;
import org.rilltokens.access.entity.ProjectRole;

/** One reason a user holds a role on a project. */
public record ProjectGrant(String org, String project, ProjectRole role, RoleSource source) {

    public ProjectGrant {
        Objects.requireNonNull(org);
        Objects.requireNonNull(project);
        Objects.requireNonNull(role);
        Objects.requireNonNull(source);
    }
}
