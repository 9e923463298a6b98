package org.rilltokens.access.boundary;

import java.util.Optional;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.ProjectAccess;
import org.rilltokens.access.control.Standing;
import org.rilltokens.access.entity.Project;

/** A project as one caller sees it, inside the {@link OrgScope} of its organization. */
public record ProjectScope(OrgScope org, Project project, Optional<ProjectAccess> access, Standing standing) {

    public void require(Permission permission) {
        standing.require(permission);
    }

    public boolean can(Permission permission) {
        return standing.can(permission);
    }
}
