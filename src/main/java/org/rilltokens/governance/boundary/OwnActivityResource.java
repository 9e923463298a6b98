package org.rilltokens.governance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rilltokens.audit.boundary.AuditExport;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.QueryParameters;
import org.rilltokens.users.boundary.TokenCaller;

/**
 * {@code GET /v1/users/current/audit?kind=&pageSize=&pageToken=}: the caller's own activity, newest first — what they
 * did (sign-ins, tokens issued, rotated, revoked) and what was done to them or their tokens (revoked by an admin,
 * reported leaked, revoked unused). {@code GET …/audit/export?format=csv|json&from=&to=} streams it, oldest first.
 */
@Path("users/{user}/audit")
public class OwnActivityResource {

    @Inject
    HttpServletRequest request;

    @Inject
    AuditTrail trail;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuditPage list(@PathParam("user") String user, @QueryParam("kind") String kind, @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken) {
        return trail.list(own(user, kind, null, null), QueryParameters.integer("pageSize", pageSize), pageToken);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@PathParam("user") String user, @QueryParam("kind") String kind, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        AuditTrail.Selection selection = own(user, kind, AuditExport.instant("from", from), AuditExport.instant("to", to));
        return AuditExport.of(trail, selection, AuditExport.Format.of(format), "my-activity");
    }

    private AuditTrail.Selection own(String user, String kind, java.time.Instant from, java.time.Instant to) {
        return new AuditTrail.Selection(null, TokenCaller.named(user, request).email(), kind, from, to);
    }
}
