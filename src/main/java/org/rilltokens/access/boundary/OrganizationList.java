package org.rilltokens.access.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.List;
import org.rilltokens.platform.DomainException;
import org.rilltokens.web.ActiveUser;
import org.rilltokens.web.Outcome;
import org.rilltokens.web.PortalPage;

/**
 * The Organizations page: the person's organizations with their role. Superusers see every organization,
 * create new ones, and manage accounts (superusers, deactivation) below.
 */
@Named
@ViewScoped
public class OrganizationList extends PortalPage {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Organizations organizations;

    @Inject
    transient Superusers superusers;

    @Inject
    transient FacesContext faces;

    @Inject
    ActiveUser user;

    private List<OrgInfo> orgs = List.of();
    private List<AccountInfo> accounts = List.of();
    private boolean superuser;
    private String name;
    private String displayName;

    public void load() {
        orgs = organizations.list(user.actor());
        superuser = organizations.mayCreate(user.actor());
        if (superuser) {
            accounts = superusers.accounts(user.actor());
        }
    }

    public void create() throws IOException {
        try {
            OrgInfo created = organizations.create(user.actor(), name, displayName);
            Outcome.done(faces, "Created organization " + created.name() + "; you are its admin. Add members and projects next.",
                    "/organization?org=" + OrgPage.query(created.name()));
        } catch (DomainException e) {
            Outcome.refused(faces, "create", e);
        }
    }

    public void setSuperuser(AccountInfo account, boolean value) throws IOException {
        try {
            superusers.setSuperuser(user.actor(), account.email(), value);
            done(account.email() + (value ? " is now a superuser." : " is no longer a superuser."));
        } catch (DomainException e) {
            refused(e);
        }
    }

    public void setActive(AccountInfo account, boolean value) throws IOException {
        try {
            superusers.setActive(user.actor(), account.email(), value);
            done(value ? "Reactivated " + account.email() + ": their tokens work again."
                    : "Deactivated " + account.email() + ": their tokens and portal session stopped at once.");
        } catch (DomainException e) {
            refused(e);
        }
    }

    private void done(String message) throws IOException {
        cancel();
        Outcome.done(faces, message, "/organizations");
    }

    private void refused(DomainException e) {
        cancel();
        Outcome.refused(faces, "accounts", e);
    }

    public List<OrgInfo> getOrgs() {
        return orgs;
    }

    public List<AccountInfo> getAccounts() {
        return accounts;
    }

    public boolean isSuperuser() {
        return superuser;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
