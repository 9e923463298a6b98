package org.rilltokens.access.boundary;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.rilltokens.access.entity.Invitation;

/** A pending invitation as admins see it: never its link. */
public record InviteInfo(String email, String role, String invitedBy, Instant expiresOn, boolean expired,
        List<ProjectRoleInfo> projects) {

    /** A project role the invitation gives once accepted. */
    public record ProjectRoleInfo(String name, String role) {
    }

    static InviteInfo of(Invitation invitation, boolean expired) {
        List<ProjectRoleInfo> projects = invitation.projectRoles().entrySet().stream()
                .map(grant -> new ProjectRoleInfo(grant.getKey().name(), grant.getValue().label()))
                .sorted(Comparator.comparing(ProjectRoleInfo::name)).toList();
        return new InviteInfo(invitation.email(), invitation.role().label(),
                invitation.invitedBy() == null ? null : invitation.invitedBy().email(), invitation.expiresOn(), expired, projects);
    }
}
