package org.rilltokens.governance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.users.boundary.TokenCaller;

/** The bearer caller of a governance API request, as the audit trail names them. */
@RequestScoped
public class Callers {

    @Inject
    SecurityContext security;

    @Inject
    HttpServletRequest request;

    public Actor actor() {
        TokenCaller caller = TokenCaller.of(security);
        return Actor.api(caller.userId(), caller.email(), caller.scope(), request);
    }
}
