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

/** {@code GET /v1/superuser/tokens?user=EMAIL}, {@code DELETE /v1/superuser/tokens/{tokenId}}: every token (superusers). */
@Path("superuser/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class AllTokensResource {

    @Inject
    TokenOversight oversight;

    @Inject
    Actor actor;

    @GET
    public Map<String, List<OverseenToken>> list(@QueryParam("user") String user) {
        return Map.of("tokens", oversight.all(actor, user));
    }

    @DELETE
    @Path("{tokenId}")
    public Map<String, Object> revoke(@PathParam("tokenId") String tokenId) {
        oversight.revokeAny(actor, tokenId);
        return Map.of();
    }
}
