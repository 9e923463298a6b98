package org.rilltokens.access.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import jakarta.ws.rs.core.Response;
import org.rilltokens.audit.boundary.AuditExport;
import org.rilltokens.audit.boundary.AuditPage;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.platform.JsonBody;
import org.rilltokens.platform.QueryParameters;
import org.rilltokens.users.boundary.TokenCaller;

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
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @Inject
    AuditTrail trail;

    @GET
    @Path("members")
    public Map<String, Object> superusers() {
        return Map.of("members", superusers.superusers(caller()));
    }

    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setSuperuser(String body) {
        JsonBody request = JsonBody.parse(body, Set.of("email", "superuser"));
        superusers.setSuperuser(caller(), request.string("email"), request.bool("superuser"));
        return Map.of();
    }

    @GET
    @Path("users")
    public Map<String, Object> accounts() {
        return Map.of("users", superusers.accounts(caller()));
    }

    @PUT
    @Path("users/{email}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setActive(@PathParam("email") String email, String body) {
        superusers.setActive(caller(), email, JsonBody.parse(body, Set.of("active")).bool("active"));
        return Map.of();
    }

    @GET
    @Path("audit")
    public AuditPage audit(@QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("pageSize") String pageSize, @QueryParam("pageToken") String pageToken) {
        return superusers.audit(caller(), person, kind, QueryParameters.integer("pageSize", pageSize), pageToken);
    }

    /** {@code GET /v1/superuser/audit/export?format=csv|json&from=&to=&person=&kind=}: the whole trail as a download. */
    @GET
    @Path("audit/export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response exportAudit(@QueryParam("person") String person, @QueryParam("kind") String kind,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format) {
        AuditTrail.Selection selection = superusers.auditOf(caller(), person, kind, AuditExport.instant("from", from),
                AuditExport.instant("to", to));
        return AuditExport.of(trail, selection, AuditExport.Format.of(format), "audit");
    }

    private Actor caller() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
