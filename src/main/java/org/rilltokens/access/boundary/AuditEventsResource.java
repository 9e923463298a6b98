package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rilltokens.audit.boundary.Actor;
import jakarta.ws.rs.core.Response;
import org.rilltokens.audit.boundary.AuditExport;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;

/**
 * {@code GET /v1/organizations/{org}/audit} (org admins, superusers): the organization's trail of administration,
 * newest first, filtered by {@code person} (who acted or was acted on) and {@code kind} ({@code member.role},
 * or a family such as {@code member}). Superusers read everything at {@code /v1/superuser/audit}.
 */
@Path("organizations/{org}/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

    @Inject
    Organizations organizations;

    @Inject
    Actor actor;

    @Inject
    AuditTrail trail;

    @GET
    public AuditPage org(@PathParam("org") String org, @QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("pageSize") Integer pageSize, @QueryParam("pageToken") String pageToken) {
        return organizations.audit(actor, org, person, kind, pageSize, pageToken);
    }

    /** {@code GET …/audit/export?format=csv|json&from=&to=&person=&kind=}: the selection as a download, oldest first. */
    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("org") String org, @QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        AuditTrail.Selection selection = organizations.auditOf(actor, org, person, kind, AuditExport.instant("from", from),
                AuditExport.instant("to", to));
        return AuditExport.of(trail, selection, AuditExport.Format.of(format), "audit-" + org);
    }
}
