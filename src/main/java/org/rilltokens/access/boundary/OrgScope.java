package org.rilltokens.access.boundary;

import java.util.Optional;
import org.rilltokens.access.control.OrgAccess;
import org.rilltokens.access.control.Permission;
import org.rilltokens.access.control.Standing;
import org.rilltokens.access.entity.OrgRole;
import org.rilltokens.access.entity.Organization;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.users.entity.User;

/**
 * An organization as one caller sees it: the caller's account, their access there (none for a superuser
 * who is not in it) and what they may do.
 */
public record OrgScope(Actor actor, User caller, Organization organization, Optional<OrgAccess> access, Standing standing) {

    public void require(Permission permission) {
        standing.require(permission);
    }

    public boolean can(Permission permission) {
        return standing.can(permission);
    }

    /** The caller's org role; a superuser outside the org has none. */
    public Optional<OrgRole> role() {
        return access.map(OrgAccess::role);
    }

    /** A change in this organization, for the audit trail. */
    public Change change(String kind, String subject, String before, String after) {
        return Change.inOrg(organization.id(), organization.name(), kind, subject, before, after);
    }

    public boolean isAdmin() {
        return role().filter(role -> role == OrgRole.ADMIN).isPresent();
    }
}
