package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.JsonBody;
import org.rilltokens.users.boundary.TokenCaller;

/**
 * {@code /v1/organizations/{org}/autoinvite}: join by domain. {@code GET} lists the domains, {@code POST
 * {"domain":"acme.example","role":"viewer"}} adds one (or changes its role), {@code DELETE .../autoinvite/{domain}}
 * takes one away.
 */
@Path("organizations/{org}/autoinvite")
@Produces(MediaType.APPLICATION_JSON)
public class AutoinvitesResource {

    @Inject
    Autoinvites autoinvites;

    @PathParam("org")
    String org;

    @Context
    HttpServletRequest request;

    @GET
    public Map<String, Object> list() {
        return Map.of("autoinvite", autoinvites.list(caller(), org));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> put(String body) {
        JsonBody given = JsonBody.parse(body, Set.of("domain", "role"));
        return Map.of("autoinvite", autoinvites.put(caller(), org, given.string("domain"), given.string("role")));
    }

    @DELETE
    @Path("{domain}")
    public Map<String, Object> remove(@PathParam("domain") String domain) {
        autoinvites.remove(caller(), org, domain);
        return Map.of();
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(request);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
