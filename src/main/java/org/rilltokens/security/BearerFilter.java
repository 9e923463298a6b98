package org.rilltokens.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import org.rilltokens.platform.ApiErrors;

/**
 * Every API call carries {@code Authorization: Bearer <user token>}. This turns it into the caller's
 * identity, or answers 401 with a {@code WWW-Authenticate} challenge; the API never redirects to a page.
 * The only exceptions are resources marked {@link PublicEndpoint}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerFilter implements ContainerRequestFilter {

    @Inject
    BearerAuthentication authentication;

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext context) {
        if (isPublic()) {
            return;
        }
        BearerAuthentication.Verdict verdict = authentication.verify(context.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getRemoteAddr(), context.getHeaderString(HttpHeaders.USER_AGENT));
        if (verdict.admitted()) {
            admit(context, verdict.caller());
        } else {
            refuse(context, verdict.challenge(), verdict.message());
        }
    }

    private boolean isPublic() {
        return resource.getResourceMethod() != null && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
    }

    private static void admit(ContainerRequestContext context, TokenCaller caller) {
        boolean secure = context.getSecurityContext().isSecure();
        context.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return false;
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }

    private static void refuse(ContainerRequestContext context, String challenge, String message) {
        Response response = ApiErrors.response(Response.Status.UNAUTHORIZED.getStatusCode(), "unauthenticated", message);
        context.abortWith(Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build());
    }
}
