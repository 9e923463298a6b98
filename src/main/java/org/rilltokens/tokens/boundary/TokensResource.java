package org.rilltokens.tokens.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.rilltokens.users.boundary.TokenCaller;

/** The caller's own tokens: {@code /v1/users/current/tokens} ({@code -} works for {@code current}). */
@Path("users/{user}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    private static final String PAGE_SIZE_RANGE = "pageSize must be between 1 and " + Tokens.PAGE_SIZE_MAX + ", got ${validatedValue}";

    @Inject
    Tokens tokens;

    @Inject
    HttpServletRequest httpRequest;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("user") String user, @Valid IssueTokenRequest request) {
        TokenCaller caller = caller(user);
        IssuedToken issued = tokens.issue(caller.userId(), caller.scope(), request);
        // Like every answer here, never stored by a browser or proxy (Cache-Control: no-store, web/SecurityHeaders).
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    @GET
    public TokenPage list(@PathParam("user") String user,
            @QueryParam("pageSize") @Min(value = 1, message = PAGE_SIZE_RANGE) @Max(value = Tokens.PAGE_SIZE_MAX, message = PAGE_SIZE_RANGE)
            Integer pageSize,
            @QueryParam("pageToken") String pageToken) {
        return tokens.list(caller(user).userId(), pageSize, pageToken);
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
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rotate(@PathParam("user") String user, @PathParam("tokenId") String tokenId,
            @Valid RotateTokenRequest request) {
        TokenCaller caller = caller(user);
        IssuedToken issued = tokens.rotate(caller.userId(), caller.scope(), tokenId, caller.tokenId(),
                request == null ? null : request.graceMinutes());
        return Response.status(Response.Status.CREATED).entity(issued).build();
    }

    /** With {@code displayName}: the tokens of that name (several only with {@code all=true}); without: all of them. */
    @DELETE
    public Map<String, Integer> revokeMany(@PathParam("user") String user, @QueryParam("displayName") String displayName,
            @QueryParam("all") Boolean all) {
        TokenCaller caller = caller(user);
        int revoked = displayName == null ? tokens.revokeAll(caller.userId(), caller.scope())
                : tokens.revokeByName(caller.userId(), caller.scope(), displayName, Boolean.TRUE.equals(all));
        return Map.of("tokensRevoked", revoked);
    }

    private TokenCaller caller(String user) {
        return TokenCaller.named(user, httpRequest);
    }
}
