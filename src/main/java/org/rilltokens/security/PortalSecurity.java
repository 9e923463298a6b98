package org.rilltokens.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Portal pages need a signed-in session (web.xml says which); the sign-in page is a Faces page.
 * Redirect rather than forward to it, so the browser shows /login and a stale form never posts to it.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class PortalSecurity {
}
