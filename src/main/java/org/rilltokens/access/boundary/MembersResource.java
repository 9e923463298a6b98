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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.rilltokens.audit.boundary.Actor;

/** {@code /v1/organizations/{org}/members}: members, their roles and attributes; {@code current} leaves. */
@Path("organizations/{org}/members")
@Produces(MediaType.APPLICATION_JSON)
public class MembersResource {

    @Inject
    Members members;

    @PathParam("org")
    String org;

    @Inject
    Actor actor;

    @GET
    public MemberPage list(@QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken) {
        return members.list(actor, org, pageSize, pageToken);
    }

    /** The answer may carry an invitation link: like a new token, it must not be kept by any cache. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Valid MemberRequest request) {
        Added added = members.add(actor, org, request.email(), request.role());
        return Response.status(Response.Status.CREATED).entity(added).cacheControl(noStore()).build();
    }

    @PUT
    @Path("{email}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> changeRole(@PathParam("email") String email, @Valid RoleRequest request) {
        members.changeRole(actor, org, email, request.role());
        return Map.of();
    }

    @DELETE
    @Path("{email}")
    public Map<String, Object> remove(@PathParam("email") String email) {
        members.remove(actor, org, email);
        return Map.of();
    }

    @PUT
    @Path("{email}/attributes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setAttributes(@PathParam("email") String email, @Valid AttributesRequest request) {
        return Map.of("attributes", members.setAttributes(actor, org, email, request.attributes()));
    }

    static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
