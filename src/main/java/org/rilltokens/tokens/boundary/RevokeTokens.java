package org.rilltokens.tokens.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.platform.TokenScope;

/**
 * Revoking from the tokens page: one token, or every token sharing its display name, after a
 * confirmation that names it; or all tokens, after typing {@value #CONFIRM_ALL}. Afterwards the
 * browser is sent back to the list (as it was sorted and filtered) with a message saying what happened.
 */
@Named
@ViewScoped
public class RevokeTokens implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String CONFIRM_ALL = "revoke all";

    @Inject
    transient Tokens tokens;

    @Inject
    transient FacesContext faces;

    @Inject
    ActiveUser user;

    @Inject
    TokenList list;

    private TokenRow pending;
    private String confirmation;
    private boolean rejected;

    public void ask(TokenRow row) {
        pending = row;
    }

    public void cancel() {
        pending = null;
    }

    public boolean isPending(TokenRow row) {
        return pending != null && pending.token().id().equals(row.token().id());
    }

    /** How many tokens share the pending token's display name (itself included). */
    public long getSameName() {
        return pending == null ? 0 : list.named(pending.token().displayName());
    }

    public void revoke() throws IOException {
        TokenInfo token = pending.token();
        try {
            tokens.revoke(user.id(), token.id());
            done(FacesMessage.SEVERITY_INFO, "Revoked " + token.prefix() + " “" + token.displayName()
                    + "”. Anything still using it now gets 401 Unauthorized.");
        } catch (DomainException e) {
            done(FacesMessage.SEVERITY_WARN, token.prefix() + " was already revoked.");
        }
    }

    public void revokeByName() throws IOException {
        String name = pending.token().displayName();
        try {
            int revoked = tokens.revokeByName(user.id(), TokenScope.FULL, name, true);
            done(FacesMessage.SEVERITY_INFO, "Revoked " + revoked + (revoked == 1 ? " token" : " tokens") + " named “" + name + "”.");
        } catch (DomainException e) {
            done(FacesMessage.SEVERITY_WARN, "No token named “" + name + "” was left to revoke.");
        }
    }

    public void revokeAll() throws IOException {
        rejected = confirmation == null || !CONFIRM_ALL.equals(confirmation.strip().toLowerCase(Locale.ROOT));
        if (rejected) {
            faces.addMessage("revoke-all:confirmation", new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Type “" + CONFIRM_ALL + "” to confirm. Nothing was revoked.", null));
            return;
        }
        int revoked = tokens.revokeAll(user.id(), TokenScope.FULL);
        done(FacesMessage.SEVERITY_INFO, "Revoked all your tokens (" + revoked + "). Scripts using any of them now get 401 Unauthorized.");
    }

    private void done(FacesMessage.Severity severity, String message) throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.getFlash().setRedirect(true);
        faces.addMessage(null, new FacesMessage(severity, message, null));
        pending = null;
        external.redirect(external.getRequestContextPath() + "/" + list.getHere());
    }

    /** The typed confirmation was wrong: the page keeps the revoke-all box open beside its message. */
    public boolean isRejected() {
        return rejected;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
