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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.rilltokens.access.boundary.Access;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.Minutes;
import org.rilltokens.tokens.entity.TokenPolicy;
import org.rilltokens.tokens.entity.UserToken;
import org.rilltokens.platform.TokenScope;
import org.rilltokens.web.ActiveUser;

/**
 * The form that issues a token. The new token travels to the next page through the flash and a
 * redirect, so reloading or going back never shows it again; the same form sent twice (a double
 * click, or resent after going back) never issues a second one.
 */
@Named
@ViewScoped
public class IssueToken implements Serializable {

    private static final long serialVersionUID = 1L;
    static final String FLASH_KEY = "issuedToken";

    @Inject
    transient Tokens tokens;

    @Inject
    transient FacesContext faces;

    @Inject
    transient Clock clock;

    @Inject
    transient Access accessRules;

    @Inject
    ActiveUser user;

    private String displayName;
    private String expiration = Expiration.DEFAULT.value();
    private String customMinutes;
    private String access = "all";
    private List<String> projects = new ArrayList<>();
    private boolean readOnly;
    private List<SelectItem> projectChoices;
    private boolean sent;

    // synchronized: two overlapping posts of the same form (a double click) must not both issue a token.
    public synchronized void issue() throws IOException {
        ExternalContext external = faces.getExternalContext();
        if (!sent) {
            try {
                IssuedToken issued = tokens.issue(user.id(), TokenScope.FULL, new IssueTokenRequest(displayName,
                        Expiration.of(expiration).ttlMinutes(customMinutes), chosenProjects(), readOnly));
                sent = true;
                external.getFlash().put(FLASH_KEY, issued);
                // The flash must survive the redirect below (Mojarra keeps it regardless, MyFaces only when told).
                external.getFlash().setRedirect(true);
            } catch (DomainException e) {
                String field = switch (String.valueOf(e.field())) {
                    case "displayName" -> "issue:displayName";
                    case "projects" -> "issue:projects";
                    default -> "issue:customMinutes";
                };
                String message = "projects".equals(e.field()) && projects.isEmpty()
                        ? "Tick at least one project, or choose All my access" : portalWording(e);
                faces.addMessage(field, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
                return;
            }
        }
        external.redirect(external.getRequestContextPath() + "/");
    }

    /** Null for "All my access"; the ticked projects (possibly none, which the boundary refuses) otherwise. */
    private List<String> chosenProjects() {
        return "projects".equals(access) ? projects : null;
    }

    /** The projects the person can reach now, as "org/project": the only ones a token may be restricted to. */
    public List<SelectItem> getProjectChoices() {
        if (projectChoices == null) {
            projectChoices = accessRules.of(user.id()).stream().flatMap(org -> org.projects().stream())
                    .map(project -> project.org() + "/" + project.project()).map(path -> new SelectItem(path, path)).toList();
        }
        return projectChoices;
    }

    public String reachOf(IssuedToken issued) {
        return new TokenRow(issued.tokenInfo(), clock.instant()).access();
    }

    /** The token's rule speaks API (ttlMinutes); a person filled in a field called "Custom (minutes)". */
    private static String portalWording(DomainException e) {
        return "ttlMinutes".equals(e.field()) && e.getMessage().startsWith(UserToken.TTL_RANGE) ? "Enter between 1 and " + UserToken.TTL_MINUTES_MAX + " minutes (10 years)" : e.getMessage();
    }

    /** When a token made now with the chosen expiration would expire; the page's script keeps it current. */
    public String getPreview() {
        return Expiration.of(getExpiration()).preview(clock.instant());
    }

    public IssuedToken getIssued() {
        return (IssuedToken) faces.getExternalContext().getFlash().get(FLASH_KEY);
    }

    public String expiryOf(IssuedToken issued) {
        Instant expires = issued.tokenInfo().expiresOn();
        return expires == null ? "It never expires: revoke it when you no longer need it." : "It expires on " + Expiration.date(expires) + ".";
    }

    /** Only the lifetimes the instance's token policy allows (custom minutes are checked when sent). */
    public List<SelectItem> getExpirations() {
        TokenPolicy policy = tokens.policy();
        return Stream.of(Expiration.values()).filter(choice -> choice == Expiration.CUSTOM || policy.allows(choice.ttlMinutes(null)))
                .map(choice -> new SelectItem(choice.value(), choice.label())).toList();
    }

    /** What the instance's token policy says about lifetimes, or null when it says nothing. */
    public String getPolicyHint() {
        TokenPolicy policy = tokens.policy();
        return policy.maxLifetimeMinutes().map(max -> "This service allows tokens to live at most " + Minutes.describe(max) + ".")
                .orElse(policy.expirationRequired() ? "This service requires every token to expire." : null);
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    /** The chosen expiration; when the policy does not allow the default, the longest preset it allows. */
    public String getExpiration() {
        Expiration chosen = Expiration.of(expiration);
        if (chosen != Expiration.CUSTOM && !tokens.policy().allows(chosen.ttlMinutes(null))) {
            TokenPolicy policy = tokens.policy();
            expiration = Stream.of(Expiration.values()).filter(choice -> choice != Expiration.CUSTOM && choice != Expiration.NEVER)
                    .filter(choice -> policy.allows(choice.ttlMinutes(null)))
                    .reduce((shorter, longer) -> longer).orElse(Expiration.CUSTOM).value();
        }
        return expiration;
    }

    public void setExpiration(String expiration) {
        this.expiration = expiration;
    }

    public String getAccess() {
        return access;
    }

    public void setAccess(String access) {
        this.access = access;
    }

    public List<String> getProjects() {
        return projects;
    }

    public void setProjects(List<String> projects) {
        this.projects = projects == null ? new ArrayList<>() : new ArrayList<>(projects);
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public String getCustomMinutes() {
        return customMinutes;
    }

    public void setCustomMinutes(String customMinutes) {
        this.customMinutes = customMinutes;
    }
}
