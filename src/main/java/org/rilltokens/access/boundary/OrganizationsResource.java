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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.JsonBody;
import org.rilltokens.users.boundary.TokenCaller;

/** {@code /v1/organizations}: the caller's organizations; superusers create, rename and delete them. */
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    private static final Set<String> FIELDS = Set.of("name", "displayName");

    @Inject
    Organizations organizations;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public Map<String, Object> list() {
        return Map.of("organizations", organizations.list(caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonBody request = JsonBody.parse(body, FIELDS);
        OrgInfo created = organizations.create(caller(), request.string("name"), request.string("displayName"));
        return Response.status(Response.Status.CREATED).entity(Map.of("organization", created)).build();
    }

    @GET
    @Path("{org}")
    public OrgDetails get(@PathParam("org") String org) {
        return organizations.get(caller(), org);
    }

    @PUT
    @Path("{org}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("org") String org, String body) {
        JsonBody request = JsonBody.parse(body, FIELDS);
        return Map.of("organization", organizations.update(caller(), org, request.string("name"), request.string("displayName")));
    }

    @DELETE
    @Path("{org}")
    public Map<String, Object> delete(@PathParam("org") String org) {
        organizations.delete(caller(), org);
        return Map.of();
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
