package org.rilltokens.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;
import org.rilltokens.audit.boundary.Actor;
import org.rilltokens.users.boundary.Users;
import org.rilltokens.users.entity.User;

/** The signed-in person: the only state the portal keeps in the session. */
@Named
@SessionScoped
public class ActiveUser implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    @Inject
    transient Users users;

    private UUID id;
    private String email;
    private String displayName;

    public UUID id() {
        load();
        return id;
    }

    public String getEmail() {
        load();
        return email;
    }

    public String getDisplayName() {
        load();
        return displayName;
    }

    private void load() {
        if (id == null && security.getCallerPrincipal() != null) {
            User user = users.find(UUID.fromString(security.getCallerPrincipal().getName())).orElseThrow();
            id = user.id();
            email = user.email();
            displayName = user.displayName();
        }
    }

    /** The signed-in person as the author of a change made in the portal, for the audit trail. */
    public Actor actor() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        return Actor.portal(id(), getEmail(), request);
    }

    /** Forgets what was read of the account, so that a changed display name shows on the next page. */
    public void refresh() {
        id = null;
    }

    public void signOut(ExternalContext external) throws ServletException, IOException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login?session=signed-out");
    }
}
