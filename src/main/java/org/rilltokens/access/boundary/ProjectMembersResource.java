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
    Actor actor;

    @GET
    public Map<String, Object> list() {
        return Map.of("members", members.list(actor, org, project));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Valid MemberRequest request) {
        Added added = members.add(actor, org, project, request.email(), request.role());
        return Response.status(Response.Status.CREATED).entity(added).cacheControl(MembersResource.noStore()).build();
    }

    @PUT
    @Path("{email}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> changeRole(@PathParam("email") String email, @Valid RoleRequest request) {
        members.changeRole(actor, org, project, email, request.role());
        return Map.of();
    }

    @DELETE
    @Path("{email}")
    public Map<String, Object> remove(@PathParam("email") String email) {
        members.remove(actor, org, project, email);
        return Map.of();
    }
}
