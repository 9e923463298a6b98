package org.rilltokens.users.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.Set;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.platform.JsonBody;
import org.rilltokens.users.entity.User;

/** {@code /v1/users/current}: who the token acts as; their display name and password. */
@Path("users/{user}")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Accounts accounts;

    @Inject
    SecurityContext security;

    @Context
    HttpServletRequest request;

    /** Answered from the owner as the bearer check read it in this request: no second lookup. */
    @GET
    public UserInfo current(@PathParam("user") String user) {
        TokenCaller caller = caller(user);
        return new UserInfo(caller.userId(), caller.email(), caller.displayName(), caller.superuser());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public UserInfo rename(@PathParam("user") String user, String body) {
        User renamed = accounts.rename(actor(user), JsonBody.parse(body, Set.of("displayName")).string("displayName"));
        return new UserInfo(renamed.id(), renamed.email(), renamed.displayName(), renamed.isSuperuser());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> changePassword(@PathParam("user") String user, String body) {
        JsonBody request = JsonBody.parse(body, Set.of("currentPassword", "newPassword"));
        accounts.changePassword(actor(user), request.string("currentPassword"), request.string("newPassword"));
        return Map.of();
    }

    private TokenCaller caller(String user) {
        return TokenCaller.named(user, security);
    }

    private Actor actor(String user) {
        TokenCaller caller = caller(user);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
