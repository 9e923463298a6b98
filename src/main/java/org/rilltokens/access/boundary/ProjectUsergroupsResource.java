package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.rilltokens.audit.boundary.Actor;

/** {@code /v1/organizations/{org}/projects/{project}/usergroups}: the roles user groups hold on the project. */
@Path("organizations/{org}/projects/{project}/usergroups")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectUsergroupsResource {

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
        return Map.of("usergroups", members.groupRoles(actor, org, project));
    }

    @PUT
    @Path("{group}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setRole(@PathParam("group") String group, @Valid RoleRequest request) {
        members.setGroupRole(actor, org, project, group, request.role());
        return Map.of();
    }

    @DELETE
    @Path("{group}/roles")
    public Map<String, Object> removeRole(@PathParam("group") String group) {
        members.removeGroupRole(actor, org, project, group);
        return Map.of();
    }
}
