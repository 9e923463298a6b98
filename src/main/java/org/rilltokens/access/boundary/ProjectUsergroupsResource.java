package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public Map<String, Object> list() {
        return Map.of("usergroups", members.groupRoles(caller(), org, project));
    }

    @PUT
    @Path("{group}/roles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setRole(@PathParam("group") String group, String body) {
        members.setGroupRole(caller(), org, project, group, JsonBody.parse(body, Set.of("role")).string("role"));
        return Map.of();
    }

    @DELETE
    @Path("{group}/roles")
    public Map<String, Object> removeRole(@PathParam("group") String group) {
        members.removeGroupRole(caller(), org, project, group);
        return Map.of();
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
