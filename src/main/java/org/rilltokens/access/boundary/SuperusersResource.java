package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.rilltokens.audit.boundary.Actor;
import jakarta.ws.rs.core.Response;
import org.rilltokens.audit.boundary.AuditExport;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;

/**
 * {@code /v1/superuser}: superusers only. {@code members} lists and changes who is a superuser, {@code users}
 * every account and whether it is active, {@code audit} the whole trail.
 */
@Path("superuser")
@Produces(MediaType.APPLICATION_JSON)
public class SuperusersResource {

    @Inject
    Superusers superusers;

    @Inject
    Actor actor;

    @Inject
    AuditTrail trail;

    @GET
    @Path("members")
    public Map<String, Object> superusers() {
        return Map.of("members", superusers.superusers(actor));
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setSuperuser(@Valid SuperuserRequest request) {
        superusers.setSuperuser(actor, request.email(), request.superuser());
        return Map.of();
    }

    @GET
    @Path("users")
    public Map<String, Object> accounts() {
        return Map.of("users", superusers.accounts(actor));
    }

    @PUT
    @Path("users/{email}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setActive(@PathParam("email") String email, @Valid ActiveRequest request) {
        superusers.setActive(actor, email, request.active());
        return Map.of();
    }

    @GET
    @Path("audit")
    public AuditPage audit(@QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken) {
        return superusers.audit(actor, person, kind, pageSize, pageToken);
    }

    /** {@code GET /v1/superuser/audit/export?format=csv|json&from=&to=&person=&kind=}: the whole trail as a download. */
    @GET
    @Path("audit/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response exportAudit(@QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        AuditTrail.Selection selection = superusers.auditOf(actor, person, kind, AuditExport.instant("from", from),
                AuditExport.instant("to", to));
        return AuditExport.of(trail, selection, AuditExport.Format.of(format), "audit");
    }
}
