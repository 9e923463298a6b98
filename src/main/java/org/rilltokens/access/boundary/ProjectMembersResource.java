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

/** {@code /v1/organizations/{org}/projects/{project}/members}: direct project roles; an outsider becomes an org guest. */
@Path("organizations/{org}/projects/{project}/members")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectMembersResource {

    @Inject
    ProjectMembers members;

    @PathParam("org")
    String org;

    @PathParam("project")
    String project;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public Map<String, Object> list() {
        return Map.of("members", members.list(caller(), org, project));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(String body) {
        JsonBody request = JsonBody.parse(body, Set.of("email", "role"));
        Added added = members.add(caller(), org, project, request.string("email"), request.string("role"));
        return Response.status(Response.Status.CREATED).entity(added).cacheControl(MembersResource.noStore()).build();
    }

    @PUT
    @Path("{email}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> changeRole(@PathParam("email") String email, String body) {
        members.changeRole(caller(), org, project, email, JsonBody.parse(body, Set.of("role")).string("role"));
        return Map.of();
    }

    @DELETE
    @Path("{email}")
    public Map<String, Object> remove(@PathParam("email") String email) {
        members.remove(caller(), org, project, email);
        return Map.of();
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
