package org.rilltokens.users.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.rilltokens.platform.DomainException;
import org.rilltokens.security.TokenCaller;

@Path("users/{user}")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    @Inject
    Users users;

    @Context
    SecurityContext security;

    @GET
    public UserInfo current(@PathParam("user") String user) {
        return users.find(TokenCaller.named(user, security).userId()).map(UserInfo::of)
                .orElseThrow(() -> DomainException.notFound("No such user"));
    }
}
