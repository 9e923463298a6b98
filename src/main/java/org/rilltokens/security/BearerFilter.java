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
import org.rilltokens.tokens.boundary.Tokens;
import org.rilltokens.tokens.control.PlainToken;
import org.rilltokens.tokens.entity.UserToken;

/**
 * Every API call carries {@code Authorization: Bearer <user token>}. This turns it into the caller's
 * identity, or answers 401 with a {@code WWW-Authenticate} challenge; the API never redirects to a page.
 * The only exceptions are resources marked {@link PublicEndpoint}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerFilter implements ContainerRequestFilter {

    private static final String SCHEME = "Bearer ";
    private static final String CHALLENGE = "Bearer realm=\"rill\"";

    @Inject
    Tokens tokens;

    @Context
    HttpServletRequest request;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext context) {
        if (isPublic()) {
            return;
        }
        String header = context.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            refuse(context, CHALLENGE, "This API needs a user token: send Authorization: Bearer rill_usr_…");
            return;
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            refuse(context, CHALLENGE + ", error=\"invalid_request\"",
                    "Only Bearer authorization is accepted: send Authorization: Bearer rill_usr_…");
            return;
        }
        String bearer = header.substring(SCHEME.length()).strip();
        tokens.authenticate(bearer, request.getRemoteAddr(), context.getHeaderString(HttpHeaders.USER_AGENT))
                .ifPresentOrElse(token -> admit(context, token),
                        () -> refuse(context, CHALLENGE + ", error=\"invalid_token\"", whyRefused(bearer)));
    }

    private boolean isPublic() {
        return resource.getResourceMethod() != null && (resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class));
    }

    private static String whyRefused(String bearer) {
        return PlainToken.parse(bearer).isPresent() ? "The token is unknown, expired or revoked"
                : "The bearer token is malformed: a user token has " + PlainToken.LENGTH + " characters and starts with "
                + PlainToken.PREFIX;
    }

    private static void admit(ContainerRequestContext context, UserToken token) {
        TokenCaller caller = new TokenCaller(token.owner().id(), token.owner().email(), token.id());
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
