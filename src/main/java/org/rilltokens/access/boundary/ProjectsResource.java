package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.rilltokens.audit.boundary.Actor;

/** {@code /v1/organizations/{org}/projects}: the projects the caller can see; create, rename, describe, delete. */
@Path("organizations/{org}/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectsResource {

    @Inject
    Projects projects;

    @PathParam("org")
    String org;

    @Inject
    Actor actor;

    @GET
    public Map<String, Object> list() {
        return Map.of("projects", projects.list(actor, org));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid ProjectRequest request) {
        ProjectInfo created = projects.create(actor, org, request.name(), request.description());
        return Response.status(Response.Status.CREATED).entity(Map.of("project", created)).build();
    }

    @GET
    @Path("{project}")
    public ProjectDetails get(@PathParam("project") String project) {
        return projects.get(actor, org, project);
    }

    @PUT
    @Path("{project}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("project") String project, @Valid ProjectRequest request) {
        return Map.of("project", projects.update(actor, org, project, request.name(), request.description()));
    }

    @DELETE
    @Path("{project}")
    public Map<String, Object> delete(@PathParam("project") String project) {
        projects.delete(actor, org, project);
        return Map.of();
    }
}
