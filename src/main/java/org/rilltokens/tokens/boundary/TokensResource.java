package org.rilltokens.tokens.boundary;

import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Map;
import org.rilltokens.security.TokenCaller;

/** The caller's own tokens: {@code /v1/users/current/tokens} ({@code -} works for {@code current}). */
@Path("users/{user}/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokensResource {

    private static final String PAGE_SIZE_RANGE = "pageSize must be between 1 and " + Tokens.PAGE_SIZE_MAX + ", got ${validatedValue}";

    @Inject
    Tokens tokens;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@PathParam("user") String user, @Valid IssueTokenRequest request) {
        IssuedToken issued = tokens.issue(caller(user).userId(), request.displayName(), request.ttlMinutes());
        return Response.status(Response.Status.CREATED).entity(issued).cacheControl(noStore()).build();
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
        tokens.revoke(caller.userId(), tokenId, caller.tokenId());
        return Map.of();
    }

    /** With {@code displayName}: the tokens of that name (several only with {@code all=true}); without: all of them. */
    @DELETE
    public Map<String, Integer> revokeMany(@PathParam("user") String user, @QueryParam("displayName") String displayName,
            @QueryParam("all") Boolean all) {
        int revoked = displayName == null ? tokens.revokeAll(caller(user).userId())
                : tokens.revokeByName(caller(user).userId(), displayName, Boolean.TRUE.equals(all));
        return Map.of("tokensRevoked", revoked);
    }

    private TokenCaller caller(String user) {
        return TokenCaller.named(user, security);
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
