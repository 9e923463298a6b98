package org.rilltokens.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.audit.boundary.AuditTrail;
import org.rilltokens.audit.boundary.Change;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.web.PublicAddress;

/**
 * The sign-in form. After signing in, the person lands where they were going (or on their tokens).
 * Messages never say whether the email or the password was wrong, and a pause says how long it lasts.
 */
@Named
@RequestScoped
public class SignIn {

    static final String WRONG = "The email or password is not right. Check both and try again.";

    @Inject
    SecurityContext security;

    @Inject
    SignInThrottle throttle;

    @Inject
    FacesContext faces;

    @Inject
    AuditTrail audit;

    @Inject
    OpenIdSettings openId;

    @Inject
    OpenIdProvider provider;

    @Inject
    PublicAddress publicAddress;

    private String email;
    private String password;
    private String session;

    public void submit() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (fromAnotherSite(request)) {
            // The sign-in form is stateless (no view state), so this is its cross-site check: another site must not
            // sign a visitor into an account of its choosing.
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "This sign-in did not come from this site's sign-in page. Open the sign-in page and try again.", null));
            return;
        }
        if (!openId.isPasswordForm()) {
            error("Sign-in with a password is turned off here: sign in with " + openId.getProviderName() + ".");
            return;
        }
        String address = publicAddress.clientAddress(request);
        Optional<Duration> wait = throttle.admit(email, address);
        if (wait.isPresent()) {
            error("Too many failed sign-ins for this email or from your network. Wait " + describe(wait.get())
                    + ", then try again.");
            return;
        }
        // A session id fixed by someone else before sign-in must not become a signed-in session.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(email, new Password(password))));
        String typed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.succeeded(email, address);
            if (security.getCallerPrincipal() != null) {
                audit.append(Actor.portal(UUID.fromString(security.getCallerPrincipal().getName()), typed, request),
                        Change.ofAccount("sign-in.success", typed, null, null));
            }
            external.redirect(Authentication.takeReturnPath(request));
            return;
        }
        Duration pause = throttle.pauseAfterFailure(email, address);
        audit.append(new Actor(null, "someone", Actor.Surface.PORTAL, address, TokenScope.FULL),
                Change.ofAccount("sign-in.failure", typed, null, null));
        error(pause.isZero() ? WRONG : WRONG + " Too many failed attempts: wait " + describe(pause) + " before the next one.");
    }

    /** What the sign-in page says before anything is typed, when it was reached for a reason. */
    public String getNotice() {
        if ("deactivated".equals(session)) {
            return "Your account was deactivated, so you were signed out. Ask a superuser to reactivate it.";
        }
        if ("ended".equals(session)) {
            return "Your session ended. Sign in again to continue where you left off.";
        }
        return "signed-out".equals(session) ? "You are signed out." : null;
    }

    /**
     * After signing out, where the person can also end their session at the OpenID provider (RP-initiated logout),
     * when the provider offers it; null otherwise. It comes back to the sign-in page.
     */
    public String getProviderLogoutUrl() {
        if (!"signed-out".equals(session) || !openId.isEnabled()) {
            return null;
        }
        try {
            Optional<String> endSession = provider.endpoints().endSession();
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            String back = openId.base(request) + Authentication.LOGIN_PAGE;
            return endSession.map(url -> url + (url.contains("?") ? "&" : "?") + "client_id="
                    + OpenIdProvider.encode(openId.clientId()) + "&post_logout_redirect_uri=" + OpenIdProvider.encode(back)).orElse(null);
        } catch (OpenIdProvider.Unavailable e) {
            return null;
        }
    }

    private void error(String message) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    static String describe(Duration wait) {
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }

    /**
     * Whether the browser says the form was posted from another site. Modern browsers say it in
     * {@code Sec-Fetch-Site}; otherwise {@code Origin} is compared by host only (behind a TLS-terminating proxy the
     * scheme and port seen here differ from the browser's). {@code Origin: null} is what browsers send under this
     * site's own {@code Referrer-Policy: no-referrer}, so it alone proves nothing.
     */
    private static boolean fromAnotherSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("cross-site") || site.equals("same-site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return false;
        }
        try {
            String host = java.net.URI.create(origin).getHost();
            String addressed = java.net.URI.create("http://" + request.getHeader("Host")).getHost();
            return host == null || !(host.equalsIgnoreCase(addressed) || host.equalsIgnoreCase(request.getServerName()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return true;
        }
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }
}
