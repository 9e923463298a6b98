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
import java.util.Optional;
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
        if (status == AuthenticationStatus.SUCCESS) {
            throttle.succeeded(email, address);
            external.redirect(Authentication.takeReturnPath(request));
            return;
        }
        Duration pause = throttle.pauseAfterFailure(email, address);
        error(pause.isZero() ? WRONG : WRONG + " Too many failed attempts: wait " + describe(pause) + " before the next one.");
    }

    /** What the sign-in page says before anything is typed, when it was reached for a reason. */
    public String getNotice() {
        if ("ended".equals(session)) {
            return "Your session ended. Sign in again to continue where you left off.";
        }
        return "signed-out".equals(session) ? "You are signed out." : null;
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
