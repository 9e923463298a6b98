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

/** {@code /v1/organizations/{org}/projects}: the projects the caller can see; create, rename, describe, delete. */
@Path("organizations/{org}/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    private static final Set<String> FIELDS = Set.of("name", "description");

    @Inject
    Projects projects;

    @PathParam("org")
    String org;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public Map<String, Object> list() {
        return Map.of("projects", projects.list(caller(), org));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonBody request = JsonBody.parse(body, FIELDS);
        ProjectInfo created = projects.create(caller(), org, request.string("name"), request.string("description"));
        return Response.status(Response.Status.CREATED).entity(Map.of("project", created)).build();
    }

    @GET
    @Path("{project}")
    public ProjectDetails get(@PathParam("project") String project) {
        return projects.get(caller(), org, project);
    }

    @PUT
    @Path("{project}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("project") String project, String body) {
        JsonBody request = JsonBody.parse(body, FIELDS);
        return Map.of("project", projects.update(caller(), org, project, request.string("name"), request.string("description")));
    }

    @DELETE
    @Path("{project}")
    public Map<String, Object> delete(@PathParam("project") String project) {
        projects.delete(caller(), org, project);
        return Map.of();
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
