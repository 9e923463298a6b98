package org.rilltokens.governance.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.JsonBody;

/**
 * {@code GET /v1/superuser/token-policy} (anyone: what they may issue), {@code PUT} (superusers)
 * {@code {maxLifetimeMinutes, expirationRequired, unusedDays}}: every field optional, {@code maxLifetimeMinutes: null}
 * lifts the maximum.
 */
@Path("superuser/token-policy")
@Produces(MediaType.APPLICATION_JSON)
public class TokenPolicyResource {

    @Inject
    TokenPolicies policies;

    @Inject
    Actor actor;

    @GET
    public TokenPolicies.InstancePolicy get() {
        return policies.instance(actor);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public TokenPolicies.InstancePolicy put(String body) {
        JsonBody request = JsonBody.parse(body, Set.of("maxLifetimeMinutes", "expirationRequired", "unusedDays"));
        TokenPolicies.InstancePolicy now = policies.instance(actor);
        Long max = request.values().containsKey("maxLifetimeMinutes") ? request.integer("maxLifetimeMinutes") : now.maxLifetimeMinutes();
        return policies.changeInstance(actor, max, request.bool("expirationRequired"), request.integer("unusedDays"));
    }
}
