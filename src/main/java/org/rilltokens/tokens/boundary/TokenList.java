package org.rilltokens.tokens.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;

/** The tokens page: the signed-in user's tokens, newest first, each with a Revoke button. */
@Named
@ViewScoped
public class TokenList implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Inject
    transient Tokens tokens;

    @Inject
    ActiveUser user;

    @Inject
    transient FacesContext faces;

    private List<TokenInfo> shown;

    @PostConstruct
    public void refresh() {
        shown = tokens.list(user.id(), Tokens.PAGE_SIZE_MAX, null).tokens();
    }

    public void revoke(TokenInfo token) {
        try {
            tokens.revoke(user.id(), token.id().toString(), null);
            faces.addMessage(null, new FacesMessage("Revoked " + token.prefix() + " (" + token.displayName()
                    + "). Scripts using it now get 401."));
        } catch (DomainException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
        }
        refresh();
    }

    public List<TokenInfo> getTokens() {
        return shown;
    }

    public String shown(Instant instant) {
        return instant == null ? "Never" : SHOWN.format(instant);
    }

    public String usedBy(TokenInfo token) {
        return token.usedOn() == null ? "Never used" : shown(token.usedOn()) + " from " + token.usedIp();
    }

}
