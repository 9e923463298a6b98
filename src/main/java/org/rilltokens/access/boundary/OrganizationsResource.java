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

/** {@code /v1/organizations}: the caller's organizations; superusers create, rename and delete them. */
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    @Inject
    Organizations organizations;

    @Inject
    Actor actor;

    @GET
    public Map<String, Object> list() {
        return Map.of("organizations", organizations.list(actor));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid OrganizationRequest request) {
        OrgInfo created = organizations.create(actor, request.name(), request.displayName());
        return Response.status(Response.Status.CREATED).entity(Map.of("organization", created)).build();
    }

    @GET
    @Path("{org}")
    public OrgDetails get(@PathParam("org") String org) {
        return organizations.get(actor, org);
    }

    @PUT
    @Path("{org}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("org") String org, @Valid OrganizationRequest request) {
        return Map.of("organization", organizations.update(actor, org, request.name(), request.displayName()));
    }

    @DELETE
    @Path("{org}")
    public Map<String, Object> delete(@PathParam("org") String org) {
        organizations.delete(actor, org);
        return Map.of();
    }
}
