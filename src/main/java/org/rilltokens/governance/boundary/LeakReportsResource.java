package org.rilltokens.governance.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.limits.boundary.RateLimits;
import org.rilltokens.limits.control.RateLimit;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.JsonBody;

/**
 * {@code POST /v1/credentials/revoke {credentials: ["rill_usr_…", …]}}: no authentication (secret scanners call it),
 * at most 1 000 strings, always {@code 202 {}} whatever they were; rate-limited per address. Only a body that is not
 * such a JSON object is a 400.
 */
@Path("credentials/revoke")
@Produces(MediaType.APPLICATION_JSON)
public class LeakReportsResource {

    static final RateLimit REPORTS_PER_ADDRESS = new RateLimit("leak-reports-per-address", 60, Duration.ofMinutes(10));

    @Inject
    LeakReports reports;

    @Inject
    RateLimits limits;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(String body) {
        limits.take("Too many leak reports came from your address", new RateLimits.Use(REPORTS_PER_ADDRESS, request.getRemoteAddr()));
        Object listed = JsonBody.parse(body, Set.of("credentials")).values().get("credentials");
        if (!(listed instanceof List<?> credentials) || credentials.stream().anyMatch(value -> !(value instanceof String))) {
            throw DomainException.invalid("credentials", "credentials is a list of strings, the tokens found");
        }
        if (credentials.size() > LeakReports.CREDENTIALS_MAX) {
            throw DomainException.invalid("credentials", "At most " + LeakReports.CREDENTIALS_MAX
                    + " credentials per report; send the rest in another");
        }
        reports.revoke(Actor.anonymous("leak report", request), credentials.stream().map(String.class::cast).toList());
        return Response.accepted(Map.of()).build();
    }
}
