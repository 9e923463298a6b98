package org.rilltokens.access.boundary;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.Outcome;
import org.rilltokens.web.PublicAddress;

/**
 * The page an invitation link opens ({@code /invite#<secret>}). The secret arrives in the URL's fragment,
 * which the browser never sends; the page's script puts it into the form (without a script the person
 * pastes it), and from then on it stays on the server in this view. The person sees what they are invited
 * to, chooses a password, and lands signed in with the memberships applied.
 */
@Named
@ViewScoped
public class AcceptInvitation implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Invitations invitations;

    @Inject
    transient SecurityContext security;

    @Inject
    transient FacesContext faces;

    @Inject
    transient PublicAddress address;

    private String code;
    private Invitations.Pending pending;
    private String displayName;
    private String password;
    private String repeated;

    /** Step one: the code, from the link or pasted. */
    public void open() {
        pending = invitations.pending(code).orElse(null);
        if (pending == null) {
            Outcome.refused(faces, "enter", DomainException.invalid("code", "This invitation link does not work: it was used "
                    + "already, withdrawn, or replaced by a newer link. Ask whoever invited you for a new one."));
        } else if (pending.expired()) {
            Outcome.refused(faces, "enter", DomainException.invalid("code", "This invitation expired. Ask "
                    + (pending.invitedBy() == null ? "whoever invited you" : pending.invitedBy()) + " for a new link."));
            pending = null;
        }
    }

    /** Step two: the account, then signed in and on the organization's page. */
    public void accept() throws IOException {
        if (!pending.accountExists() && (password == null || !password.equals(repeated))) {
            Outcome.refused(faces, "accept", DomainException.invalid("repeated", "The two passwords differ; type the same one twice"));
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            Invitations.Accepted accepted = invitations.accept(code, displayName, password, address.clientAddress(request));
            // A session id someone fixed before must not become a signed-in session.
            request.changeSessionId();
            security.authenticate(request, (HttpServletResponse) external.getResponse(), withParams().newAuthentication(true)
                    .credential(new UsernamePasswordCredential(accepted.email(), new Password(password))));
            code = null;
            Outcome.done(faces, "Welcome! You joined " + String.join(", ", accepted.orgs()) + ".", accepted.orgs().isEmpty()
                    ? "/access" : "/organization?org=" + OrgPage.query(accepted.orgs().get(0)));
        } catch (DomainException e) {
            Outcome.refused(faces, "accept", e);
        }
    }

    public Invitations.Pending getPending() {
        return pending;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
