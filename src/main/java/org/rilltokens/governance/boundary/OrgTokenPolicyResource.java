package org.rilltokens.governance.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.JsonBody;

/**
 * {@code GET, PUT /v1/organizations/{org}/token-policy} {@code {maxLifetimeMinutes}} (null: no maximum): a token issued
 * to live longer cannot reach the organization's projects. Read: members; change: org admins.
 */
@Path("organizations/{org}/token-policy")
@Produces(MediaType.APPLICATION_JSON)
public class OrgTokenPolicyResource {

    @Inject
    TokenPolicies policies;

    @Inject
    Actor actor;

    @GET
    public TokenPolicies.OrgPolicy get(@PathParam("org") String org) {
        return policies.org(actor, org);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenPolicies.OrgPolicy put(@PathParam("org") String org, String body) {
        JsonBody request = JsonBody.parse(body, Set.of("maxLifetimeMinutes"));
        return policies.changeOrg(actor, org, request.integer("maxLifetimeMinutes"));
    }
}
