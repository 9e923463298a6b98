package org.rilltokens.users.boundary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.rilltokens.security.TokenCaller;

@Path("users/{user}")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Context
    SecurityContext security;

    /** Answered from the owner as the bearer check read it in this request: no second lookup. */
    @GET
    public UserInfo current(@PathParam("user") String user) {
        TokenCaller caller = TokenCaller.named(user, security);
        return new UserInfo(caller.userId(), caller.email(), caller.displayName(), caller.superuser());
    }
}
