package org.rilltokens.oauth.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.rilltokens.platform.DomainException;
import org.rilltokens.platform.OAuthError;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.web.PublicAddress;
import org.rilltokens.web.SecurityHeaders;

/**
 * The consent page (/authorize): an AI assistant asks for access, and the signed-in person sees who asks, how it
 * identified itself, where the answer goes and what it would reach, then approves (read-only by default, for how long)
 * or denies. Either way the browser goes back to the client with a code or an error.
 */
@Named
@ViewScoped
public class Consent implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Authorizations authorizations;

    @Inject
    transient PublicAddress address;

    @Inject
    ActiveUser user;

    @Inject
    transient FacesContext faces;

    private AuthorizationRequest request;
    private List<String> projects = List.of();
    private String problem;
    private boolean readOnly = true;
    private int days;

    public void load() throws IOException {
        ExternalContext external = faces.getExternalContext();
        external.setResponseHeader("X-Frame-Options", "DENY");
        days = authorizations.defaultDays();
        Map<String, String> query = external.getRequestParameterMap();
        try {
            request = authorizations.check(new AuthorizationParameters(query.get("response_type"), query.get("client_id"),
                    query.get("redirect_uri"), query.get("code_challenge"), query.get("code_challenge_method"), query.get("state"),
                    query.get("resource")), address.origin((HttpServletRequest) external.getRequest()));
        } catch (AuthorizationRefused e) {
            external.redirect(e.location());
            return;
        } catch (OAuthError e) {
            problem = e.getMessage();
            return;
        }
        SecurityHeaders.allowFormsTo((HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                request.redirectUri().origin());
        projects = authorizations.reach(user.id(), request.target());
        if (projects.isEmpty()) {
            problem = "You cannot query " + request.targetName() + ", so you cannot give " + request.client().name() + " access to it.";
        }
    }

    public void approve() throws IOException {
        if (!getDayChoices().contains(days)) {
            problem = "Choose one of the lifetimes offered.";
            return;
        }
        try {
            faces.getExternalContext().redirect(authorizations.approve(user.id(), request, readOnly, Duration.ofDays(days)));
        } catch (DomainException e) {
            problem = e.getMessage();
        }
    }

    public void deny() throws IOException {
        faces.getExternalContext().redirect(authorizations.deny(request));
    }

    public List<Integer> getDayChoices() {
        return authorizations.dayChoices();
    }

    public AuthorizationRequest getRequest() {
        return request;
    }

    public List<String> getProjects() {
        return projects;
    }

    public String getProblem() {
        return problem;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }
}
