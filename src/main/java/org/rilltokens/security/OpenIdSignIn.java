package org.rilltokens.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.rilltokens.access.boundary.ProviderSignIn;
import org.rilltokens.platform.Secret;

/**
 * Sign-in through the company's OpenID Connect provider: the authorization code flow with PKCE (S256), done by the
 * one authentication mechanism ({@link Authentication}) with standard Java only. {@value #START} sends the browser
 * to the provider with a fresh state, nonce and PKCE challenge kept in the session; {@value #CALLBACK} takes the
 * code back (once, for the state of this session, within {@link #PATIENCE}), exchanges it with the client secret and
 * the PKCE verifier, checks the ID token ({@link IdToken}), and signs the person in. Nothing the provider issues
 * is kept: the ID token's claims are read and dropped, its access and refresh tokens are never even read.
 */
@ApplicationScoped
public class OpenIdSignIn {

    static final String START = "/oidc/start";
    static final String CALLBACK = "/oidc/callback";
    static final String REFUSED_PAGE = "/signin-refused";
    static final Duration PATIENCE = Duration.ofMinutes(10);
    private static final String PENDING = "rill.oidc.pending";
    private static final Logger LOG = Logger.getLogger(OpenIdSignIn.class.getName());

    /** One sign-in on its way through the provider; lives in the session only until the callback. */
    record Pending(String state, String nonce, String verifier, Instant started) implements Serializable {

        static Pending start(Instant now) {
            return new Pending(Secret.generate().text(), Secret.generate().text(), Secret.generate().text(), now);
        }

        /** The PKCE S256 challenge: Base64url of the SHA-256 of the verifier (RFC 7636, 4.2). */
        String challenge() {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
            }
        }

        boolean answers(String returned, Instant now) {
            return returned != null && MessageDigest.isEqual(state.getBytes(StandardCharsets.US_ASCII),
                    returned.getBytes(StandardCharsets.US_ASCII)) && now.isBefore(started.plus(PATIENCE));
        }

        @Override
        public String toString() {
            return "Pending[…]";
        }
    }

    @Inject
    OpenIdSettings settings;

    @Inject
    OpenIdProvider provider;

    @Inject
    ProviderSignIn accounts;

    @Inject
    Clock clock;

    /** Whether this request is a step of the provider sign-in (only when it is configured). */
    boolean handles(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return settings.isEnabled() && (path.equals(START) || path.equals(CALLBACK));
    }

    AuthenticationStatus validate(HttpServletRequest request, HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(START) ? start(request, context) : callback(request, context);
    }

    private AuthenticationStatus start(HttpServletRequest request, HttpMessageContext context) {
        OpenIdProvider.Endpoints endpoints;
        try {
            endpoints = provider.endpoints();
        } catch (OpenIdProvider.Unavailable e) {
            LOG.log(Level.WARNING, "OpenID sign-in is not available: {0}", e.getMessage());
            return refuse(request, context, "unavailable");
        }
        Pending pending = Pending.start(clock.instant());
        request.getSession().setAttribute(PENDING, pending);
        String authorization = endpoints.authorization();
        return context.redirect(authorization + (authorization.contains("?") ? "&" : "?")
                + "response_type=code&client_id=" + OpenIdProvider.encode(settings.clientId())
                + "&redirect_uri=" + OpenIdProvider.encode(settings.redirectUri(request))
                + "&scope=" + OpenIdProvider.encode(settings.scopes())
                + "&state=" + pending.state() + "&nonce=" + pending.nonce()
                + "&code_challenge=" + pending.challenge() + "&code_challenge_method=S256");
    }

    private AuthenticationStatus callback(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        Pending pending = session == null ? null : (Pending) session.getAttribute(PENDING);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
        if (pending == null || !pending.answers(request.getParameter("state"), clock.instant())) {
            return refuse(request, context, "expired");
        }
        if (request.getParameter("error") != null) {
            return refuse(request, context, "cancelled");
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank()) {
            return refuse(request, context, "failed");
        }
        IdToken token;
        try {
            String jwt = provider.exchange(code, settings.redirectUri(request), pending.verifier());
            token = IdToken.verify(jwt, provider::key, provider.endpoints().issuer(), settings.clientId(), pending.nonce(),
                    clock.instant());
        } catch (OpenIdProvider.Unavailable | IdToken.Rejected e) {
            LOG.log(Level.WARNING, "An OpenID sign-in was refused: {0}", e.getMessage());
            return refuse(request, context, "failed");
        }
        Optional<String> email = token.text(settings.emailClaim());
        if (email.isEmpty()) {
            return refuse(request, context, "noemail");
        }
        if (!token.isTrue("email_verified")) {
            return refuse(request, context, "unverified");
        }
        ProviderSignIn.Outcome outcome = accounts.signIn(new ProviderSignIn.Identity(email.get(),
                token.text(settings.nameClaim()).orElse(null), settings.groupsClaim().map(token::texts).orElse(null)),
                request.getRemoteAddr());
        if (!outcome.admitted()) {
            return refuse(request, context, outcome.refusal() == ProviderSignIn.Refusal.DEACTIVATED ? "deactivated" : "noemail");
        }
        // A session id someone fixed before must not become a signed-in session.
        request.changeSessionId();
        request.getSession().setAttribute(Authentication.SIGNED_IN,
                new Authentication.SignedIn(outcome.userId().toString(), Set.of(UserIdentityStore.ROLE)));
        return context.redirect(Authentication.takeReturnPath(request));
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpMessageContext context, String reason) {
        return context.redirect(request.getContextPath() + REFUSED_PAGE + "?reason=" + reason);
    }
}
