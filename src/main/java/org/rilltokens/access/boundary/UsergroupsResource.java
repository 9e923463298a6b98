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

/** {@code /v1/organizations/{org}/usergroups}: an organization's groups and their members. */
@Path("organizations/{org}/usergroups")
@Produces(MediaType.APPLICATION_JSON)
public class UsergroupsResource {

    @Inject
    Usergroups usergroups;

    @PathParam("org")
    String org;

    @Inject
    Actor actor;

    @GET
    public Map<String, Object> list() {
        return Map.of("usergroups", usergroups.list(actor, org));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid UsergroupRequest request) {
        UsergroupInfo created = usergroups.create(actor, org, request.name());
        return Response.status(Response.Status.CREATED).entity(Map.of("usergroup", created)).build();
    }

    @PUT
    @Path("{group}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> rename(@PathParam("group") String group, @Valid UsergroupRequest request) {
        usergroups.rename(actor, org, group, request.name());
        return Map.of();
    }

    @DELETE
    @Path("{group}")
    public Map<String, Object> delete(@PathParam("group") String group) {
        usergroups.delete(actor, org, group);
        return Map.of();
    }

    @PUT
    @Path("{group}/members/{email}")
    public Map<String, Object> addMember(@PathParam("group") String group, @PathParam("email") String email) {
        usergroups.addMember(actor, org, group, email);
        return Map.of();
    }

    @DELETE
    @Path("{group}/members/{email}")
    public Map<String, Object> removeMember(@PathParam("group") String group, @PathParam("email") String email) {
        usergroups.removeMember(actor, org, group, email);
        return Map.of();
    }
}
