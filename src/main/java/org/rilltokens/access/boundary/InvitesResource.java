package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.rilltokens.audit.boundary.Actor;

/** {@code /v1/organizations/{org}/invites}: pending invitations (never their links); withdraw one by email. */
@Path("organizations/{org}/invites")
@Produces(MediaType.APPLICATION_JSON)
public class InvitesResource {

    @Inject
    Invitations invitations;

    @PathParam("org")
    String org;

    @Inject
    Actor actor;

    @GET
    public Map<String, Object> list() {
        return Map.of("invites", invitations.list(actor, org));
    }

    @DELETE
    @Path("{email}")
    public Map<String, Object> withdraw(@PathParam("email") String email) {
        invitations.withdraw(actor, org, email);
        return Map.of();
    }
}
