package org.rilltokens.governance.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.rilltokens.audit.boundary.Actor;

/**
 * {@code GET /v1/organizations/{org}/tokens?user=EMAIL}: every live token that can reach the organization, with its
 * owner (org admins, superusers); {@code DELETE …/tokens/{tokenId}} revokes one.
 */
@Path("organizations/{org}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class OrgTokensResource {

    @Inject
    TokenOversight oversight;

    @Inject
    Actor actor;

    @GET
    public Map<String, List<OverseenToken>> list(@PathParam("org") String org, @QueryParam("user") String user) {
        return Map.of("tokens", oversight.inOrg(actor, org, user));
    }

    @DELETE
    @Path("{tokenId}")
    public Map<String, Object> revoke(@PathParam("org") String org, @PathParam("tokenId") String tokenId) {
        oversight.revokeInOrg(actor, org, tokenId);
        return Map.of();
    }
}
