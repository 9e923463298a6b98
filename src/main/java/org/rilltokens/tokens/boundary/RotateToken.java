package org.rilltokens.tokens.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.web.ActiveUser;

/**
 * Rotating from the tokens page: after a confirmation that names the token and says how long the old secret
 * keeps working, the new token is shown once, exactly like a newly issued one.
 */
@Named
@ViewScoped
public class RotateToken implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Tokens tokens;

    @Inject
    transient FacesContext faces;

    @Inject
    ActiveUser user;

    @Inject
    TokenList list;

    private TokenRow pending;
    private long graceMinutes;

    public void ask(TokenRow row) {
        pending = row;
        graceMinutes = 0;
    }

    public void cancel() {
        pending = null;
    }

    public boolean isPending(TokenRow row) {
        return pending != null && pending.token().id().equals(row.token().id());
    }

    public void rotate() throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        external.getFlash().setRedirect(true);
        TokenInfo token = pending.token();
        try {
            IssuedToken issued = tokens.rotate(user.id(), TokenScope.FULL, token.id().toString(), null, graceMinutes);
            external.getFlash().put(IssueToken.FLASH_KEY, issued);
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Rotated " + token.prefix() + " “"
                    + token.displayName() + "” into " + issued.tokenInfo().prefix() + ". " + (graceMinutes == 0
                    ? "The old secret no longer works." : "The old secret keeps working for " + label(graceMinutes) + "."), null));
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
        }
        pending = null;
        external.redirect(external.getRequestContextPath() + "/" + list.getHere());
    }

    public List<SelectItem> getGraces() {
        return List.of(new SelectItem(0L, "Stop the old secret now"), new SelectItem(60L, "Keep it working for 1 hour"),
                new SelectItem((long) Tokens.GRACE_MINUTES_MAX, "Keep it working for 24 hours"));
    }

    private static String label(long minutes) {
        return minutes == Tokens.GRACE_MINUTES_MAX ? "24 hours" : minutes == 60 ? "1 hour" : minutes + " minutes";
    }

    public long getGraceMinutes() {
        return graceMinutes;
    }

    public void setGraceMinutes(long graceMinutes) {
        this.graceMinutes = graceMinutes;
    }
}
