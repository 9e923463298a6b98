package org.rilltokens.governance.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.rilltokens.tokens.boundary.TokenInfo;

/**
 * A token as an org admin or superuser sees it: whose it is and its metadata, never its secret. {@code blockedIn}
 * names the organizations whose maximum lifetime it exceeds; {@code ownerReachesOrg} (org views only) whether its
 * owner is still in the organization.
 */
public record OverseenToken(UUID id, String prefix, String displayName, String owner, String ownerName, Instant createdOn,
        Instant expiresOn, Instant usedOn, String usedIp, List<String> projects, boolean readOnly, List<String> blockedIn,
        Boolean ownerReachesOrg) {

    static OverseenToken of(TokenInfo info, String owner, String ownerName, Boolean ownerReachesOrg) {
        return new OverseenToken(info.id(), info.prefix(), info.displayName(), owner, ownerName, info.createdOn(),
                info.expiresOn(), info.usedOn(), info.usedIp(), info.projects(), info.readOnly(), info.blockedIn(),
                ownerReachesOrg);
    }

    /** What the token reaches besides its owner's roles, in words. */
    public String access() {
        String reach = projects == null ? "All the owner's access" : String.join(", ", projects);
        return readOnly ? reach + " · read-only" : reach;
    }
}
