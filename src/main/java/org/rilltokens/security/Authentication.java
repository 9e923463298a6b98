package org.rilltokens.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;
import org.rilltokens.web.PublicAddress;
import org.rilltokens.limits.boundary.RequestRates;
import org.rilltokens.platform.ApiErrors;
import org.rilltokens.platform.DomainException;

/**
 * The one way in. Under {@code /v1} every protected endpoint (REST and MCP) is authenticated by its
 * bearer token alone, never by the session and never with a redirect; a refused token gets the same 401
 * everywhere. Everywhere else it is the portal's session sign-in: a visitor who opens a protected page is
 * sent to /login and, once signed in (with a password, or through the company's OpenID provider: {@link OpenIdSignIn}),
 * back to that page.
 */
@ApplicationScoped
public class Authentication implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login";
    private static final String API = "/v1/";
    static final String SIGNED_IN = "rill.signedIn";
    static final String RETURN_TO = "rill.returnTo";

    record SignedIn(String callerName, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    BearerAuthentication bearer;

    @Inject
    Users users;

    @Inject
    Event<BeforeBearerCheck> beforeBearerCheck;

    @Inject
    OpenIdSignIn openId;

    @Inject
    PublicAddress address;

    @Inject
    RequestRates rates;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        if (request.getRequestURI().startsWith(request.getContextPath() + API)) {
            return api(request, response, context);
        }
        if (openId.handles(request)) {
            return openId.validate(request, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return signIn(request, context, credential);
        }
        Optional<SignedIn> signedIn = signedIn(request);
        if (signedIn.isPresent() && stillActive(signedIn.get())) {
            return context.notifyContainerAboutLogin(signedIn.get().callerName(), signedIn.get().groups());
        }
        if (signedIn.isPresent()) {
            // Deactivated since signing in: the session ends on this request, not when it would have timed out.
            request.getSession().invalidate();
            return context.isProtected() ? context.redirect(request.getContextPath() + LOGIN_PAGE + "?session=deactivated")
                    : context.doNothing();
        }
        if (context.isProtected()) {
            // A session id the server no longer knows: the session timed out or the server restarted.
            boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
            if (isPageRequest(request)) {
                request.getSession().setAttribute(RETURN_TO, returnPath(request));
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE + (ended ? "?session=ended" : ""));
        }
        return context.doNothing();
    }

    /** Endpoints that web.xml leaves public (health, device login) answer without looking at any token. */
    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (!context.isProtected()) {
            return context.doNothing();
        }
        BeforeBearerCheck check = new BeforeBearerCheck(request);
        beforeBearerCheck.fire(check);
        try {
            if (check.refusal().isPresent()) {
                BearerAuthentication.send(response, check.refusal().get());
                return AuthenticationStatus.SEND_FAILURE;
            }
            String client = address.clientAddress(request);
            // Before the token is looked at, so that guessing tokens from one address is limited too.
            Optional<RequestRates.Refusal> tooMany = rates.fromAddress(client);
            if (tooMany.isPresent()) {
                return tooMany(response, tooMany.get());
            }
            BearerAuthentication.Verdict verdict = bearer.verify(request.getHeader("Authorization"), client,
                    request.getHeader("User-Agent"));
            if (verdict.admitted()) {
                tooMany = rates.withToken(verdict.caller().tokenId());
                if (tooMany.isPresent()) {
                    return tooMany(response, tooMany.get());
                }
                verdict.caller().admit(request);
                return context.notifyContainerAboutLogin(verdict.caller(), Set.of(UserIdentityStore.ROLE));
            }
            bearer.refuse(response, verdict, check.resourceMetadata());
            return AuthenticationStatus.SEND_FAILURE;
        } catch (IOException e) {
            throw new AuthenticationException(e);
        }
    }

    /** 429 with Retry-After and the JSON error, like every other limit of the API. */
    private static AuthenticationStatus tooMany(HttpServletResponse response, RequestRates.Refusal refusal) throws IOException {
        String seconds = ApiErrors.seconds(refusal.retryAfter());
        BearerAuthentication.send(response, new BeforeBearerCheck.Refusal(429, Map.of("Retry-After", seconds),
                ApiErrors.body(DomainException.Kind.RESOURCE_EXHAUSTED.code(), refusal.message() + "; try again in " + seconds
                        + " seconds").build().toString()));
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        SignedIn signedIn = new SignedIn(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups()));
        request.getSession().setAttribute(SIGNED_IN, signedIn);
        return context.notifyContainerAboutLogin(signedIn.callerName(), signedIn.groups());
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
    }

    /** Where to go after signing in: the page asked for (same site only), else the tokens page. */
    public static String takeReturnPath(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object saved = session == null ? null : session.getAttribute(RETURN_TO);
        if (session != null) {
            session.removeAttribute(RETURN_TO);
        }
        String path = saved instanceof String text ? text : "";
        return path.startsWith("/") && !path.startsWith("//") ? request.getContextPath() + path : request.getContextPath() + "/";
    }

    private boolean stillActive(SignedIn signedIn) {
        return users.find(UUID.fromString(signedIn.callerName())).filter(User::isActive).isPresent();
    }

    private static Optional<SignedIn> signedIn(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((SignedIn) session.getAttribute(SIGNED_IN));
    }

    /**
     * Whether the browser is opening a page (rather than fetching an icon, image or script for one):
     * only a page is worth returning to. A browser's favicon request would otherwise replace the page
     * asked for. Clients that do not say (no Sec-Fetch-Dest) are taken at their word.
     */
    private static boolean isPageRequest(HttpServletRequest request) {
        String destination = request.getHeader("Sec-Fetch-Dest");
        return destination == null || destination.equals("document");
    }

    /** A form post cannot be replayed after sign-in; its page is reopened instead. */
    private static String returnPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        return "GET".equals(request.getMethod()) && query != null ? path + "?" + query : path;
    }
}
