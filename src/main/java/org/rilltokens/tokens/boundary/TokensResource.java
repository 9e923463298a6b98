package org.rilltokens.tokens.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.rilltokens.platform.JsonBody;
import org.rilltokens.platform.QueryParameters;
import org.rilltokens.users.boundary.TokenCaller;

/** The caller's own tokens: {@code /v1/users/current/tokens} ({@code -} works for {@code current}). */
@Path("users/{user}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    private static final Set<String> ISSUE_FIELDS = Set.of("displayName", "ttlMinutes", "projects", "readOnly");

    @Inject
    Tokens tokens;

    @Inject
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("user") String user, String body) {
        JsonBody request = JsonBody.parse(body, ISSUE_FIELDS);
        TokenCaller caller = caller(user);
        IssuedToken issued = tokens.issue(caller.userId(), caller.scope(), new TokenRequest(request.string("displayName"),
                request.integer("ttlMinutes"), request.strings("projects"), Boolean.TRUE.equals(request.flag("readOnly"))));
        // Like every answer here, never stored by a browser or proxy (Cache-Control: no-store, web/SecurityHeaders).
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    public TokenPage list(@PathParam("user") String user, @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken) {
        return tokens.list(caller(user).userId(), QueryParameters.integer("pageSize", pageSize), pageToken);
    }

    @DELETE
    @Path("{tokenId}")
    public Map<String, Object> revoke(@PathParam("user") String user, @PathParam("tokenId") String tokenId) {
        TokenCaller caller = caller(user);
        tokens.revoke(caller.userId(), caller.scope(), tokenId, caller.tokenId());
        return Map.of();
    }

    /** A new secret for the token; the old one stops at once or after {@code graceMinutes} (SPEC: rotation). */
    @POST
    @Path("{tokenId}/rotate")
    public Response rotate(@PathParam("user") String user, @PathParam("tokenId") String tokenId, String body) {
        TokenCaller caller = caller(user);
        Long grace = body == null || body.isBlank() ? null : JsonBody.parse(body, Set.of("graceMinutes")).integer("graceMinutes");
        IssuedToken issued = tokens.rotate(caller.userId(), caller.scope(), tokenId, caller.tokenId(), grace);
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    /** With {@code displayName}: the tokens of that name (several only with {@code all=true}); without: all of them. */
    @DELETE
    public Map<String, Integer> revokeMany(@PathParam("user") String user, @QueryParam("displayName") String displayName,
            @QueryParam("all") String all) {
        TokenCaller caller = caller(user);
        int revoked = displayName == null ? tokens.revokeAll(caller.userId(), caller.scope())
                : tokens.revokeByName(caller.userId(), caller.scope(), displayName, QueryParameters.flag("all", all));
        return Map.of("tokensRevoked", revoked);
    }

    private TokenCaller caller(String user) {
        return TokenCaller.named(user, security);
    }
}
