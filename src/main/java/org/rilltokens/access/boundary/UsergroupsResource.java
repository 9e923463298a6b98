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

/** {@code /v1/organizations/{org}/usergroups}: an organization's groups and their members. */
@Path("organizations/{org}/usergroups")
@Produces(MediaType.APPLICATION_JSON)
public class UsergroupsResource {

    @Inject
    Usergroups usergroups;

    @PathParam("org")
    String org;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public Map<String, Object> list() {
        return Map.of("usergroups", usergroups.list(caller(), org));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        UsergroupInfo created = usergroups.create(caller(), org, JsonBody.parse(body, Set.of("name")).string("name"));
        return Response.status(Response.Status.CREATED).entity(Map.of("usergroup", created)).build();
    }

    @PUT
    @Path("{group}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> rename(@PathParam("group") String group, String body) {
        usergroups.rename(caller(), org, group, JsonBody.parse(body, Set.of("name")).string("name"));
        return Map.of();
    }

    @DELETE
    @Path("{group}")
    public Map<String, Object> delete(@PathParam("group") String group) {
        usergroups.delete(caller(), org, group);
        return Map.of();
    }

    @PUT
    @Path("{group}/members/{email}")
    public Map<String, Object> addMember(@PathParam("group") String group, @PathParam("email") String email) {
        usergroups.addMember(caller(), org, group, email);
        return Map.of();
    }

    @DELETE
    @Path("{group}/members/{email}")
    public Map<String, Object> removeMember(@PathParam("group") String group, @PathParam("email") String email) {
        usergroups.removeMember(caller(), org, group, email);
        return Map.of();
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
