package org.rilltokens.users.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.rilltokens.audit.boundary.Actor;

/**
 * Who acts in an API request, for every resource that changes something on someone's behalf: the owner of
 * the bearer token, limited to that token's scope, from this request's address and surface (REST, or the CLI by
 * its User-Agent). Resources are made per request, so {@code @Inject Actor} there is this request's caller. (An
 * {@link Actor} is a record, which CDI cannot proxy, hence dependent rather than request scope.) The portal's
 * actor is {@code web.ActiveUser#actor()}.
 */
@ApplicationScoped
public class RequestActor {

    @Inject
    HttpServletRequest request;

    /** This request's actor; also what a resource made once for all requests calls, where an injected one would stay the first. */
    @Produces
    public Actor current() {
        TokenCaller caller = TokenCaller.of(request);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
