package org.rilltokens.users.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.users.entity.User;

/**
 * {@code /v1/users/current}: who the token acts as; their display name and password. Made once, not per request
 * (scripts call it to check a token): everything it reads comes with the call.
 */
@ApplicationScoped
@Path("users/{user}")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    HttpServletRequest httpRequest;

    @Inject
    Accounts accounts;

    @Inject
    RequestActor actor;

    /** Answered from the owner as the bearer check read it in this request: no second lookup. */
    @GET
    public UserInfo current(@PathParam("user") String user) {
        TokenCaller caller = caller(user);
        return new UserInfo(caller.userId(), caller.email(), caller.displayName(), caller.superuser());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public UserInfo rename(@PathParam("user") String user, @Valid DisplayNameRequest request) {
        User renamed = accounts.rename(actor(user), request.displayName());
        return new UserInfo(renamed.id(), renamed.email(), renamed.displayName(), renamed.isSuperuser());
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> changePassword(@PathParam("user") String user, @Valid PasswordChangeRequest request) {
        accounts.changePassword(actor(user), request.currentPassword(), request.newPassword());
        return Map.of();
    }

    private TokenCaller caller(String user) {
        return TokenCaller.named(user, httpRequest);
    }

    /** The caller as the author of a change to their own account, once the path names them. */
    private Actor actor(String user) {
        caller(user);
        return actor.current();
    }
}
