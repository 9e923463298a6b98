package org.rilltokens.users.boundary;

import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("users/{user}")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    SecurityContext security;

    /** Answered from the owner as the bearer check read it in this request: no second lookup. */
    @GET
    public UserInfo current(@PathParam("user") String user) {
        TokenCaller caller = TokenCaller.named(user, security);
        return new UserInfo(caller.userId(), caller.email(), caller.displayName(), caller.superuser());
    }
}
