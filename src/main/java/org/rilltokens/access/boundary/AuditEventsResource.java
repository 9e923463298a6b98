package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.rilltokens.audit.boundary.Actor;
import jakarta.ws.rs.core.Response;
import org.rilltokens.audit.boundary.AuditExport;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.QueryParameters;
import org.rilltokens.users.boundary.TokenCaller;

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
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Inject
    AuditTrail trail;

    @GET
    public AuditPage org(@PathParam("org") String org, @QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("pageSize") String pageSize, @QueryParam("pageToken") String pageToken) {
        return organizations.audit(caller(), org, person, kind, QueryParameters.integer("pageSize", pageSize), pageToken);
    }

    /** {@code GET …/audit/export?format=csv|json&from=&to=&person=&kind=}: the selection as a download, oldest first. */
    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("org") String org, @QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        AuditTrail.Selection selection = organizations.auditOf(caller(), org, person, kind, AuditExport.instant("from", from),
                AuditExport.instant("to", to));
        return AuditExport.of(trail, selection, AuditExport.Format.of(format), "audit-" + org);
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
