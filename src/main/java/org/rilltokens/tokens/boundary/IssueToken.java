package org.rilltokens.tokens.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;

/**
 * The form that issues a token. The new token travels to the next page through the flash and a
 * redirect, so reloading or resubmitting neither shows it again nor issues a second one.
 */
@Named
@ViewScoped
public class IssueToken implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FLASH_KEY = "issuedToken";
    private static final Map<String, Long> EXPIRATIONS = new LinkedHashMap<>();

    static {
        EXPIRATIONS.put("7 days", 7L * 24 * 60);
        EXPIRATIONS.put("30 days", 30L * 24 * 60);
        EXPIRATIONS.put("90 days", 90L * 24 * 60);
        EXPIRATIONS.put("1 year", 365L * 24 * 60);
        EXPIRATIONS.put("No expiration", 0L);
    }

    @Inject
    transient Tokens tokens;

    @Inject
    ActiveUser user;

    @Inject
    transient FacesContext faces;

    private String displayName;
    private long ttlMinutes = EXPIRATIONS.get("30 days");

    public void issue() throws IOException {
        try {
            IssuedToken issued = tokens.issue(user.id(), displayName, ttlMinutes == 0 ? null : ttlMinutes);
            ExternalContext external = faces.getExternalContext();
            external.getFlash().put(FLASH_KEY, issued);
            external.getFlash().setRedirect(true);
            external.redirect(external.getRequestContextPath() + "/");
        } catch (DomainException e) {
            String field = "displayName".equals(e.field()) ? "issue:displayName" : "issue:expiration";
            faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
    }

    public IssuedToken getIssued() {
        return (IssuedToken) faces.getExternalContext().getFlash().get(FLASH_KEY);
    }

    public Map<String, Long> getExpirations() {
        return EXPIRATIONS;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public long getTtlMinutes() {
        return ttlMinutes;
    }

    public void setTtlMinutes(long ttlMinutes) {
        this.ttlMinutes = ttlMinutes;
    }
}
