package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.JsonBody;
import org.rilltokens.platform.QueryParameters;
import org.rilltokens.users.boundary.TokenCaller;

/** {@code /v1/organizations/{org}/members}: members, their roles and attributes; {@code current} leaves. */
@Path("organizations/{org}/members")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    private static final Set<String> ADD_FIELDS = Set.of("email", "role");

    @Inject
    Members members;

    @PathParam("org")
    String org;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public MemberPage list(@QueryParam("pageSize") String pageSize, @QueryParam("pageToken") String pageToken) {
        return members.list(caller(), org, QueryParameters.integer("pageSize", pageSize), pageToken);
    }

    /** The answer may carry an invitation link: like a new token, it must not be kept by any cache. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        JsonBody request = JsonBody.parse(body, ADD_FIELDS);
        Added added = members.add(caller(), org, request.string("email"), request.string("role"));
        return Response.status(Response.Status.CREATED).entity(added).cacheControl(noStore()).build();
    }

    @PUT
    @Path("{email}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> changeRole(@PathParam("email") String email, String body) {
        members.changeRole(caller(), org, email, JsonBody.parse(body, Set.of("role")).string("role"));
        return Map.of();
    }

    @DELETE
    @Path("{email}")
    public Map<String, Object> remove(@PathParam("email") String email) {
        members.remove(caller(), org, email);
        return Map.of();
    }

    @PUT
    @Path("{email}/attributes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setAttributes(@PathParam("email") String email, String body) {
        Map<String, Object> attributes = JsonBody.parse(body, Set.of("attributes")).object("attributes");
        return Map.of("attributes", members.setAttributes(caller(), org, email, attributes));
    }

    static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
